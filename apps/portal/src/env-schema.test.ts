import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env-schema.ts";

const good = {
  DATABASE_URL: "postgresql://portal:pw@127.0.0.1:5432/precision",
  AUTH_SECRET: "x".repeat(43),
};

function problems(raw: Record<string, string | undefined>) {
  try {
    parseEnv(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as EnvError).problems;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv(good);
    expect(env.CHAIN_RPC_URL).toBe("http://127.0.0.1:26657");
    expect(env.NODE_ENV).toBe("development");
    expect(env.PRECISION_DEMO).toBe(false);
    expect(env.AUTH_TRUST_HOST).toBeUndefined();
  });

  it("names every missing variable", () => {
    const found = problems({});
    expect(found.map((p) => p.variable).sort()).toEqual(["AUTH_SECRET", "DATABASE_URL"]);
  });

  it("treats empty strings as missing", () => {
    expect(problems({ ...good, DATABASE_URL: "" })[0]).toMatchObject({
      variable: "DATABASE_URL",
      message: expect.stringMatching(/required/),
    });
  });

  it("rejects a short AUTH_SECRET and a non-postgres DATABASE_URL", () => {
    const found = problems({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short" });
    expect(found).toEqual(
      expect.arrayContaining([
        { variable: "AUTH_SECRET", message: "must be at least 32 characters" },
        { variable: "DATABASE_URL", message: "must start with postgres:// or postgresql://" },
      ]),
    );
  });

  it("parses booleans and URLs", () => {
    const env = parseEnv({
      ...good,
      AUTH_TRUST_HOST: "true",
      PRECISION_DEMO: "1",
      AUTH_URL: "http://localhost:3000",
      CHAIN_RPC_URL: "http://node:26657",
    });
    expect(env).toMatchObject({
      AUTH_TRUST_HOST: true,
      PRECISION_DEMO: true,
      AUTH_URL: "http://localhost:3000",
      CHAIN_RPC_URL: "http://node:26657",
    });
    expect(problems({ ...good, AUTH_TRUST_HOST: "yes" })[0]?.variable).toBe("AUTH_TRUST_HOST");
    expect(problems({ ...good, CHAIN_RPC_URL: "ftp://node" })[0]?.variable).toBe("CHAIN_RPC_URL");
  });

  it("puts the variable name in the error message", () => {
    expect(() => parseEnv({ ...good, AUTH_SECRET: undefined })).toThrow(/AUTH_SECRET is required/);
  });
});
