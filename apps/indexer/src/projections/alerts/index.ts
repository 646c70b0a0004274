import { Alert } from "@precision/proto/precision/alerts/v1/types";
import { insertRows, updateAllBut, type Column } from "../../core/bulk.js";
import { genesisIds, idKey, toDate, typedEventValues } from "../event-ids.js";
import type { Projection } from "../projection.js";

const STORE = "alerts";
/** chain/modules/alerts/types/keys.ts: 0x01 | alert id → Alert. */
const ALERT_PREFIX = 0x01;

const COLUMNS: Column[] = [
  { name: "id", type: "text" },
  { name: "deviceId", type: "text" },
  { name: "patient", type: "text" },
  { name: "code", type: "text" },
  { name: "sequence", type: "bigint" },
  { name: "observedAt", type: "timestamp(3)" },
  { name: "submitter", type: "text" },
  { name: "grantIds", type: "bigint[]" },
  { name: "height", type: "bigint" },
  { name: "time", type: "timestamp(3)" },
];

export const alertsProjection: Projection = {
  module: "alerts",
  async load({ block, genesisAppState, state }) {
    const ids = [...new Set([...genesisIds(genesisAppState?.alerts, "alerts"), ...typedEventValues(block, "precision.alerts.v1.", ["alert_id"])])].sort();
    const values = await state.getMany(block.height, ids.map((id) => ({ store: STORE, key: idKey(ALERT_PREFIX, id) })));
    return async (tx) => {
      const rows = values.flatMap((v) => {
        if (!v) return [];
        const a = Alert.decode(v);
        return [[a.id, a.deviceId, a.patient, a.code, a.sequence, new Date(Number(a.observedAt) * 1000), a.submitter, a.grantIds, a.height, toDate(a.time)]];
      });
      await insertRows(tx, "ChainAlert", COLUMNS, rows, updateAllBut(["id"], COLUMNS));
    };
  },
};
