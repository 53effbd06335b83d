// The outbox on the `Bandeja de salida` sheet. A pointer to the first row that may still be pending
// keeps each sweep's read proportional to the unsent mail, not to the whole history.
import type { OutboundMail } from '../core/notifications/mail';
import type { KeyValueStore } from '../ports/entity-state';
import type { Outbox, OutboxEntry, OutboxStatus } from '../ports/mail';
import {
  instantCell,
  readInstant,
  readNumber,
  readText,
  textCell,
  type CellValue,
} from './cell-values';
import type { RowObject, SheetTable } from './sheet-table';

export const FIRST_PENDING_ROW_KEY = 'outbox.firstPendingRow';
const STATUSES: readonly OutboxStatus[] = ['pendiente', 'enviado', 'fallido', 'omitido'];

/**
 * Once a mail is sent, its stored copy loses the follow-up token (`t=` in the link): the sheet is
 * read by every clerk, and the token is the citizen's key to the case.
 */
export function redactFollowUpTokens(text: string): string {
  return text.replace(/((?:\?|&|&amp;)t=)[A-Za-z0-9_-]+/g, '$1(oculto)');
}

function entryToRow(entry: OutboxEntry): Record<string, CellValue> {
  const keep = (text: string): string =>
    entry.status === 'enviado' ? redactFollowUpTokens(text) : text;
  return {
    key: textCell(entry.key),
    radicado: textCell(entry.radicado),
    kind: entry.kind,
    to: textCell(entry.to),
    subject: textCell(entry.subject),
    status: entry.status,
    attempts: entry.attempts,
    createdAt: instantCell(entry.createdAt),
    sentAt: instantCell(entry.sentAt),
    lastError: textCell(entry.lastError),
    body: textCell(keep(entry.body)),
    htmlBody: textCell(keep(entry.htmlBody)),
  };
}

function rowToEntry(row: number, values: RowObject): OutboxEntry {
  const text = (key: string): string => readText(values[key]);
  const status = STATUSES.find((s) => s === text('status')) ?? 'pendiente';
  return {
    key: text('key'),
    radicado: text('radicado'),
    kind: text('kind') as OutboxEntry['kind'],
    to: text('to'),
    subject: text('subject'),
    body: text('body'),
    htmlBody: text('htmlBody'),
    status,
    attempts: readNumber(values.attempts),
    createdAt: readInstant(values.createdAt),
    sentAt: readInstant(values.sentAt),
    lastError: text('lastError'),
    ref: row,
  };
}

export class SheetOutbox implements Outbox {
  constructor(
    private readonly table: () => SheetTable,
    private readonly state: KeyValueStore,
  ) {}

  enqueue(mails: readonly OutboundMail[], now: string): OutboxEntry[] {
    const table = this.table();
    const fresh = mails.filter((mail) => table.findRow('key', mail.key) === null);
    if (fresh.length === 0) return [];
    const entries: OutboxEntry[] = fresh.map((mail) => ({
      ...mail,
      status: 'pendiente',
      attempts: 0,
      createdAt: now,
      sentAt: '',
      lastError: '',
      ref: 0,
    }));
    const first = table.append(entries.map(entryToRow));
    return entries.map((entry, i) => ({ ...entry, ref: first + i }));
  }

  pending(): OutboxEntry[] {
    const from = Math.max(2, Number(this.state.get(FIRST_PENDING_ROW_KEY) ?? '2') || 2);
    const rows = this.table().readFrom(from);
    const pending = rows
      .map((r) => rowToEntry(r.row, r.values))
      .filter((e) => e.key !== '' && e.status === 'pendiente');
    const next = pending.length > 0 ? pending[0].ref : from + rows.length;
    if (next !== from) this.state.set(FIRST_PENDING_ROW_KEY, String(next));
    return pending;
  }

  record(entries: readonly OutboxEntry[]): void {
    this.table().writeRows(entries.map((entry) => ({ row: entry.ref, values: entryToRow(entry) })));
  }
}
