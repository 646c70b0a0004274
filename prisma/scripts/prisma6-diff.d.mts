export function prismaDiffSql(opts: {
  from: "empty" | "migrations";
  serverUrl: string;
  shadowUrl?: string;
  migrationsDir?: string;
  schemaPath?: string;
}): Promise<string>;
export function isEmptyMigration(sql: string): boolean;
