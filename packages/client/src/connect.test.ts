import { GasPrice } from "@cosmjs/stargate";
import { describe, expect, it } from "vitest";
import { precisionSigningClientOptions } from "./connect.js";
import { PRECISION_BROADCAST_POLL_INTERVAL_MS, PRECISION_DENOM } from "./constants.js";

describe("precisionSigningClientOptions", () => {
  it("defaults to a uusd gas price, fast polling and the Precision registry", () => {
    const options = precisionSigningClientOptions();
    expect(options.gasPrice).toBeInstanceOf(GasPrice);
    expect((options.gasPrice as GasPrice).denom).toBe(PRECISION_DENOM);
    expect(options.broadcastPollIntervalMs).toBe(PRECISION_BROADCAST_POLL_INTERVAL_MS);
    expect(options.registry?.lookupType("/precision.identity.v1.MsgRegisterDevice")).toBeDefined();
  });

  it("takes the gas price as a string or a GasPrice", () => {
    const fromString = precisionSigningClientOptions({ gasPrice: "0.5uusd" }).gasPrice as GasPrice;
    expect(fromString.amount.toString()).toBe("0.5");
    const given = GasPrice.fromString("0uusd");
    expect(precisionSigningClientOptions({ gasPrice: given }).gasPrice).toBe(given);
    expect(() => precisionSigningClientOptions({ gasPrice: "cheap" })).toThrow();
  });
});
