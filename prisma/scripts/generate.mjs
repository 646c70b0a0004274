// Runs `prisma generate` offline. Prisma 7's CLI insists on a schema-engine binary before it will
// generate, although generating needs none (the query compiler is wasm); a dummy executable satisfies
// the check without any download.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

function dummyEngine() {
  const dir = path.join(os.tmpdir(), `precision-prisma-${process.getuid?.() ?? "user"}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "schema-engine-offline");
  writeFileSync(
    file,
    '#!/bin/sh\necho "offline placeholder: Prisma\'s schema engine is not available here" >&2\nexit 1\n',
  );
  chmodSync(file, 0o755);
  return file;
}

const cli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = dummyEngine();

const result = spawnSync(process.execPath, [cli, "generate", "--schema", "schema.prisma"], {
  cwd: packageDir,
  env,
  stdio: "inherit",
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
