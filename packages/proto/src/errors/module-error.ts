/**
 * One row of a module's error table. The chain registers every row at startup and answers a
 * failed tx with (codespace, code); clients map the pair back to the row.
 * Codes are append-only: never renumber or reuse one; code 1 is reserved (internal).
 */
export interface ModuleErrorDefinition<Codespace extends string = string> {
  readonly codespace: Codespace;
  readonly code: number;
  /** Stable identifier in snake_case, for code that branches on the error. */
  readonly name: string;
  /** Root description the chain puts after the wrapped detail in its log. */
  readonly message: string;
}
