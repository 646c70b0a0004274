import { parseEnv, type Env } from "./env-schema.ts";

let cached: Env | undefined;

/**
 * The only place that reads process.env. Parsed lazily because `next build` evaluates modules
 * without the runtime secrets; instrumentation.ts calls it at server start so a bad env fails fast.
 */
export function env(): Env {
  cached ??= parseEnv({
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET,
    AUTH_URL: process.env.AUTH_URL,
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST,
    CHAIN_RPC_URL: process.env.CHAIN_RPC_URL,
    PRECISION_DEMO: process.env.PRECISION_DEMO,
    PRECISION_DEMO_PASSWORD: process.env.PRECISION_DEMO_PASSWORD,
    PRECISION_KEY_ENCRYPTION_SECRET: process.env.PRECISION_KEY_ENCRYPTION_SECRET,
    VAULT_URL: process.env.VAULT_URL,
  });
  return cached;
}
