import { Device, Member, Organization, OrganizationType, DeviceKind, Role } from "@precision/proto/precision/identity/v1/types";
import { insertRows, updateAllBut, type Column } from "../../core/bulk.js";
import type { Projection } from "../projection.js";
import { unquote } from "../touched.js";

const encoder = new TextEncoder();
const STORE = "identity";

/** chain/modules/identity/types/keys.ts */
const organizationKey = (id: string) => Uint8Array.of(0x02, ...encoder.encode(id));
const deviceKey = (id: string) => Uint8Array.of(0x06, ...encoder.encode(id));
function memberKey(organizationId: string, address: string): Uint8Array {
  const org = encoder.encode(organizationId);
  return Uint8Array.of(0x04, org.length, ...org, ...encoder.encode(address));
}

const EVENT_PREFIX = "precision.identity.v1.";

interface GenesisIdentity {
  organizations?: { id?: string }[];
  members?: { organization_id?: string; organizationId?: string; address?: string }[];
  devices?: { id?: string }[];
}

const ORG_COLUMNS: Column[] = [
  { name: "id", type: "text" },
  { name: "type", type: "text" },
  { name: "name", type: "text" },
  { name: "active", type: "bool" },
  { name: "identifiers", type: "jsonb" },
  { name: "updatedHeight", type: "bigint" },
];
const MEMBER_COLUMNS: Column[] = [
  { name: "organizationId", type: "text" },
  { name: "address", type: "text" },
  { name: "roles", type: "text[]" },
  { name: "title", type: "text" },
  { name: "active", type: "bool" },
  { name: "updatedHeight", type: "bigint" },
];
const DEVICE_COLUMNS: Column[] = [
  { name: "id", type: "text" },
  { name: "kind", type: "text" },
  { name: "patientAddress", type: "text" },
  { name: "carrierOrganizationId", type: "text" },
  { name: "model", type: "text" },
  { name: "manufacturer", type: "text" },
  { name: "active", type: "bool" },
  { name: "updatedHeight", type: "bigint" },
];

const enumName = (table: Record<number, string>, v: number) => (table[v] ?? String(v)).replace(/^[A-Z]+_TYPE_|^ROLE_|^DEVICE_KIND_/, "");

/** Organisations, members and devices named by identity events (and all of genesis at the first block). */
export const identityProjection: Projection = {
  module: "identity",
  async load({ block, genesisAppState, state }) {
    const orgs = new Set<string>();
    const members = new Map<string, { organizationId: string; address: string }>();
    const devices = new Set<string>();
    const genesis = genesisAppState?.identity as GenesisIdentity | undefined;
    for (const o of genesis?.organizations ?? []) if (o.id) orgs.add(o.id);
    for (const m of genesis?.members ?? []) {
      const organizationId = m.organization_id ?? m.organizationId;
      if (organizationId && m.address) members.set(`${organizationId}/${m.address}`, { organizationId, address: m.address });
    }
    for (const d of genesis?.devices ?? []) if (d.id) devices.add(d.id);
    for (const events of [block.blockEvents, ...block.txs.map((t) => t.events)]) {
      for (const e of events) {
        if (!e.type.startsWith(EVENT_PREFIX)) continue;
        const attr = (k: string) => {
          const v = e.attributes.find((a) => a.key === k)?.value;
          return v === undefined ? undefined : unquote(v);
        };
        const organizationId = attr("organization_id");
        const address = attr("address");
        const deviceId = attr("device_id");
        if (organizationId) orgs.add(organizationId);
        if (organizationId && address) members.set(`${organizationId}/${address}`, { organizationId, address });
        if (deviceId) devices.add(deviceId);
      }
    }
    const orgList = [...orgs].sort();
    const memberList = [...members.keys()].sort().map((k) => members.get(k)!);
    const deviceList = [...devices].sort();
    const values = await state.getMany(block.height, [
      ...orgList.map((id) => ({ store: STORE, key: organizationKey(id) })),
      ...memberList.map((m) => ({ store: STORE, key: memberKey(m.organizationId, m.address) })),
      ...deviceList.map((id) => ({ store: STORE, key: deviceKey(id) })),
    ]);
    const orgValues = values.slice(0, orgList.length);
    const memberValues = values.slice(orgList.length, orgList.length + memberList.length);
    const deviceValues = values.slice(orgList.length + memberList.length);
    const h = block.height;
    return async (tx) => {
      const orgRows = orgValues.flatMap((v) => {
        if (!v) return [];
        const o = Organization.decode(v);
        const ids = o.identifiers;
        const identifiers = Object.fromEntries(Object.entries(ids ?? {}).filter(([, x]) => typeof x === "string" && x !== ""));
        return [[o.id, enumName(OrganizationType as unknown as Record<number, string>, o.type), o.name, o.active, identifiers, h]];
      });
      await insertRows(tx, "ChainOrganization", ORG_COLUMNS, orgRows, updateAllBut(["id"], ORG_COLUMNS));
      const memberRows = memberValues.flatMap((v) => {
        if (!v) return [];
        const m = Member.decode(v);
        return [[m.organizationId, m.address, m.roles.map((r) => enumName(Role as unknown as Record<number, string>, r)), m.title, m.active, h]];
      });
      await insertRows(tx, "ChainMember", MEMBER_COLUMNS, memberRows, updateAllBut(["organizationId", "address"], MEMBER_COLUMNS));
      const deviceRows = deviceValues.flatMap((v) => {
        if (!v) return [];
        const d = Device.decode(v);
        return [[d.id, enumName(DeviceKind as unknown as Record<number, string>, d.kind), d.patientAddress ?? null, d.carrierOrganizationId ?? null, d.model, d.manufacturer, d.active, h]];
      });
      await insertRows(tx, "ChainDevice", DEVICE_COLUMNS, deviceRows, updateAllBut(["id"], DEVICE_COLUMNS));
    };
  },
};
