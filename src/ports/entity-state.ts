// Small stores and primitives the use cases need; the shim hands in the real ones per entity.

/** A string key-value store of this entity (the shim's script properties). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** The entity's mutual exclusion (the shim's script lock). */
export interface Mutex {
  tryAcquire(timeoutMs: number): boolean;
  /** Makes pending writes durable, then releases. */
  release(): void;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Milliseconds left before this execution must stop. */
  remainingMs(): number;
}

export interface Tokens {
  /** An unguessable token for a citizen's private follow-up link. */
  newToken(): string;
  /** Hex SHA-256, so the sheet never holds the token itself. */
  hash(token: string): string;
}

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}
