export function prismaDiffSql(opts: {
  from: "empty" | "migrations";
  serverUrl: string;
  shadowUrl?: string;
  migrationsDir?: string;
  schemaPath?: string;
}): Promise<string>;
export function isEmptyMigration(sql: string): boolean;
export function prismaMigrateStatus(opts: {
  databaseUrl: string;
  migrationsDir?: string;
  schemaPath?: string;
}): Promise<{ code: number | null; stdout: string; stderr: string }>;
