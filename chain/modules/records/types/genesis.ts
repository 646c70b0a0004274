import { GenesisState } from "@precision/proto/precision/records/v1/genesis";
import { requireAccountAddress } from "../../../runtime/module/kit.js";
import { validateCiphertext, validateKeys, validateRecordClass, validateRecordId, validateResourceType } from "./validation.js";

/** Genesis JSON is GenesisState in proto3 JSON. */
export type RecordsGenesisJson = Record<string, unknown>;

export function defaultGenesis(): RecordsGenesisJson {
  return GenesisState.toJSON({ records: [] }) as RecordsGenesisJson;
}

/** Each record obeys the message rules; amends/supersedes links name records in genesis. */
export function parseGenesis(json: unknown): GenesisState {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("records genesis must be an object");
  const state = GenesisState.fromJSON(json);
  const ids = new Set<string>();
  const all = new Set(state.records.map((r) => r.id));
  for (const record of state.records) {
    try {
      validateRecordId(record.id);
      record.patient = requireAccountAddress(record.patient, "patient");
      record.author = requireAccountAddress(record.author, "author");
      validateResourceType(record.resourceType);
      validateRecordClass(record.recordClass);
      validateCiphertext(record.ciphertextSha256, record.ciphertextSize, record.vaultLocator);
      record.keys = validateKeys(record.keys, [record.patient]);
      for (const link of [record.amends, record.supersedes]) {
        if (link !== "" && !all.has(link)) throw new Error(`links to ${link}, which is not in genesis`);
      }
    } catch (err) {
      throw new Error(`records genesis: record ${record.id}: ${(err as Error).message}`, { cause: err });
    }
    if (ids.has(record.id)) throw new Error(`records genesis: duplicate record ${record.id}`);
    ids.add(record.id);
  }
  return state;
}
