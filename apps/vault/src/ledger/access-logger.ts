import type { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { accessMessageComposer, createRegistry, toPrecisionChainError, walletFromMnemonic } from "@precision/client";
import { MsgLogAccessResponse, type Purpose } from "@precision/proto";
import { VaultError } from "../http/errors.js";

export interface LoggedRead {
  readonly entryId: bigint;
  readonly grantId: bigint;
  readonly purpose: Purpose;
}

interface Pending {
  readonly reader: string;
  readonly recordId: string;
  resolve(entry: LoggedRead): void;
  reject(err: unknown): void;
}

/** Gas for one MsgLogAccess: its CanRead walk and three writes, with room to spare. */
const GAS_PER_ENTRY = 80_000;
const GAS_PER_TX = 80_000;
const MAX_BATCH = 64;

/**
 * Writes an access-log entry on chain for every read, before the read is served. Reads arriving
 * while a tx is in flight are batched into the next tx (one MsgLogAccess each); if a batch fails
 * (a grant revoked in between), each entry is retried alone so only the refused read fails.
 */
export class AccessLogger {
  private queue: Pending[] = [];
  private running = false;

  private constructor(
    private readonly client: SigningStargateClient,
    readonly operator: string,
    private readonly gasPrice: GasPrice,
  ) {}

  static async connect(rpcUrl: string, mnemonic: string, gasPrice: string): Promise<AccessLogger> {
    const wallet: DirectSecp256k1HdWallet = await walletFromMnemonic(mnemonic);
    const [account] = await wallet.getAccounts();
    const price = GasPrice.fromString(gasPrice);
    const client = await SigningStargateClient.connectWithSigner(rpcUrl, wallet, { registry: createRegistry(), gasPrice: price, broadcastPollIntervalMs: 100, broadcastTimeoutMs: 20_000 });
    return new AccessLogger(client, account!.address, price);
  }

  log(reader: string, recordId: string): Promise<LoggedRead> {
    return new Promise((resolve, reject) => {
      this.queue.push({ reader, recordId, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.submit(batch, batch.length > 1);
      }
    } finally {
      this.running = false;
    }
  }

  private async submit(batch: Pending[], retryAlone: boolean): Promise<void> {
    const messages = batch.map((p) => accessMessageComposer.logAccess({ vault: this.operator, reader: p.reader, recordId: p.recordId }));
    const fee = calculateFee(GAS_PER_TX + GAS_PER_ENTRY * batch.length, this.gasPrice);
    let failure: unknown;
    try {
      const result = await this.client.signAndBroadcast(this.operator, messages, fee, "vault reads");
      if (result.code === 0) {
        result.msgResponses.forEach((any, i) => {
          const response = MsgLogAccessResponse.decode(any.value);
          batch[i]!.resolve({ entryId: response.entryId, grantId: response.grantId, purpose: response.purpose });
        });
        return;
      }
      failure = new VaultError("E_FORBIDDEN", `the chain refused to log the read: ${result.rawLog ?? `code ${result.code}`}`, { chainCode: result.code });
    } catch (err) {
      const chainError = toPrecisionChainError(err);
      failure = chainError ? new VaultError("E_FORBIDDEN", `the chain refused to log the read: ${chainError.message}`) : new VaultError("E_CHAIN_UNAVAILABLE", `could not write the access log: ${(err as Error).message}`);
    }
    if (retryAlone && !(failure instanceof VaultError && failure.code === "E_CHAIN_UNAVAILABLE")) {
      for (const p of batch) await this.submit([p], false);
      return;
    }
    for (const p of batch) p.reject(failure);
  }

  close(): void {
    this.client.disconnect();
  }
}
