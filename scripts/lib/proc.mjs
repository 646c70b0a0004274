// Child-process helpers for the root start and test commands. Node built-ins only: these run
// before dependencies are installed.
import { spawn } from "node:child_process";

/** Runs a command to completion, streaming its output; resolves with the exit code. */
export function run(cmd, args, { cwd, env, quiet = false, prefix } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : prefix ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    const collect = (stream, target) =>
      stream?.on("data", (chunk) => {
        output += chunk;
        if (prefix && !quiet) {
          for (const line of String(chunk).split("\n")) if (line) target.write(`${prefix} ${line}\n`);
        }
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** Like run(), but throws when the command fails, printing what it said if it was quiet. */
export async function runOrThrow(cmd, args, opts = {}) {
  const { code, output } = await run(cmd, args, opts);
  if (code !== 0) {
    if (opts.quiet) process.stderr.write(output);
    throw new Error(`${cmd} ${args.join(" ")} exited with ${code}`);
  }
  return output;
}

/**
 * Starts a long-running service in its own process group and prefixes its output, so that one
 * Ctrl-C can stop the whole tree it started.
 */
export function startService(name, cmd, args, { cwd, env } = {}) {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const tag = `[${name}]`;
  for (const [stream, target] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    let pending = "";
    stream.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) target.write(`${tag} ${line}\n`);
    });
  }
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return {
    name,
    child,
    exited,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          /* already gone */
        }
      }, timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves once `probe()` returns true, polling; rejects after `timeoutMs`. */
export async function waitFor(what, probe, { timeoutMs = 60_000, intervalMs = 250, service } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service && (service.child.exitCode !== null || service.child.signalCode !== null)) {
      throw new Error(`${service.name} exited before ${what} was ready`);
    }
    try {
      if (await probe()) return;
    } catch {
      /* not ready yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function httpOk(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: "manual" });
  return res.status < 500;
}
