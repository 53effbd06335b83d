// Radicado numbering (AGN Acuerdo 060 de 2001 art. 5; CPACA art. 61): consecutive per year,
// never derived from row positions, never reused. Formatting only; the counter lives in a store.

export interface RadicadoParts {
  readonly prefix: string;
  readonly year: number;
  readonly number: number;
}

/** `formatRadicado({ prefix: '05001', year: 2026, number: 123 })` → `05001-2026-000123`. */
export function formatRadicado(parts: RadicadoParts): string {
  const core = `${parts.year}-${String(parts.number).padStart(6, '0')}`;
  return parts.prefix ? `${parts.prefix}-${core}` : core;
}

export function parseRadicado(text: string): RadicadoParts | null {
  const match = /^(?:(\w+)-)?(\d{4})-(\d{6,})$/.exec(text.trim());
  if (!match) return null;
  return { prefix: match[1] ?? '', year: Number(match[2]), number: Number(match[3]) };
}

/** The property key that holds the last number given in a year. */
export function counterKey(year: number): string {
  return `radicado.last.${year}`;
}
