// PropertiesService: string key/value stores that survive across executions.
// Which store a call gets (library vs shim, per user, per document) is the loader's decision; this
// module only enforces the per-store rules and charges each call.
import { type Execution, ScriptError } from '../kernel';

/** Quotas page: "Properties value size 9 KB / val". Measured in UTF-8 bytes of the value. */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
/** Quotas page: "Properties total storage 500 KB / property store" (keys plus values). */
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

const VALUE_TOO_LARGE = 'Argument too large: value';
const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One property store (script, user or document scope); persistent across executions. */
export class PropertyStore {
  private readonly entries = new Map<string, string>();

  constructor(initial?: Readonly<Record<string, string>>) {
    if (initial) for (const [key, value] of Object.entries(initial)) this.entries.set(key, value);
  }

  get(key: string): string | null {
    return this.entries.get(key) ?? null;
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }

  /** Bytes counted against the 500 KB store quota: every key and value in UTF-8. */
  usedBytes(): number {
    return PropertyStore.sizeOf(this.entries);
  }

  /**
   * Replaces the whole content at once after checking the limits, so a failing batch leaves the
   * store untouched (inference: the reference documents no partial writes).
   */
  replaceAll(next: ReadonlyMap<string, string>): void {
    for (const value of next.values()) {
      // apps-script/guides/services/quotas: 9 KB per property value.
      if (utf8Bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw new ScriptError(VALUE_TOO_LARGE);
    }
    // apps-script/guides/services/quotas: 500 KB per property store.
    if (PropertyStore.sizeOf(next) > PROPERTY_STORE_MAX_BYTES) throw new ScriptError(STORE_FULL);
    this.entries.clear();
    for (const [key, value] of next) this.entries.set(key, value);
  }

  set(key: string, value: string): void {
    const next = new Map(this.entries);
    next.set(key, value);
    this.replaceAll(next);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private static sizeOf(entries: ReadonlyMap<string, string>): number {
    let total = 0;
    for (const [key, value] of entries) total += utf8Bytes(key) + utf8Bytes(value);
    return total;
  }
}

/** The `Properties` object scripts see. */
export interface PropertiesApi {
  getProperty(key: string): string | null;
  setProperty(key: string, value: unknown): PropertiesApi;
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): PropertiesApi;
  getProperties(): Record<string, string>;
  getKeys(): string[];
  deleteProperty(key: string): PropertiesApi;
  deleteAllProperties(): PropertiesApi;
}

export interface PropertiesServiceApi {
  getScriptProperties(): PropertiesApi;
  getUserProperties(): PropertiesApi;
  getDocumentProperties(): PropertiesApi | null;
}

export interface PropertyScopes {
  readonly script: () => PropertyStore;
  readonly user: () => PropertyStore;
  /** Null when the script has no containing document (or the loader decides so for library code). */
  readonly document: () => PropertyStore | null;
}

function createProperties(exec: Execution, store: PropertyStore): PropertiesApi {
  const api: PropertiesApi = {
    getProperty(key) {
      exec.charge('Properties.getProperty');
      // apps-script/reference/properties/properties#getProperty(String): null when absent.
      return store.get(String(key));
    },
    setProperty(key, value) {
      exec.charge('Properties.setProperty');
      // apps-script/guides/properties "Data format": non-strings are converted to strings.
      store.set(String(key), String(value));
      return api;
    },
    setProperties(properties, deleteAllOthers) {
      exec.charge('Properties.setProperties');
      // apps-script/reference/properties/properties#setProperties(Object,Boolean): optionally drops other keys.
      const next =
        deleteAllOthers === true
          ? new Map<string, string>()
          : new Map(Object.entries(store.snapshot()));
      for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
      store.replaceAll(next);
      return api;
    },
    getProperties() {
      exec.charge('Properties.getProperties');
      // apps-script/guides/properties "Modifying data": a copy, not a live view.
      return store.snapshot();
    },
    getKeys() {
      exec.charge('Properties.getKeys');
      return store.keys();
    },
    deleteProperty(key) {
      exec.charge('Properties.deleteProperty');
      store.delete(String(key));
      return api;
    },
    deleteAllProperties() {
      exec.charge('Properties.deleteAllProperties');
      store.clear();
      return api;
    },
  };
  return api;
}

/** Builds the `PropertiesService` global for one execution. */
export function createPropertiesService(
  exec: Execution,
  scopes: PropertyScopes,
): PropertiesServiceApi {
  return {
    getScriptProperties() {
      exec.charge('PropertiesService.getScriptProperties');
      return createProperties(exec, scopes.script());
    },
    getUserProperties() {
      exec.charge('PropertiesService.getUserProperties');
      return createProperties(exec, scopes.user());
    },
    getDocumentProperties() {
      exec.charge('PropertiesService.getDocumentProperties');
      // apps-script/reference/properties/properties-service#getDocumentProperties(): null without a document.
      const store = scopes.document();
      return store ? createProperties(exec, store) : null;
    },
  };
}
