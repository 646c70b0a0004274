import { describe, expect, it } from "vitest";
import { AUTH_INFO_SCHEMA, rejectUnknownFields, schemaFromTable, TX_BODY_SCHEMA, TX_RAW_SCHEMA, WireError, type WireTable } from "./unknown-fields.js";

function message(bytes: number[], schema = AUTH_INFO_SCHEMA, allowNonCritical = false, path = "AuthInfo"): string | undefined {
  try {
    rejectUnknownFields(Uint8Array.from(bytes), schema, allowNonCritical, path);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(WireError);
    return (err as Error).message;
  }
}

describe("rejectUnknownFields", () => {
  it("accepts known fields at every depth and reads nothing past the end", () => {
    // AuthInfo.fee (2) { amount (1) { denom (1) "u" }, gas_limit (2) 5 }
    expect(message([0x12, 0x07, 0x0a, 0x03, 0x0a, 0x01, 0x75, 0x10, 0x05])).toBeUndefined();
    expect(message([])).toBeUndefined();
  });

  it("names the path of a rejected nested field", () => {
    // AuthInfo.fee (2) { amount (1) { field 9 varint } }
    expect(message([0x12, 0x04, 0x0a, 0x02, 0x48, 0x01])).toBe("AuthInfo.2.1: unknown field 9 (wire type 0)");
    // AuthInfo.signer_infos (1) { mode_info (2) { single (1) { field 2 varint } } }
    expect(message([0x0a, 0x06, 0x12, 0x04, 0x0a, 0x02, 0x10, 0x01])).toBe("AuthInfo.1.2.1: unknown field 2 (wire type 0)");
  });

  it("keeps checking siblings after a nested message, at the right position", () => {
    // fee { gas_limit 1 } then an unknown top-level field 4
    expect(message([0x12, 0x02, 0x10, 0x01, 0x20, 0x01])).toBe("AuthInfo: unknown field 4 (wire type 0)");
  });

  it("rejects malformed wire data with a clear reason", () => {
    expect(message([0x08])).toBe("AuthInfo: field 1 has wire type 0, expected 2");
    expect(message([0x12, 0x05, 0x10])).toBe("AuthInfo: field 2 overruns the buffer");
    expect(message([0x12, 0x01, 0x10])).toBe("AuthInfo.2: truncated varint");
    expect(message([0x12, 0x0b, 0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])).toBe("AuthInfo.2: varint too long");
    expect(message([0x02], TX_RAW_SCHEMA, false, "TxRaw")).toBe("TxRaw: illegal field number 0");
    expect(message([0x0b], TX_RAW_SCHEMA, false, "TxRaw")).toBe("TxRaw: field 1 has wire type 3, expected 2");
  });

  it("allows non-critical fields (bit 11) only where the caller allows them", () => {
    const nonCritical = [0x88, 0x40, 0x01]; // field 1025, varint
    expect(message(nonCritical, TX_BODY_SCHEMA, true, "TxBody")).toBeUndefined();
    expect(message(nonCritical, TX_BODY_SCHEMA, false, "TxBody")).toBe("TxBody: unknown field 1025 (wire type 0)");
  });

  it("builds schemas from a generated wire table, recursive types and packed repeated scalars included", () => {
    const table: WireTable = {
      "t.Node": { 1: { wire: 2 }, 2: { wire: 2, message: "t.Node" }, 3: { wire: 0, packed: true } },
    };
    const node = schemaFromTable(table, "t.Node");
    expect(node[2]!.message).toBe(node);
    // Node { child (2) { name (1) "a", ids (3) packed [1, 2] }, ids (3) 7 unpacked }
    expect(message([0x12, 0x07, 0x0a, 0x01, 0x61, 0x1a, 0x02, 0x01, 0x02, 0x18, 0x07], node, false, "Node")).toBeUndefined();
    expect(message([0x12, 0x02, 0x20, 0x01], node, false, "Node")).toBe("Node.2: unknown field 4 (wire type 0)");
    // A length-delimited field 1 cannot arrive as a varint: only repeated scalars may switch to packed.
    expect(message([0x08, 0x01], node, false, "Node")).toBe("Node: field 1 has wire type 0, expected 2");
    expect(() => schemaFromTable(table, "t.Missing")).toThrow(/no wire schema for t.Missing/);
  });
});
