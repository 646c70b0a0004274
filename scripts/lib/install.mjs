// Makes sure dependencies are installed and the workspace is built. `npm ci` cannot work with this
// registry (it lacks other platforms' optional packages), so `npm install` it is.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { runOrThrow } from "./proc.mjs";

export const root = path.resolve(import.meta.dirname, "../..");

export const quietEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
  DO_NOT_TRACK: "1",
};

export async function ensureDependencies(log) {
  const marker = path.join(root, "node_modules/.package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const fresh = existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return;
  log("installing dependencies (npm install)…");
  await runOrThrow("npm", ["install", "--no-audit", "--no-fund"], { cwd: root, env: quietEnv });
}

export async function buildWorkspace(log) {
  log("building the workspace (turbo run build)…");
  await runOrThrow("npx", ["turbo", "run", "build", "--output-logs=errors-only"], { cwd: root, env: quietEnv });
}
