// Benchmark of the legal clock: how long a sweep takes to recompute the clocks of many cases.
// The clock is pure, so no service calls and no simulated time: only wall time matters.
import { performance } from 'node:perf_hooks';
import { createBusinessCalendar } from '../../src/core/calendar/business-calendar';
import { addDays, dateOfDayNumber, dayNumberOf } from '../../src/core/calendar/calendar-date';
import { type ClockEvent, computeCaseClock } from '../../src/core/clock/case-clock';
import { REQUEST_TYPE_CODES } from '../../src/core/request-types';
import type { ClockSettings } from '../../src/core/clock/case-clock';

export interface BenchResult {
  readonly name: string;
  readonly size: number;
  readonly calls: number;
  readonly simulatedMs: number;
  readonly wallMs: number;
  /** intake.burst: filings left for the sweep because the lock wait ran out. */
  readonly deferred?: number;
  /** intake.burst: 95th percentile of filing-to-acknowledgement time, simulated ms. */
  readonly p95AckMs?: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run times the same cases. */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SyntheticCase {
  readonly type: (typeof REQUEST_TYPE_CODES)[number];
  readonly receivedAt: number;
  readonly events: readonly ClockEvent[];
}

function atOf(dayNumber: number, minutes: number): string {
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  return `${dateOfDayNumber(dayNumber)}T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}:00-05:00`;
}

/** Cases filed over 2024–2027 at any hour, a third of them with events (info request, extension, answer). */
function syntheticCases(size: number): SyntheticCase[] {
  const random = randomFrom(20260714);
  const firstDay = dayNumberOf('2024-01-01');
  const cases: SyntheticCase[] = [];
  for (let i = 0; i < size; i++) {
    const day = firstDay + Math.floor(random() * 4 * 365);
    const minutes = Math.floor(random() * 1440);
    const type = REQUEST_TYPE_CODES[i % REQUEST_TYPE_CODES.length] as SyntheticCase['type'];
    const events: ClockEvent[] = [];
    const roll = random();
    if (roll < 0.1) {
      events.push({ kind: 'info_requested', at: atOf(day + 3, 600) });
      events.push({ kind: 'info_received', at: atOf(day + 12, 900) });
    } else if (roll < 0.2) {
      events.push({
        kind: 'extended',
        at: atOf(day + 7, 600),
        newDueDate: addDays(dateOfDayNumber(day), 30),
        reason: 'Complejidad de la información',
      });
    } else if (roll < 0.33) {
      events.push({ kind: 'answered', at: atOf(day + 9, 660) });
    }
    cases.push({ type, receivedAt: Date.parse(atOf(day, minutes)), events });
  }
  return cases;
}

/**
 * Computes the clocks of `size` synthetic cases against one entity calendar (built inside the
 * timed region, as a sweep would). `calls` and `simulatedMs` are 0: the clock touches no service.
 * Example: benchClock(100_000).wallMs is well under 1000 on a laptop.
 */
export function benchClock(size: number): BenchResult {
  const cases = syntheticCases(size);
  const settings: ClockSettings = {
    officeHoursCutoff: '17:00',
    nonBusinessDayFiling: 'next_business_day',
    extensionRule: 'total',
  };
  const start = performance.now();
  const calendar = createBusinessCalendar({
    worksSaturdays: false,
    closedDays: ['2024-12-24', '2024-12-31', '2025-12-24', '2025-12-31', '2026-12-24'],
  });
  let checksum = 0;
  for (const c of cases) {
    // Built field by field: an object spread here costs more than the clock itself in V8.
    const clock = computeCaseClock({
      type: c.type,
      receivedAt: c.receivedAt,
      events: c.events,
      today: '2026-07-14',
      settings,
      calendar,
    });
    checksum += clock.businessDaysLeft;
  }
  const wallMs = performance.now() - start;
  if (Number.isNaN(checksum)) throw new Error('unreachable: keeps the loop from being elided');
  return { name: 'clock', size, calls: 0, simulatedMs: 0, wallMs };
}
