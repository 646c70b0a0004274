import "server-only";
import { createPrismaClient, type PrismaClient, type Role } from "@precision/db";
import { env } from "@/env.ts";
import type { RoleName } from "@/lib/roles.ts";

// Compile-time proof that the portal's role list matches the database enum.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const rolesMatch: Same<Role, RoleName> = true;
void rolesMatch;

const cache = globalThis as typeof globalThis & { __precisionPrisma?: PrismaClient };

/** One Prisma client per process; the global survives dev-server module reloads. */
export function db(): PrismaClient {
  cache.__precisionPrisma ??= createPrismaClient(env().DATABASE_URL);
  return cache.__precisionPrisma;
}
