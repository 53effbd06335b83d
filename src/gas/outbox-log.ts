// `Bandeja de salida`: the record of every mail and its status. Rows are found by the mail's key
// (read from the key column at each write), never by a saved row number, so rows deleted or sorted
// by hand cannot misdirect an update. No body is stored: a follow-up link's token never reaches a cell.
import type { MailEntry } from '../core/state/entity-state';
import type { OutboxLog } from '../ports/mail';
import { instantCell, readText, textCell, type CellValue } from './cell-values';
import type { SheetLayout } from './config-snapshot';

export class SheetOutboxLog implements OutboxLog {
  constructor(
    private readonly spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly layout: () => SheetLayout,
    private readonly missingSheet: (name: string) => Error,
  ) {}

  private toRow(entry: MailEntry): CellValue[] {
    const layout = this.layout();
    const row = new Array<CellValue>(layout.width).fill('');
    const values: Record<string, CellValue> = {
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
    };
    for (const [key, value] of Object.entries(values)) {
      const at = layout.at[key];
      if (at !== undefined) row[at] = value;
    }
    return row;
  }

  keys(): Set<string> {
    const layout = this.layout();
    const sheet = this.spreadsheet().getSheetByName(layout.sheetName);
    if (!sheet) throw this.missingSheet(layout.sheetName);
    const last = sheet.getLastRow();
    const keys = new Set<string>();
    if (last < 2) return keys;
    for (const [key] of sheet.getRange(2, layout.at.key + 1, last - 1, 1).getValues()) {
      const text = readText(key);
      if (text) keys.add(text);
    }
    return keys;
  }

  record(entries: readonly MailEntry[]): void {
    if (entries.length === 0) return;
    const layout = this.layout();
    const sheet = this.spreadsheet().getSheetByName(layout.sheetName);
    if (!sheet) throw this.missingSheet(layout.sheetName);
    const last = sheet.getLastRow();
    const keyAt = layout.at.key;
    const rowOf = new Map<string, number>();
    if (last >= 2) {
      sheet
        .getRange(2, keyAt + 1, last - 1, 1)
        .getValues()
        .forEach(([key], i) => {
          const text = readText(key);
          if (text) rowOf.set(text, i + 2);
        });
    }
    const fresh: MailEntry[] = [];
    for (const entry of entries) {
      const row = rowOf.get(entry.key);
      if (row === undefined) fresh.push(entry);
      else sheet.getRange(row, 1, 1, layout.width).setValues([this.toRow(entry)]);
    }
    if (fresh.length === 0) return;
    const first = last + 1;
    const max = sheet.getMaxRows();
    const needed = first + fresh.length - 1;
    if (needed > max) sheet.insertRowsAfter(max, Math.max(needed - max, 500));
    sheet.getRange(first, 1, fresh.length, layout.width).setValues(fresh.map((e) => this.toRow(e)));
  }
}
