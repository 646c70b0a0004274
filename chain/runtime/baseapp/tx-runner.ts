import type { Any } from "cosmjs-types/google/protobuf/any";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import type { AnteHandler } from "../ante/ante-handler.js";
import { Context } from "../context/context.js";
import { ChainError, toAbciError } from "../errors/registry.js";
import { ErrInvalidGasLimit } from "../errors/sdk-errors.js";
import { EventManager, msgIndexAttribute, withMsgIndex, type ChainEvent, type EventAttribute } from "../events/event-manager.js";
import { BasicGasMeter, InfiniteGasMeter, OutOfGasError, type GasMeter } from "../gas/gas-meter.js";
import type { CacheKVStore } from "../store/types.js";
import { decodeTx, type DecodedTx, type TxLimits } from "../tx/decode-tx.js";
import type { MsgRouter } from "../router/msg-router.js";
import type { BlockHeader, ExecMode } from "../context/context.js";

export interface TxOutcome {
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
  readonly gasWanted: number;
  readonly gasUsed: number;
  readonly events: readonly ChainEvent[];
  /** TxMsgData bytes on success, empty on failure (as baseapp leaves it). */
  readonly data: Uint8Array;
  readonly msgResponses: readonly Any[];
}

export interface TxRunnerOptions {
  readonly router: MsgRouter;
  readonly ante: AnteHandler;
  readonly txLimits: TxLimits;
}

/** The constant attributes of baseapp's message event, one frozen object per type URL / module. */
function constantAttribute(memo: Map<string, EventAttribute>, key: string, value: string): EventAttribute {
  let attr = memo.get(value);
  if (attr === undefined) {
    attr = Object.freeze({ key, value, index: true });
    memo.set(value, attr);
  }
  return attr;
}

const actions = new Map<string, EventAttribute>();
const modules = new Map<string, EventAttribute>();
const actionAttribute = (typeUrl: string) => constantAttribute(actions, "action", typeUrl);
const moduleAttribute = (module: string) => constantAttribute(modules, "module", module);

function failure(err: unknown, gasWanted: number, meter: GasMeter | undefined, events: readonly ChainEvent[]): TxOutcome {
  const gasUsed = meter?.consumed() ?? 0;
  const chainErr = err instanceof OutOfGasError ? err.toChainError(gasWanted, gasUsed) : err;
  const { code, codespace, log } = toAbciError(chainErr);
  return { code, codespace, log, gasWanted, gasUsed, events, data: new Uint8Array(), msgResponses: [] };
}

/**
 * baseapp's runTx: decode, ante handler on its own branch (persisted as soon as it succeeds, so a
 * failing message still pays its fee and spends its sequence), then the messages on a second
 * branch that is written only if every message succeeds. CheckTx stops after the ante handler.
 */
export class TxRunner {
  constructor(private readonly options: TxRunnerOptions) {}

  /**
   * Decoding is a pure function of the bytes, so a tx CheckTx decoded is not decoded again in
   * FinalizeBlock: the embedded engine hands the app the same bytes object from the mempool to
   * the block, and the decoding lives exactly as long as that object. Decoded txs are shared and
   * must be treated as immutable by every handler.
   */
  decode(txBytes: Uint8Array): DecodedTx {
    const cached = this.decoded.get(txBytes);
    if (cached !== undefined && cached.length === txBytes.length) return cached.tx;
    const tx = decodeTx(txBytes, this.options.router, this.options.txLimits);
    this.decoded.set(txBytes, { length: txBytes.length, tx });
    return tx;
  }

  private readonly decoded = new WeakMap<Uint8Array, { length: number; tx: DecodedTx }>();

  run(header: BlockHeader, mode: ExecMode, parent: CacheKVStore, txBytes: Uint8Array, decoded?: DecodedTx): TxOutcome {
    let tx: DecodedTx;
    try {
      tx = decoded ?? this.decode(txBytes);
    } catch (err) {
      return failure(err, 0, undefined, []);
    }
    const gasLimit = tx.authInfo.fee?.gasLimit ?? 0n;
    if (gasLimit > BigInt(Number.MAX_SAFE_INTEGER)) {
      return failure(ErrInvalidGasLimit.wrap(`gas limit ${gasLimit} is too large`), 0, undefined, []);
    }
    const gasWanted = Number(gasLimit);
    const unmetered = mode === "simulate" || mode === "genesis" || header.height === 0;
    const meter: GasMeter = unmetered ? new InfiniteGasMeter() : new BasicGasMeter(gasWanted);

    const anteStore = parent.branch();
    const anteCtx = new Context(header, mode, anteStore, meter, new EventManager());
    try {
      this.options.ante.run(anteCtx, tx);
    } catch (err) {
      return failure(err, gasWanted, meter, []);
    }
    anteStore.write();
    const anteEvents = anteCtx.eventManager.events();
    if (mode === "check" || mode === "recheck") {
      return { code: 0, codespace: "", log: "", gasWanted, gasUsed: meter.consumed(), events: anteEvents, data: new Uint8Array(), msgResponses: [] };
    }

    const msgStore = parent.branch();
    const events: ChainEvent[] = [...anteEvents];
    const msgResponses: Any[] = [];
    try {
      tx.msgs.forEach((msg, index) => {
        const msgCtx = new Context(header, mode, msgStore, meter, new EventManager());
        let result;
        try {
          result = msg.route.handle(msgCtx, msg.value);
        } catch (err) {
          if (err instanceof ChainError) throw err.wrap(`failed to execute message; message index: ${index}`);
          throw err;
        }
        // baseapp's message event, built with its msg_index rather than copied to append it.
        events.push({
          type: "message",
          attributes: [
            actionAttribute(msg.typeUrl),
            { key: "sender", value: msg.signer, index: true },
            moduleAttribute(msg.route.module),
            msgIndexAttribute(index),
          ],
        });
        for (const e of withMsgIndex(msgCtx.eventManager.events(), index)) events.push(e);
        msgResponses.push(result.response);
      });
    } catch (err) {
      return failure(err, gasWanted, meter, anteEvents);
    }
    msgStore.write();
    const data = TxMsgData.encode({ data: [], msgResponses }).finish();
    return { code: 0, codespace: "", log: "", gasWanted, gasUsed: meter.consumed(), events, data, msgResponses };
  }
}
