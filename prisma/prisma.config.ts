// Only Prisma's CLI reads this. The URL is optional so that `prisma generate` works without a database;
// `prisma migrate status` (on a machine that has the schema engine) needs DATABASE_URL.
import "dotenv/config";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  ...(url ? { datasource: { url } } : {}),
});
