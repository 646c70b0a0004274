#!/usr/bin/env node
// The one command that runs every test: lint, typecheck, unit, integration (real PostgreSQL and
// real chain nodes) and end-to-end (real Chromium). It installs what is missing, gives the run a
// throwaway database, and ends with one line `N passed, N failed` counting every test of every kind.
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { buildWorkspace, ensureDependencies, quietEnv, root } from "./lib/install.mjs";
import { ensureNodeRuntime, SECOND_NODE_VERSION, withNodeOnPath } from "./lib/node-runtime.mjs";
import { run, runOrThrow } from "./lib/proc.mjs";

const log = (msg) => console.log(`[test] ${msg}`);
const tally = [];
/** One line per failed test, repeated just before the final count so that a log's tail names them. */
const failures = [];

function firstLines(text, max = 400) {
  // Strip ANSI colours and stack frames; keep the start, where the assertion says what differed.
  const plain = String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .filter((line) => !/^\s*at /.test(line))
    .join("\n")
    .trim();
  return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

function record(kind, passed, failed, skipped = 0) {
  tally.push({ kind, passed, failed, skipped });
  log(`${kind}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
}

async function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  log("installing Debian's chromium (apt-get)…");
  await runOrThrow("apt-get", ["update"], { quiet: true });
  await runOrThrow("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
    quiet: true,
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
}

function workspaceDirs() {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const dirs = [];
  for (const pattern of pkg.workspaces) {
    if (pattern.endsWith("/*")) {
      const base = path.join(root, pattern.slice(0, -2));
      for (const d of readdirSync(base)) if (existsSync(path.join(base, d, "package.json"))) dirs.push(path.join(base, d));
    } else dirs.push(path.join(root, pattern));
  }
  return dirs;
}

function clearResults() {
  for (const dir of workspaceDirs()) rmSync(path.join(dir, ".test-results"), { recursive: true, force: true });
  rmSync(path.join(root, "apps/portal/test-results/e2e.json"), { force: true });
}

/** Runs a turbo task in every workspace that has it and counts each workspace's outcome as one check. */
async function turboChecks(task) {
  const summaryDir = path.join(root, ".turbo/runs");
  rmSync(summaryDir, { recursive: true, force: true });
  await run("npx", ["turbo", "run", task, "--continue", "--summarize", "--output-logs=errors-only"], {
    cwd: root,
    env: quietEnv,
  });
  const file = existsSync(summaryDir) ? readdirSync(summaryDir).find((f) => f.endsWith(".json")) : undefined;
  if (!file) return record(task, 0, 1);
  const summary = JSON.parse(readFileSync(path.join(summaryDir, file), "utf8"));
  const ours = summary.tasks.filter((t) => t.task === task && t.command !== "<NONEXISTENT>");
  const failed = ours.filter((t) => t.execution?.exitCode !== 0);
  for (const t of failed) {
    log(`  ${task} failed in ${t.package}`);
    failures.push(`${task} ${t.package}: see its output above`);
  }
  record(task, ours.length - failed.length, failed.length);
}

/** Runs a Vitest-backed turbo task and counts the tests from each workspace's JSON report. */
async function vitestTask(task, kind, { concurrency, env }) {
  const report = `.test-results/${kind.replaceAll(" ", "-")}.json`;
  const { code } = await run(
    "npx",
    [
      "turbo", "run", task, "--continue", `--concurrency=${concurrency}`, "--output-logs=full", "--",
      "--passWithNoTests", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`,
    ],
    { cwd: root, env },
  );
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let reports = 0;
  for (const dir of workspaceDirs()) {
    const file = path.join(dir, report);
    if (!existsSync(file)) continue;
    reports++;
    const r = JSON.parse(readFileSync(file, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A file that fails to load has no test results but must still count as a failure.
    failed += r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    for (const f of r.testResults) {
      const file = path.relative(root, f.name);
      if (f.status === "failed" && f.assertionResults.length === 0) failures.push(`${kind} ${file}: ${firstLines(f.message)}`);
      for (const a of f.assertionResults) {
        if (a.status === "failed") failures.push(`${kind} ${file} › ${a.fullName}: ${firstLines(a.failureMessages?.[0])}`);
      }
    }
  }
  if (code !== 0 && failed === 0) failed = 1; // the runner itself failed (crash, config error)
  if (reports === 0 && code === 0) log(`  no ${kind} test reports found`);
  record(kind, passed, failed, skipped);
}

async function e2e(kind, env) {
  const file = path.join(root, "apps/portal/test-results/e2e.json");
  rmSync(file, { force: true });
  const { code } = await run("npx", ["playwright", "test"], { cwd: path.join(root, "apps/portal"), env });
  if (!existsSync(file)) return record(kind, 0, 1);
  const { stats, suites } = JSON.parse(readFileSync(file, "utf8"));
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== "unexpected") continue;
        const error = t.results?.at(-1)?.error?.message;
        failures.push(`${kind} ${suite.file ?? ""} › ${[...titles, spec.title].join(" › ")}: ${firstLines(error)}`);
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const suite of suites ?? []) visit(suite, []);
  let failed = stats.unexpected;
  if (code !== 0 && failed === 0) failed = 1;
  record(kind, stats.expected + stats.flaky, failed, stats.skipped);
}

