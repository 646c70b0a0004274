/**
 * Registered errors, keyed by (codespace, code) as in the Cosmos SDK's errors package. Codes are
 * append-only; registering the same pair twice is a programming error and throws at startup.
 * Code 1 belongs to the `undefined` codespace (internal errors) and may not be registered elsewhere.
 */
export class RegisteredError {
  constructor(
    readonly codespace: string,
    readonly code: number,
    readonly description: string,
  ) {}

  /** A failure of this kind with context, rendered as "<context>: <description>" like errors.Wrap. */
  wrap(context: string): ChainError {
    return new ChainError(this, [context]);
  }

  /** The bare error, rendered as its description. */
  error(): ChainError {
    return new ChainError(this, []);
  }

  is(err: unknown): boolean {
    return err instanceof ChainError && err.root === this;
  }
}

export class ChainError extends Error {
  constructor(
    readonly root: RegisteredError,
    /** Wrap messages, outermost first. */
    readonly contexts: readonly string[],
  ) {
    super([...contexts, root.description].join(": "));
    this.name = "ChainError";
  }

  get codespace(): string {
    return this.root.codespace;
  }

  get code(): number {
    return this.root.code;
  }

  /** Adds an outer context, as errors.Wrap on an already-wrapped error does. */
  wrap(context: string): ChainError {
    return new ChainError(this.root, [context, ...this.contexts]);
  }
}

const registered = new Map<string, RegisteredError>();

const INTERNAL_CODE = 1;
const UNDEFINED_CODESPACE = "undefined";

export function registerError(codespace: string, code: number, description: string): RegisteredError {
  if (!Number.isInteger(code) || code < 1) throw new Error(`error code must be a positive integer, got ${code}`);
  if (code === INTERNAL_CODE && codespace !== UNDEFINED_CODESPACE) {
    throw new Error(`error code 1 is reserved for internal errors (codespace ${codespace})`);
  }
  if (codespace.length === 0) throw new Error("error codespace must not be empty");
  const key = `${codespace}:${code}`;
  if (registered.has(key)) throw new Error(`error with code ${code} is already registered in codespace "${codespace}"`);
  const err = new RegisteredError(codespace, code, description);
  registered.set(key, err);
  return err;
}

export function lookupError(codespace: string, code: number): RegisteredError | undefined {
  return registered.get(`${codespace}:${code}`);
}

export const ErrInternal = registerError(UNDEFINED_CODESPACE, INTERNAL_CODE, "internal");
export const ErrPanic = registerError(UNDEFINED_CODESPACE, 111222, "panic");

/** A failure already rendered as ABCI fields (e.g. a simulated tx's result), passed through as is. */
export class AbciFailure extends Error {
  constructor(
    readonly code: number,
    readonly codespace: string,
    readonly log: string,
  ) {
    super(log);
    this.name = "AbciFailure";
  }
}

/** The (code, codespace, log) triple an ABCI response carries for a failure. */
export interface AbciError {
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
}

/**
 * Converts anything thrown during tx processing into an ABCI error. Registered errors keep their
 * code and message; anything else is an internal error whose detail is not exposed, as the SDK
 * redacts non-registered errors in ABCI responses.
 */
export function toAbciError(err: unknown): AbciError {
  if (err instanceof ChainError) return { code: err.code, codespace: err.codespace, log: err.message };
  if (err instanceof AbciFailure) return { code: err.code, codespace: err.codespace, log: err.log };
  return { code: ErrInternal.code, codespace: ErrInternal.codespace, log: ErrInternal.description };
}
