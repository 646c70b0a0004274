// Generates src/gen/ from proto/ with buf and the local ts-proto plugin.
// The Buf Schema Registry is unreachable, so the Cosmos protos we import are vendored into
// third_party/ from the pinned @protobufs/* npm packages on every run.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { writeWireSchemas } from "./wire-schemas.mjs";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const thirdPartyDir = join(packageDir, "third_party");
const require = createRequire(join(packageDir, "package.json"));

/** [npm package, file inside it, destination under third_party/] */
const vendoredProtos = [
  ["@protobufs/cosmos", "msg/v1/msg.proto", "cosmos/msg/v1/msg.proto"],
  [
    "@protobufs/cosmos",
    "base/query/v1beta1/pagination.proto",
    "cosmos/base/query/v1beta1/pagination.proto",
  ],
];

function packageRoot(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

function vendorProtos() {
  rmSync(thirdPartyDir, { recursive: true, force: true });
  for (const [pkg, file, destination] of vendoredProtos) {
    const source = join(packageRoot(pkg), file);
    if (!existsSync(source)) throw new Error(`${pkg} has no ${file}; was its version changed?`);
    const target = join(thirdPartyDir, destination);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
  }
}

/** Every node_modules/.bin from the package up to the filesystem root, nearest first. */
function binDirectories() {
  const dirs = [];
  for (let dir = packageDir; ; dir = dirname(dir)) {
    const bin = join(dir, "node_modules", ".bin");
    if (existsSync(bin)) dirs.push(bin);
    if (dirname(dir) === dir) return dirs;
  }
}

function run(command, args) {
  const env = {
    ...process.env,
    PATH: [...binDirectories(), process.env.PATH ?? ""].join(delimiter),
  };
  const result = spawnSync(command, args, { cwd: packageDir, env, stdio: "inherit" });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
  }
}

vendorProtos();
run("buf", ["lint"]);
run("buf", ["generate"]);
const imageDir = mkdtempSync(join(tmpdir(), "precision-buf-image-"));
try {
  run("buf", ["build", "-o", join(imageDir, "image.json")]);
  writeWireSchemas(join(imageDir, "image.json"), join(packageDir, "src/gen/wire-schemas.ts"));
} finally {
  rmSync(imageDir, { recursive: true, force: true });
}
