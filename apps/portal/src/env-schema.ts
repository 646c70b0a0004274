import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
  .transform((v) => v === "true" || v === "1");

const httpUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL (${what})` });

/** The portal's runtime configuration. Parsed once per process by env.ts. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (a postgres:// connection URL)" })
    .min(1, "is required (a postgres:// connection URL)")
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://"),
  AUTH_SECRET: z
    .string({ error: "is required (at least 32 characters; the start script generates one)" })
    .min(32, "must be at least 32 characters"),
  AUTH_URL: httpUrl("the portal's public base URL, e.g. http://localhost:3000").optional(),
  AUTH_TRUST_HOST: booleanString.optional(),
  CHAIN_RPC_URL: httpUrl("the chain node's CometBFT JSON-RPC").default("http://127.0.0.1:26657"),
  PRECISION_DEMO: booleanString.default(false),
  /** Seals staff signing keys and organisation encryption keys at rest (the start script generates one). */
  PRECISION_KEY_ENCRYPTION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The record vault (apps/vault). */
  VAULT_URL: httpUrl("the record vault, e.g. http://127.0.0.1:9470").default("http://127.0.0.1:9470"),
  /** The demo sign-ins' password when the start command was given one; shown on the sign-in page. */
  PRECISION_DEMO_PASSWORD: z.string().max(1024).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  readonly code = "PORTAL_ENV_INVALID";
  constructor(readonly problems: ReadonlyArray<{ variable: string; message: string }>) {
    super(
      `Invalid portal environment:\n${problems.map((p) => `  - ${p.variable} ${p.message}`).join("\n")}\n` +
        "Set these variables (see the README) and start the portal again.",
    );
    this.name = "EnvError";
  }
}

/** Validates raw variables; throws EnvError naming every bad variable. Empty strings count as unset. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? "environment"),
      message: issue.message,
    })),
  );
}
