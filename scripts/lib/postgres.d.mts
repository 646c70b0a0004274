type Log = (message: string) => void;

export interface StartDatabase {
  url: string;
  kind: "env" | "local" | "embedded";
  stop(): Promise<void>;
}

export function ensurePostgresServer(opts?: { log?: Log }): Promise<string>;
export function createThrowawayDatabase(adminUrl: string, prefix: string): Promise<string>;
export function dropDatabase(url: string): Promise<void>;
export function findDatabaseForStart(opts: {
  dataDir: string;
  /** The local PostgreSQL database to use (created when missing); `precision` by default. */
  database?: string;
  log?: Log;
  localPort?: number;
}): Promise<StartDatabase>;
export function startEmbeddedPostgres(opts: {
  dataDir: string;
  log?: Log;
  port?: number;
}): Promise<StartDatabase & { pid: number }>;
