export interface TestNode {
  readonly rpcUrl: string;
  readonly home: string;
  readonly log: string[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the node if it runs and deletes its temporary home. */
  remove(): Promise<void>;
}

export interface GenesisDoc {
  app_state: Record<string, any>;
  [field: string]: unknown;
}

export interface TestNodeOptions {
  /** Block interval, e.g. "200ms" (the default) or "1s". */
  readonly blockTime?: string;
  /** Edits genesis.json before the first start. */
  readonly genesis?: (genesis: GenesisDoc) => void;
}

export function freePort(): Promise<number>;
export function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs?: number, intervalMs?: number): Promise<T>;
export function createTestNode(accounts: readonly { address: string; coins: string }[], options?: TestNodeOptions): Promise<TestNode>;
