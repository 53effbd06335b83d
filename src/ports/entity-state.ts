// Small stores and primitives the use cases need; the shim hands in the real ones per entity.

/** A string key-value store of this entity (the shim's script properties). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/**
 * The entity's whole state store, read in one call and written in one call. Reads are cached for
 * the execution: `load` reads once, `reload` reads again (after taking the lock).
 */
export interface StateStore {
  load(): Readonly<Record<string, string>>;
  reload(): Readonly<Record<string, string>>;
  write(values: Readonly<Record<string, string>>): void;
  /** Replaces the whole store in one call (pruning), keeping nothing that is not given. */
  replaceAll(values: Readonly<Record<string, string>>): void;
}

/** The entity's mutual exclusion (the shim's script lock). */
export interface Mutex {
  tryAcquire(timeoutMs: number): boolean;
  release(): void;
  /**
   * For an execution whose last act this is: the lock is released when the script ends
   * (Lock reference: "locks are released automatically when the script ends"), saving a call.
   */
  releaseAtExit(): void;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Milliseconds left before this execution must stop. */
  remainingMs(): number;
}

export interface Tokens {
  /** A new unguessable secret for the entity (once, at setup or rebuild). */
  newSecret(): string;
  /** Hex SHA-256, so the sheet never holds the token itself. */
  hash(token: string): string;
}

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}
