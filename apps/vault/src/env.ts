import { z } from "zod";

const schema = z.object({
  VAULT_PORT: z.coerce.number().int().min(0).max(65535).default(9470),
  VAULT_HOST: z.string().default("127.0.0.1"),
  /** Where ciphertext objects live (content-addressed files). */
  VAULT_DATA_DIR: z.string().min(1),
  CHAIN_RPC_URL: z.string().url().default("http://127.0.0.1:26657"),
  /** The vault operator's account (access Params.vault_operators), which signs access-log entries. */
  VAULT_OPERATOR_MNEMONIC: z.string().refine((m) => [12, 24].includes(m.trim().split(/\s+/).length), "must be a 12- or 24-word mnemonic"),
  VAULT_GAS_PRICE: z.string().regex(/^\d+(\.\d+)?[a-z]+$/, "like 0.025uusd").default("0.025uusd"),
  /** Largest object accepted; imaging studies are the big ones. */
  VAULT_MAX_OBJECT_BYTES: z.coerce.number().int().min(1).default(512 * 1024 * 1024),
  /** How far a signed request's timestamp may be from the vault's clock. */
  /** Browser origins allowed to call the vault (the portal), comma-separated. */
  VAULT_CORS_ORIGINS: z
    .string()
    .default("http://localhost:3000")
    .transform((v) => v.split(",").map((o) => o.trim()).filter(Boolean)),
  VAULT_SIGNATURE_WINDOW_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
});

export type VaultEnv = z.infer<typeof schema>;

/** The only place that reads process.env. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): VaultEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`vault: invalid environment: ${problems}`);
  }
  return parsed.data;
}