/** Unit, integration and end-to-end tests, each on a throwaway database of its own run. */
async function suites(adminUrl, { label, env }) {
  const { createThrowawayDatabase, dropDatabase } = await import("./lib/postgres.mjs");
  const databaseUrl = await createThrowawayDatabase(adminUrl, "precision_test");
  log(`throwaway database${label}: ${new URL(databaseUrl).pathname.slice(1)}`);
  const runEnv = { ...env, TEST_DATABASE_URL: databaseUrl, TEST_POSTGRES_ADMIN_URL: adminUrl };
  try {
    await vitestTask("test", `unit${label}`, { concurrency: 2, env: runEnv });
    await vitestTask("test:int", `int${label}`, { concurrency: 1, env: runEnv });
    await e2e(`e2e${label}`, runEnv);
  } finally {
    await dropDatabase(databaseUrl).catch((e) => log(`could not drop ${databaseUrl}: ${e.message}`));
  }
}

/** The suites again under Node 24 LTS (see lib/node-runtime.mjs); nothing when this already is Node 24. */
async function suitesOnSecondNode(adminUrl) {
  let bin;
  try {
    bin = await ensureNodeRuntime(SECOND_NODE_VERSION, log);
  } catch (err) {
    failures.push(`Node ${SECOND_NODE_VERSION}: ${firstLines(err.message)}`);
    return record(`Node ${SECOND_NODE_VERSION} runtime`, 0, 1);
  }
  if (bin === undefined) return;
  log(`running the unit, integration and end-to-end tests again on Node ${SECOND_NODE_VERSION}…`);
  await suites(adminUrl, { label: ` on Node ${SECOND_NODE_VERSION}`, env: withNodeOnPath(bin, quietEnv) });
}

async function main() {
  const started = Date.now();
  await ensureDependencies(log);
  await ensureChromium();
  const { ensurePostgresServer } = await import("./lib/postgres.mjs");
  const adminUrl = await ensurePostgresServer({ log });
  await buildWorkspace(log);
  clearResults();

  await turboChecks("lint");
  await turboChecks("typecheck");

  await suites(adminUrl, { label: "", env: quietEnv });
  await suitesOnSecondNode(adminUrl);

  const passed = tally.reduce((n, t) => n + t.passed, 0);
  const failed = tally.reduce((n, t) => n + t.failed, 0);
  const skipped = tally.reduce((n, t) => n + t.skipped, 0);
  if (failures.length > 0) {
    log(`failed tests (${failures.length}):`);
    for (const line of failures) log(`  ✗ ${line}`);
  }
  log(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(`[test] ${err.stack ?? err}`);
  console.log(`${tally.reduce((n, t) => n + t.passed, 0)} passed, ${tally.reduce((n, t) => n + t.failed, 0) + 1} failed`);
  process.exitCode = 1;
});
