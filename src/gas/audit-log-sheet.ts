// The append-only Historial sheet.
import { eventLabel } from '../core/cases/event-labels';
import type { AuditEntry, AuditLog } from '../ports/case-store';
import { instantCell, textCell } from './cell-values';
import type { SheetTable } from './sheet-table';

export class SheetAuditLog implements AuditLog {
  constructor(private readonly table: () => SheetTable) {}

  append(entries: readonly AuditEntry[]): void {
    if (entries.length === 0) return;
    this.table().append(
      entries.map((e) => ({
        at: instantCell(e.at),
        by: textCell(e.by),
        radicado: textCell(e.radicado),
        event: eventLabel(e.event),
        details: textCell(e.details),
      })),
    );
  }
}
