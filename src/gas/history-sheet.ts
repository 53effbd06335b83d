// The append-only Historial: an act's line is appended in one call, the sweep's batch in one write.
import { eventLabel, eventOfLabel } from '../core/cases/event-labels';
import type { JournalLine } from '../core/state/entity-state';
import type { HistoryLog } from '../ports/case-store';
import { instantCell, readInstant, readText, textCell, type CellValue } from './cell-values';
import type { SheetLayout } from './config-snapshot';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class SheetHistoryLog implements HistoryLog {
  private sheetMemo: Sheet | null = null;

  constructor(
    private readonly spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly layout: () => SheetLayout,
    private readonly missingSheet: (name: string) => Error,
  ) {}

  private sheet(): Sheet {
    if (this.sheetMemo) return this.sheetMemo;
    const name = this.layout().sheetName;
    const sheet = this.spreadsheet().getSheetByName(name);
    if (!sheet) throw this.missingSheet(name);
    this.sheetMemo = sheet;
    return sheet;
  }

  private toRow(line: JournalLine): CellValue[] {
    const layout = this.layout();
    const row = new Array<CellValue>(layout.width).fill('');
    const put = (key: string, value: CellValue): void => {
      const at = layout.at[key];
      if (at !== undefined) row[at] = value;
    };
    put('at', instantCell(line.at));
    put('by', textCell(line.by));
    put('radicado', textCell(line.radicado));
    put('event', eventLabel(line.event));
    put('details', textCell(line.details));
    put('prev', textCell(line.prev));
    put('hash', textCell(line.hash));
    put('after', textCell(line.after ?? ''));
    return row;
  }

  appendOne(line: JournalLine): void {
    this.sheet().appendRow(this.toRow(line));
  }

  append(lines: readonly JournalLine[]): void {
    if (lines.length === 0) return;
    if (lines.length === 1) return this.appendOne(lines[0]);
    const sheet = this.sheet();
    const first = sheet.getLastRow() + 1;
    const needed = first + lines.length - 1;
    const max = sheet.getMaxRows();
    if (needed > max) sheet.insertRowsAfter(max, Math.max(needed - max, 500));
    sheet
      .getRange(first, 1, lines.length, this.layout().width)
      .setValues(lines.map((l) => this.toRow(l)));
  }

  all(): JournalLine[] {
    return this.linesAfter(1, this.lastRow());
  }

  lastRow(): number {
    return this.sheet().getLastRow();
  }

  linesAfter(row: number, last: number): JournalLine[] {
    const sheet = this.sheet();
    const first = Math.max(row + 1, 2);
    if (last < first) return [];
    const { at, width } = this.layout();
    const cell = (row: readonly unknown[], key: string): unknown =>
      at[key] === undefined ? '' : row[at[key]];
    return sheet
      .getRange(first, 1, last - first + 1, width)
      .getValues()
      .map((row) => ({
        at: readInstant(cell(row, 'at')),
        by: readText(cell(row, 'by')),
        radicado: readText(cell(row, 'radicado')),
        event: eventOfLabel(readText(cell(row, 'event'))),
        details: readText(cell(row, 'details')),
        prev: readText(cell(row, 'prev')),
        hash: readText(cell(row, 'hash')),
        after: readText(cell(row, 'after')),
      }));
  }

  rewriteSnapshots(radicado: string, rewrite: (after: string) => string): number {
    const { at } = this.layout();
    const radicadoAt = at.radicado;
    const afterAt = at.after;
    const last = this.lastRow();
    if (radicadoAt === undefined || afterAt === undefined || last < 2) return 0;
    const sheet = this.sheet();
    const cells = sheet.getRange(2, 1, last - 1, this.layout().width).getValues();
    let changed = 0;
    cells.forEach((row, i) => {
      if (readText(row[radicadoAt]) !== radicado) return;
      const before = readText(row[afterAt]);
      if (!before) return;
      const next = rewrite(before);
      if (next === before) return;
      // A rare act (a titular's request): one write per line is fine.
      sheet.getRange(i + 2, afterAt + 1).setValue(textCell(next));
      changed += 1;
    });
    return changed;
  }
}
