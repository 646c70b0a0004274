export { PrismaClient, Prisma, Role, OrganizationType } from "./generated/client/client.ts";
export type { User, Organization, Membership, SignInEvent } from "./generated/client/client.ts";
export { createPrismaClient } from "./client.ts";
export { hashPassword, verifyPassword } from "./password.ts";
