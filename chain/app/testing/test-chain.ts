import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { ExecTxResult, ResponseCheckTx, ResponseQuery } from "cosmjs-types/tendermint/abci/types";
import { StateStore } from "../../runtime/store/state-store.js";
import { createPrecisionApp, type PrecisionApp, type PrecisionAppOptions } from "../app.js";
import type { GenesisDoc } from "../genesis.js";

export const TEST_CHAIN_ID = "precision-test-1";

export function msgSend(from: string, to: string, amount: bigint, denom = "uusd"): Any {
  return {
    typeUrl: "/cosmos.bank.v1beta1.MsgSend",
    value: MsgSend.encode({ fromAddress: from, toAddress: to, amount: [{ denom, amount: amount.toString() }] }).finish(),
  };
}

/** A real app over a real StateStore in a temporary directory, driven like the engine drives it. */
export class TestChain {
  height = 0;
  /** Seconds the block clock is ahead of one second per block (see `advance`). */
  private skew = 0n;

  private constructor(
    readonly app: PrecisionApp,
    readonly store: StateStore,
    private readonly dir: string,
  ) {}

  static async start(genesis: GenesisDoc, options: Partial<PrecisionAppOptions> = {}): Promise<TestChain> {
    const dir = mkdtempSync(join(tmpdir(), "precision-app-test-"));
    const store = await StateStore.open(dir);
    const app = createPrecisionApp({ store, chainId: genesis.chain_id, ...options });
    await app.initChain({
      time: { seconds: 1_700_000_000n, nanos: 0 },
      chainId: genesis.chain_id,
      consensusParams: undefined,
      validators: [],
      appStateBytes: new TextEncoder().encode(JSON.stringify(genesis.app_state)),
      initialHeight: 1n,
    });
    return new TestChain(app, store, dir);
  }

  /** Moves the block clock forward, e.g. past the end of a grant. */
  advance(seconds: bigint): void {
    this.skew += seconds;
  }

  /** The time the next block will carry, in seconds. */
  nextBlockSeconds(): bigint {
    return 1_700_000_000n + BigInt(this.height + 1) + this.skew;
  }

  /** Finalizes and commits one block; returns the tx results and the app hash. */
  async block(txs: readonly Uint8Array[]): Promise<{ results: ExecTxResult[]; appHash: Uint8Array }> {
    const height = this.height + 1;
    const res = await this.app.finalizeBlock({
      txs: [...txs],
      decidedLastCommit: { round: 0, votes: [] },
      misbehavior: [],
      hash: new Uint8Array(32),
      height: BigInt(height),
      time: { seconds: this.nextBlockSeconds(), nanos: 0 },
      nextValidatorsHash: new Uint8Array(),
      proposerAddress: new Uint8Array(20),
    });
    await this.app.commit();
    this.height = height;
    return { results: res.txResults, appHash: res.appHash };
  }

  async checkTx(tx: Uint8Array): Promise<ResponseCheckTx> {
    return this.app.checkTx({ tx, type: 0 });
  }

  async query(path: string, data: Uint8Array, height = 0n, prove = false): Promise<ResponseQuery> {
    return this.app.query({ path, data, height, prove });
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
