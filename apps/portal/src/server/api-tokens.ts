import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "./db.ts";

const TOKEN_PREFIX = "prec_pat_";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new personal API token: returned once, stored only as its SHA-256. */
export async function createApiToken(userId: string, name: string, days: number): Promise<{ token: string; id: string }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db().apiToken.create({
    data: { userId, name, tokenHash: hash(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6), expiresAt: new Date(Date.now() + days * 86_400_000) },
  });
  return { token, id: row.id };
}

export function listApiTokens(userId: string) {
  return db().apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } });
}

export async function revokeApiToken(userId: string, id: string): Promise<boolean> {
  const { count } = await db().apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

/** The user a bearer token belongs to, when it is live; undefined otherwise. */
export async function userForApiToken(token: string): Promise<string | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const row = await db().apiToken.findUnique({ where: { tokenHash: hash(token) }, select: { id: true, userId: true, revokedAt: true, expiresAt: true } });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return undefined;
  await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return row.userId;
}
