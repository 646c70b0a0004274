import type { DeliverTxResponse } from "@cosmjs/stargate";
import { BroadcastTxError, TimeoutError } from "@cosmjs/stargate";
import { identityErrors } from "@precision/proto";
import { describe, expect, it } from "vitest";
import {
  assertPrecisionTxSuccess,
  deliverTxError,
  isNotFoundError,
  PrecisionChainError,
  toPrecisionChainError,
} from "./errors.js";

function deliverResponse(code: number, rawLog: string): DeliverTxResponse {
  return {
    code,
    rawLog,
    height: 12,
    txIndex: 0,
    transactionHash: "ABCDEF",
    events: [],
    msgResponses: [],
    gasUsed: 1000n,
    gasWanted: 2000n,
  };
}

describe("toPrecisionChainError", () => {
  it.each([
    [2, "tx_decode"],
    [4, "unauthorized"],
    [5, "insufficient_funds"],
    [8, "invalid_pubkey"],
    [11, "out_of_gas"],
    [13, "insufficient_fee"],
    [22, "key_not_found"],
    [32, "wrong_sequence"],
  ])("maps sdk code %i from CheckTx to %s", (code, reason) => {
    const error = toPrecisionChainError(new BroadcastTxError(code, "sdk", "some detail"));
    expect(error).toBeInstanceOf(PrecisionChainError);
    expect(error?.stage).toBe("check");
    expect(error?.codespace).toBe("sdk");
    expect(error?.reason).toBe(reason);
    expect(error?.message).not.toContain("some detail");
  });

  it("gives a user-facing message and keeps the chain's log", () => {
    const log = "account sequence mismatch, expected 2, got 0: incorrect account sequence";
    const error = toPrecisionChainError(new BroadcastTxError(32, "sdk", log));
    expect(error?.message).toMatch(/processed first/);
    expect(error?.log).toBe(log);
    expect(error?.cause).toBeInstanceOf(BroadcastTxError);
  });

  it("maps identity codes by codespace", () => {
    const error = toPrecisionChainError(
      new BroadcastTxError(2, "identity", "signer prec1x: signer is not the identity authority"),
    );
    expect(error?.reason).toBe("unauthorized");
    expect(error?.codespace).toBe("identity");
    expect(error?.is(identityErrors.unauthorized)).toBe(true);
    expect(error?.message).toMatch(/consortium authority/);
  });

  it("resolves a failed query by the log's root message", () => {
    const identity = toPrecisionChainError(
      new Error("Query failed with (3): organization acme: organization not found"),
    );
    expect(identity?.stage).toBe("query");
    expect(identity?.codespace).toBe("identity");
    expect(identity?.reason).toBe("organization_not_found");

    const sdk = toPrecisionChainError(
      new Error("Query failed with (3): bad nonce: invalid sequence"),
    );
    expect(sdk?.codespace).toBe("sdk");
    expect(sdk?.reason).toBe("invalid_sequence");
  });

  it("keeps unknown codes and codespaces readable", () => {
    const error = toPrecisionChainError(new BroadcastTxError(7, "claims", "plan expired"));
    expect(error?.reason).toBe("unknown");
    expect(error?.codespace).toBe("claims");
    expect(error?.message).toBe("The network refused the request (claims code 7): plan expired");
  });

  it("ignores errors that are not chain refusals", () => {
    expect(toPrecisionChainError(new TimeoutError("slow", "ABC"))).toBeUndefined();
    expect(toPrecisionChainError(new Error("socket hang up"))).toBeUndefined();
    expect(toPrecisionChainError("nope")).toBeUndefined();
  });
});

describe("deliver-tx failures", () => {
  it("are typed from the code and the log", () => {
    const response = deliverResponse(
      14,
      "failed to execute message; message index: 0: device watch-9: device not found",
    );
    const error = deliverTxError(response);
    expect(error?.stage).toBe("deliver");
    expect(error?.is(identityErrors.deviceNotFound)).toBe(true);
    expect(error?.transactionHash).toBe("ABCDEF");
    expect(error?.height).toBe(12);
    expect(() => assertPrecisionTxSuccess(response)).toThrow(PrecisionChainError);
  });

  it("let successful transactions through", () => {
    expect(deliverTxError(deliverResponse(0, ""))).toBeUndefined();
    expect(() => assertPrecisionTxSuccess(deliverResponse(0, ""))).not.toThrow();
  });
});

describe("isNotFoundError", () => {
  it("recognises sdk and identity not-found answers only", () => {
    expect(isNotFoundError(new BroadcastTxError(10, "identity", "member not found"))).toBe(true);
    expect(isNotFoundError(new BroadcastTxError(22, "sdk", "key not found"))).toBe(true);
    expect(
      isNotFoundError(
        new Error(
          "Query failed with (22): rpc error: code = NotFound desc = account x not found: key not found",
        ),
      ),
    ).toBe(true);
    expect(
      isNotFoundError(new BroadcastTxError(4, "identity", "organization already exists")),
    ).toBe(false);
    expect(isNotFoundError(new Error("socket hang up"))).toBe(false);
  });
});

describe("a failed simulation", () => {
  it("is recognised by its module error despite the gas suffix", () => {
    const err = toPrecisionChainError(
      new Error("Query failed with (13): failed to execute message; message index: 0: prec1x has no live TREAT grant: no live treatment relationship with the patient With gas wanted: '0' and gas used: '30125' "),
    );
    expect([err?.codespace, err?.code, err?.reason]).toEqual(["records", 13, "no_treatment_relationship"]);
  });
});
