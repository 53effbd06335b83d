// The compiled configuration: settings, staff, routing, calendar and the layout of the sheets the
// add-on writes, read from six sheets once and kept in the entity's store, so an execution loads
// it with the state in one call. It is rebuilt when missing, when a settings sheet was edited
// after it was built (the edit trigger stamps `cfg.dirty`), and by setup.
import { CONFIG_CHUNK_PREFIX, CONFIG_DIRTY_KEY } from '../core/state/entity-state';
import type { EntityConfig } from '../ports/config-source';
import type { SheetSpec } from './sheet-schema';

/** Where each column of a sheet the add-on writes sits (0-based), read from its header row. */
export interface SheetLayout {
  readonly sheetName: string;
  readonly width: number;
  readonly at: Readonly<Record<string, number>>;
  /**
   * First and last column (0-based) of the system block when the system columns are contiguous
   * and nothing else sits among them: one write then covers them all.
   */
  readonly span: readonly [number, number] | null;
}

export interface ConfigSnapshot {
  readonly builtAt: number;
  readonly config: EntityConfig;
  readonly cases: SheetLayout | null;
  readonly history: SheetLayout | null;
  readonly outbox: SheetLayout | null;
}

/** Characters per chunk: 9 KB per value, and a Spanish character may take two bytes. */
const CHUNK = 4000;

export function layoutOf(spec: SheetSpec, headers: readonly unknown[]): SheetLayout | null {
  const lower = headers.map((h) => String(h).trim().toLowerCase());
  const at: Record<string, number> = {};
  for (const column of spec.columns) {
    const i = lower.indexOf(column.header.toLowerCase());
    if (i >= 0) at[column.key] = i;
  }
  const system = spec.columns.filter((c) => c.system);
  if (system.some((c) => at[c.key] === undefined)) return null;
  const positions = system.map((c) => at[c.key]).sort((a, b) => a - b);
  const contiguous = positions.every((p, i) => p === positions[0] + i);
  return {
    sheetName: spec.name,
    width: headers.length,
    at,
    span: contiguous ? [positions[0], positions[positions.length - 1]] : null,
  };
}

export function encodeSnapshot(snapshot: ConfigSnapshot): Record<string, string> {
  const text = JSON.stringify(snapshot);
  const values: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < text.length; i += CHUNK) {
    n += 1;
    values[`${CONFIG_CHUNK_PREFIX}${n}`] = text.slice(i, i + CHUNK);
  }
  values[`${CONFIG_CHUNK_PREFIX}0`] = JSON.stringify({ n, at: snapshot.builtAt });
  return values;
}

/** The stored snapshot, or null when missing, unreadable or older than the last settings edit. */
export function decodeSnapshot(
  raw: Readonly<Record<string, string>>,
  evenIfStale = false,
): ConfigSnapshot | null {
  try {
    const head = JSON.parse(raw[`${CONFIG_CHUNK_PREFIX}0`] ?? '') as { n: number; at: number };
    const dirty = Number(raw[CONFIG_DIRTY_KEY] ?? '0') || 0;
    if (!head || (dirty >= head.at && !evenIfStale)) return null;
    let text = '';
    for (let i = 1; i <= head.n; i += 1) {
      const part = raw[`${CONFIG_CHUNK_PREFIX}${i}`];
      if (part === undefined) return null;
      text += part;
    }
    return JSON.parse(text) as ConfigSnapshot;
  } catch {
    return null;
  }
}
