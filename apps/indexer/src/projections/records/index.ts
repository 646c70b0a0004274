import { AnchoredRecord, RecordClass } from "@precision/proto/precision/records/v1/types";
import { insertRows, updateAllBut, type Column } from "../../core/bulk.js";
import { enumLabel, genesisIds, idKey, toDate, typedEventValues } from "../event-ids.js";
import type { Projection } from "../projection.js";

const STORE = "records";
/** chain/modules/records/types/keys.ts: 0x01 | record id → AnchoredRecord. */
const RECORD_PREFIX = 0x01;

const COLUMNS: Column[] = [
  { name: "id", type: "text" },
  { name: "patient", type: "text" },
  { name: "author", type: "text" },
  { name: "authorOrganizationId", type: "text" },
  { name: "resourceType", type: "text" },
  { name: "recordClass", type: "text" },
  { name: "ciphertextSha256", type: "text" },
  { name: "ciphertextSize", type: "bigint" },
  { name: "vaultLocator", type: "text" },
  { name: "amends", type: "text" },
  { name: "supersedes", type: "text" },
  { name: "supersededBy", type: "text" },
  { name: "height", type: "bigint" },
  { name: "time", type: "timestamp(3)" },
];

/** Records anchored in the block, and the records they superseded (which gain superseded_by). */
export const recordsProjection: Projection = {
  module: "records",
  async load({ block, genesisAppState, state }) {
    const ids = [...new Set([...genesisIds(genesisAppState?.records, "records"), ...typedEventValues(block, "precision.records.v1.", ["record_id", "supersedes"])])].sort();
    const values = await state.getMany(block.height, ids.map((id) => ({ store: STORE, key: idKey(RECORD_PREFIX, id) })));
    return async (tx) => {
      const rows = values.flatMap((v) => {
        if (!v) return [];
        const r = AnchoredRecord.decode(v);
        const orEmpty = (s: string) => (s === "" ? null : s);
        return [[r.id, r.patient, r.author, orEmpty(r.authorOrganizationId), r.resourceType, enumLabel(RecordClass, r.recordClass, "RECORD_CLASS_"), Buffer.from(r.ciphertextSha256).toString("hex"), r.ciphertextSize, r.vaultLocator, orEmpty(r.amends), orEmpty(r.supersedes), orEmpty(r.supersededBy), r.height, toDate(r.time)]];
      });
      await insertRows(tx, "ChainRecord", COLUMNS, rows, updateAllBut(["id"], COLUMNS));
    };
  },
};
