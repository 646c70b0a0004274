import { hash, verify } from "@node-rs/argon2";

// `Algorithm` is an ambient const enum that isolated modules cannot read; 2 is its Argon2id.
const ARGON2ID = 2;

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): about 20 ms here, slow enough to hurt guessing.
const options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

export async function hashPassword(plain: string): Promise<string> {
  if (typeof plain !== "string" || plain.length === 0) {
    throw new TypeError("hashPassword: the password must be a non-empty string");
  }
  return hash(plain, options);
}

/** Never throws: a malformed or foreign hash simply does not verify. */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  if (typeof hash !== "string" || typeof plain !== "string" || !hash.startsWith("$argon2"))
    return false;
  try {
    return await verify(hash, plain);
  } catch {
    return false;
  }
}
