import { fromBech32, toBase64 } from "@cosmjs/encoding";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { insertRows, updateAllBut, type Column } from "../../core/bulk.js";
import type { Projection } from "../projection.js";

/** chain/modules/auth/types/keys.ts: 0x01 | address bytes → BaseAccount. */
export function accountKey(address: string): Uint8Array {
  const { data } = fromBech32(address, 90);
  return Uint8Array.of(0x01, ...data);
}

function genesisAddresses(appState: Record<string, unknown> | undefined): string[] {
  const accounts = (appState?.auth as { accounts?: { address?: string }[] } | undefined)?.accounts ?? [];
  return accounts.map((a) => a.address).filter((a): a is string => typeof a === "string");
}

const COLUMNS: Column[] = [
  { name: "address", type: "text" },
  { name: "accountNumber", type: "bigint" },
  { name: "sequence", type: "bigint" },
  { name: "pubKey", type: "text" },
  { name: "updatedHeight", type: "bigint" },
];

/** Accounts (number, sequence, key) of every address a block's txs touched. */
export const authProjection: Projection = {
  module: "auth",
  async load({ block, genesisAppState, state }) {
    const addresses = new Set(genesisAddresses(genesisAppState));
    for (const tx of block.txs) for (const a of tx.addresses) addresses.add(a);
    const list = [...addresses].sort();
    const values = await state.getMany(block.height, list.map((a) => ({ store: "auth", key: accountKey(a) })));
    return async (tx) => {
      const rows: unknown[][] = [];
      list.forEach((address, i) => {
        const v = values[i];
        if (v === undefined) return;
        const account = BaseAccount.decode(v);
        const key = account.pubKey?.value.length ? PubKey.decode(account.pubKey.value).key : undefined;
        rows.push([address, account.accountNumber, account.sequence, key ? toBase64(key) : null, block.height]);
      });
      await insertRows(tx, "ChainAccount", COLUMNS, rows, updateAllBut(["address"], COLUMNS));
    };
  },
};
