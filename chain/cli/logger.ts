import type { Logger } from "../app/logger.js";

function format(level: string, message: string, fields?: Record<string, unknown>): string {
  const parts = Object.entries(fields ?? {}).map(
    ([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`,
  );
  return `${new Date().toISOString()} ${level} ${message}${parts.length ? " " + parts.join(" ") : ""}`;
}

/** One line per event on stderr, in CometBFT's `key=value` spirit. */
export function consoleLogger(verbose: boolean): Logger {
  return {
    debug: (m, f) => verbose && console.error(format("DBG", m, f)),
    info: (m, f) => console.error(format("INF", m, f)),
    warn: (m, f) => console.error(format("WRN", m, f)),
    error: (m, f) => console.error(format("ERR", m, f)),
  };
}
