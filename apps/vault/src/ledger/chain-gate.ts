import { connectPrecisionClient, isNotFoundError, type PrecisionConnection } from "@precision/client";
import type { AnchoredRecord, QueryCanReadResponse } from "@precision/proto";
import { VaultError } from "../http/errors.js";

/** The vault's read-only view of the chain: records, accounts and the access module's decision. */
export interface ChainGate {
  record(recordId: string): Promise<AnchoredRecord | undefined>;
  accountExists(address: string): Promise<boolean>;
  canRead(reader: string, recordId: string): Promise<QueryCanReadResponse>;
  close(): void;
}

async function chainCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isNotFoundError(err)) throw err;
    throw new VaultError("E_CHAIN_UNAVAILABLE", `the chain node did not answer ${what}: ${(err as Error).message}`);
  }
}

export async function connectChainGate(rpcUrl: string): Promise<ChainGate> {
  let connection: PrecisionConnection;
  try {
    connection = await connectPrecisionClient(rpcUrl);
  } catch (err) {
    throw new VaultError("E_CHAIN_UNAVAILABLE", `cannot reach the chain node at ${rpcUrl}: ${(err as Error).message}`);
  }
  const { query, client } = connection;
  return {
    async record(recordId) {
      try {
        return await chainCall("the record query", () => query.records.record(recordId));
      } catch (err) {
        if (isNotFoundError(err)) return undefined;
        throw err;
      }
    },
    accountExists: async (address) => (await chainCall("the account query", () => client.getAccount(address))) !== null,
    canRead: (reader, recordId) => chainCall("CanRead", () => query.access.canRead(reader, recordId)),
    close: () => connection.disconnect(),
  };
}
