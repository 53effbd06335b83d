// Tamper evidence. A case row carries a seal over its system columns, and each Historial line a
// hash chained to the previous line of the same case; both are keyed with the entity's secret, so a
// hand edit cannot produce a matching value. The sweep recomputes them and reports what differs.
import { hmacSha256Hex } from '../crypto/sha256';
import type { JournalLine } from '../state/entity-state';
import type { CaseEvent, CaseRecord } from './case-record';

/** Canonical text of the system cells of a row: the same values in the same order give the same seal. */
export function canonicalCells(values: ReadonlyArray<string | number | boolean>): string {
  return JSON.stringify(values.map((v) => (typeof v === 'string' ? v : String(v))));
}

export function sealOf(secret: string, canonical: string): string {
  return hmacSha256Hex(secret, `seal\n${canonical}`).slice(0, 32);
}

export function lineHash(secret: string, line: Omit<JournalLine, 'hash'>): string {
  return hmacSha256Hex(
    secret,
    ['line', line.prev, line.at, line.by, line.radicado, line.event, line.details].join('\n'),
  ).slice(0, 32);
}

/** A journal line with its hash, chained after `prev` (the case's previous line hash, '' first). */
export function chainLine(
  secret: string,
  prev: string,
  line: Omit<JournalLine, 'hash' | 'prev'>,
): JournalLine {
  const withPrev = { ...line, prev };
  return { ...withPrev, hash: lineHash(secret, withPrev) };
}

/** The follow-up token of a case: derived, so it is never stored and can be rendered when mailing. */
export function followUpToken(secret: string, radicado: string): string {
  return hmacSha256Hex(secret, `token\n${radicado}`).slice(0, 40);
}

/** A cell holds 50,000 characters; past this, notes of older events are left to the Historial. */
export const EVENTS_CELL_BUDGET = 40000;

/**
 * The events the clock needs always stay in the row; when the cell would overflow, the free-text
 * notes of the oldest events are dropped from it (the Historial keeps every line in full).
 */
export function compactEvents(events: readonly CaseEvent[]): CaseEvent[] {
  const out = events.map((e) => ({ ...e }));
  let size = JSON.stringify(out).length;
  for (let i = 0; i < out.length && size > EVENTS_CELL_BUDGET; i += 1) {
    const note = out[i].note;
    if (note) {
      size -= JSON.stringify(note).length + ',"note":'.length;
      delete (out[i] as { note?: string }).note;
    }
  }
  return out;
}

function secondsIso(iso: string): string {
  return iso ? iso.slice(0, 19) : '';
}

/**
 * The fields a row's seal covers: every system column except the seal and the two clock columns
 * the daily refresh rewrites (due date and days left are recomputed from these, so an edit of
 * them is repaired by the next refresh). Instants count to the second, as a cell shows them.
 */
export function sealedFields(record: CaseRecord): Array<string | number | boolean> {
  const p = record.petitioner;
  const fields: Array<string | number | boolean> = [
    record.radicado,
    secondsIso(record.receivedAt),
    record.channel,
    record.declaredType ?? '',
    record.type,
    record.subject,
    record.description,
    p.anonymous,
    p.applicantKind,
    p.name,
    p.idType,
    p.idNumber,
    p.email,
    p.phone,
    p.address,
    p.municipality,
    p.preferredChannel,
    p.acceptsEmailNotification,
    record.priority,
    record.differentialGroup,
    record.consent,
    record.dependency,
    record.assignee,
    record.status,
    record.effectiveReceiptDate,
    record.extendedTo,
    secondsIso(record.answeredAt),
    record.alerts.join('\n'),
    record.responseId,
    record.tokenHash,
    JSON.stringify(compactEvents(record.events)),
    record.chainHead,
  ];
  // Added after rows were sealed without it: only a reserved identity adds a field, so every seal
  // written before the option existed still verifies.
  if (p.identityReserved) fields.push('identityReserved');
  return fields;
}

export function sealRecord(secret: string, record: CaseRecord): string {
  return sealOf(secret, canonicalCells(sealedFields(record)));
}

/** A cell holds 50,000 characters; a snapshot that would not fit is left out (no restore point). */
export const SNAPSHOT_LIMIT = 45000;

/**
 * What a Historial line records of the case after it: every field but the clerk's notes, and the
 * seal; '' when it would not fit a cell (a description near the cell limit), so the Historial line
 * is still written.
 */
export function caseSnapshot(secret: string, record: CaseRecord): string {
  const { notes: _notes, ...rest } = record;
  const text = JSON.stringify({ record: rest, seal: sealRecord(secret, record) });
  return text.length <= SNAPSHOT_LIMIT ? text : '';
}

/** The case a snapshot records, when its seal proves it was written by the add-on. */
export function restoreSnapshot(secret: string, text: string): CaseRecord | null {
  try {
    const parsed = JSON.parse(text) as { record?: Omit<CaseRecord, 'notes'>; seal?: string };
    if (!parsed.record || typeof parsed.seal !== 'string') return null;
    const record: CaseRecord = { ...parsed.record, notes: '' };
    return sealRecord(secret, record) === parsed.seal ? record : null;
  } catch {
    return null;
  }
}
