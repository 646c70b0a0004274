import { randomBytes } from "node:crypto";

// Integration tests run server modules against the run's throwaway database (TEST_DATABASE_URL).
const url = process.env.TEST_DATABASE_URL;
if (!url)
  throw new Error(
    "TEST_DATABASE_URL is required for the portal's integration tests (a PostgreSQL database they may modify).",
  );
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
