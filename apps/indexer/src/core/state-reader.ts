import { fromBase64, toHex } from "@cosmjs/encoding";
import type { RpcAbciQuery } from "./chain-types.js";
import type { CometRpc } from "./comet-rpc.js";

export interface StateKey {
  /** The module's store key, e.g. "bank". */
  readonly store: string;
  readonly key: Uint8Array;
}

/** Reads raw module state at a height (`store/<module>/key`): the authoritative value after that block. */
export interface StateReader {
  getMany(height: bigint, keys: readonly StateKey[]): Promise<(Uint8Array | undefined)[]>;
}

const BATCH = 500;

export class RpcStateReader implements StateReader {
  constructor(private readonly rpc: CometRpc) {}

  async getMany(height: bigint, keys: readonly StateKey[]): Promise<(Uint8Array | undefined)[]> {
    const out: (Uint8Array | undefined)[] = [];
    for (let i = 0; i < keys.length; i += BATCH) {
      const slice = keys.slice(i, i + BATCH);
      const replies = await this.rpc.batch<RpcAbciQuery>(
        slice.map((k) => ({
          method: "abci_query",
          params: { path: `store/${k.store}/key`, data: toHex(k.key), height: height.toString(), prove: false },
        })),
      );
      replies.forEach((r, j) => {
        const code = r.response.code ?? 0;
        if (code !== 0) throw new Error(`state query store/${slice[j]!.store} at height ${height} failed: ${r.response.log ?? code}`);
        const v = r.response.value ? fromBase64(r.response.value) : new Uint8Array();
        out.push(v.length === 0 ? undefined : v);
      });
    }
    return out;
  }
}
