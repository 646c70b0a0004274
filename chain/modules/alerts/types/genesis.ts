import { GenesisState } from "@precision/proto/precision/alerts/v1/genesis";
import { requireAccountAddress } from "../../../runtime/module/kit.js";
import { ALERT_CODES } from "./params.js";

export type AlertsGenesisJson = Record<string, unknown>;

export function defaultGenesis(): AlertsGenesisJson {
  return GenesisState.toJSON({ alerts: [], deviceSequences: [] }) as AlertsGenesisJson;
}

export function parseGenesis(json: unknown): GenesisState {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("alerts genesis must be an object");
  const state = GenesisState.fromJSON(json);
  const ids = new Set<string>();
  for (const alert of state.alerts) {
    try {
      alert.patient = requireAccountAddress(alert.patient, "patient");
      if (!ALERT_CODES.includes(alert.code)) throw new Error(`unknown code ${alert.code}`);
    } catch (err) {
      throw new Error(`alerts genesis: alert ${alert.id}: ${(err as Error).message}`, { cause: err });
    }
    if (ids.has(alert.id)) throw new Error(`alerts genesis: duplicate alert ${alert.id}`);
    ids.add(alert.id);
  }
  const devices = new Set<string>();
  for (const s of state.deviceSequences) {
    if (devices.has(s.deviceId)) throw new Error(`alerts genesis: duplicate sequence for device ${s.deviceId}`);
    devices.add(s.deviceId);
  }
  return state;
}
