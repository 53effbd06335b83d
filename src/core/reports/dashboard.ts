// The `Tablero`: what a supervisor wants at a glance, from every case and its legal clock. No
// personal data: counts only.
import { addDays, bogotaDateOf, dayOfWeek, type CalendarDate } from '../calendar/calendar-date';
import { clockOfCase } from '../cases/case-clock-input';
import { CASE_STATUS_LABELS, CHANNEL_LABELS, type CaseRecord } from '../cases/case-record';
import { REQUEST_TYPE_LABELS } from '../request-types';
import type { ReportContext } from './statutory-reports';

/** Weeks the trend covers, the current one included. */
export const TREND_WEEKS = 8;

export interface DashboardFigures {
  readonly today: CalendarDate;
  readonly total: number;
  readonly open: number;
  readonly byStatus: ReadonlyArray<[string, number]>;
  readonly byType: ReadonlyArray<[string, number]>;
  readonly byChannel: ReadonlyArray<[string, number]>;
  readonly openByDependency: ReadonlyArray<[string, number]>;
  readonly overdueByDependency: ReadonlyArray<[string, number]>;
  /** Closed by their due date, of all closed (null when none is closed yet). */
  readonly onTimeRate: number | null;
  /** Open cases due from today to the Friday of this week. */
  readonly dueThisWeek: number;
  /** Per week (its Monday): cases received and cases closed that week. */
  readonly weeklyTrend: ReadonlyArray<{ week: CalendarDate; received: number; closed: number }>;
}

function mondayOf(d: CalendarDate): CalendarDate {
  return addDays(d, -((dayOfWeek(d) + 6) % 7));
}

function sorted(counts: Map<string, number>): Array<[string, number]> {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function dashboardFigures(
  records: readonly CaseRecord[],
  ctx: ReportContext,
): DashboardFigures {
  const byStatus = new Map<string, number>();
  const byType = new Map<string, number>();
  const byChannel = new Map<string, number>();
  const openByDependency = new Map<string, number>();
  const overdueByDependency = new Map<string, number>();
  const thisMonday = mondayOf(ctx.today);
  const friday = addDays(thisMonday, 4);
  const firstWeek = addDays(thisMonday, -7 * (TREND_WEEKS - 1));
  const trend = new Map<CalendarDate, { received: number; closed: number }>();
  for (let w = 0; w < TREND_WEEKS; w += 1)
    trend.set(addDays(firstWeek, 7 * w), { received: 0, closed: 0 });
  let open = 0;
  let closedTotal = 0;
  let closedOnTime = 0;
  let dueThisWeek = 0;
  let total = 0;
  for (const record of records) {
    if (record.status === 'anulado') {
      bump(byStatus, CASE_STATUS_LABELS.anulado);
      continue;
    }
    total += 1;
    bump(byStatus, CASE_STATUS_LABELS[record.status]);
    bump(byType, REQUEST_TYPE_LABELS[record.type]);
    bump(byChannel, CHANNEL_LABELS[record.channel]);
    const received = mondayOf(bogotaDateOf(Date.parse(record.receivedAt)));
    const receivedWeek = trend.get(received);
    if (receivedWeek) receivedWeek.received += 1;
    const clock = clockOfCase(record, ctx);
    const dependency = record.dependency || '(sin dependencia)';
    if (clock.state === 'closed' && clock.closedOn !== null) {
      closedTotal += 1;
      if (clock.closedOn <= clock.dueDate) closedOnTime += 1;
      const closedWeek = trend.get(mondayOf(clock.closedOn));
      if (closedWeek) closedWeek.closed += 1;
      continue;
    }
    open += 1;
    bump(openByDependency, dependency);
    if (clock.state === 'running' && clock.businessDaysLeft < 0)
      bump(overdueByDependency, dependency);
    if (clock.state === 'running' && clock.dueDate >= ctx.today && clock.dueDate <= friday)
      dueThisWeek += 1;
  }
  return {
    today: ctx.today,
    total,
    open,
    byStatus: sorted(byStatus),
    byType: sorted(byType),
    byChannel: sorted(byChannel),
    openByDependency: sorted(openByDependency),
    overdueByDependency: sorted(overdueByDependency),
    onTimeRate: closedTotal > 0 ? Math.round((closedOnTime / closedTotal) * 1000) / 1000 : null,
    dueThisWeek,
    weeklyTrend: [...trend.entries()].map(([week, v]) => ({ week, ...v })),
  };
}
