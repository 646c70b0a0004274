import { describe, expect, it } from "vitest";
import { precommitSignBytes } from "./hashing.js";

describe("precommitSignBytes", () => {
  it("writes a vote time from 2038 on as protobuf does", () => {
    const blockId = { hash: new Uint8Array(32).fill(1), partSetHeader: { total: 1, hash: new Uint8Array(32).fill(2) } };
    // 2038-01-19T03:14:08Z: seconds = 2^31, the varint 80 80 80 80 08 (cosmjs-types 0.11 alone
    // wrote 80 00 00 00 00).
    const bytes = Buffer.from(precommitSignBytes("c", 5n, 0, blockId, { seconds: 2n ** 31n, nanos: 0 })).toString("hex");
    expect(bytes).toContain("2a06088080808008");
  });
});
