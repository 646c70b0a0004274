import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>;

/** Strict flag parsing: unknown flags, missing values and wrong positional counts are usage errors. */
export function parseCommand<O extends Options>(
  argv: readonly string[],
  options: O,
  positionals: readonly string[],
  usage: string,
): { values: Parsed<O>["values"]; positionals: string[] } {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\nUsage: ${usage}`);
  }
  if (parsed.positionals.length !== positionals.length) {
    const expected = positionals.length ? positionals.join(" ") : "no arguments";
    throw new UsageError(
      `expected ${expected}, got ${parsed.positionals.length ? parsed.positionals.join(" ") : "none"}\n\nUsage: ${usage}`,
    );
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

export function requireFlag(value: string | undefined, flag: string, usage: string): string {
  if (value === undefined || value === "")
    throw new UsageError(`${flag} is required\n\nUsage: ${usage}`);
  return value;
}

/** "1s", "500ms", "2m" → milliseconds. */
export function parseDuration(value: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(value);
  if (!match)
    throw new UsageError(
      `${flag} must be a duration like 1s or 500ms, got ${JSON.stringify(value)}`,
    );
  const n = Number(match[1]);
  const ms = match[2] === "ms" ? n : match[2] === "s" ? n * 1000 : n * 60_000;
  if (ms < 10 || ms > 600_000) throw new UsageError(`${flag} must be between 10ms and 10m`);
  return Math.round(ms);
}

/** "tcp://127.0.0.1:26657" → the same string, validated. */
export function parseListenAddress(value: string, flag: string): string {
  const match = /^tcp:\/\/([^:/]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(value);
  if (!match || Number(match[2]) > 65535)
    throw new UsageError(
      `${flag} must look like tcp://127.0.0.1:26657, got ${JSON.stringify(value)}`,
    );
  return value;
}
