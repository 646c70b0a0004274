import { env } from "./env.ts";

// Fail at startup, naming the bad variables, rather than on the first request.
try {
  env();
} catch (err) {
  console.error(`[portal] ${(err as Error).message}`);
  process.exit(1);
}
