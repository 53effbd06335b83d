import fc from 'fast-check';
import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar';
import {
  bogotaDateOf,
  dateOfDayNumber,
  dayNumberOf,
} from '../../../src/core/calendar/calendar-date';
import {
  type CaseClockInput,
  type ClockEvent,
  type ClockSettings,
  computeCaseClock,
} from '../../../src/core/clock/case-clock';
import { REQUEST_TYPE_CODES } from '../../../src/core/request-types';

const DAY_MS = 86_400_000;
const FROM_MS = Date.parse('2024-01-01T00:00:00-05:00');
const TO_MS = Date.parse('2028-12-31T00:00:00-05:00');

const typeArb = fc.constantFrom(...REQUEST_TYPE_CODES);
const instantArb = fc.integer({ min: FROM_MS, max: TO_MS });
const settingsArb: fc.Arbitrary<ClockSettings> = fc.record({
  officeHoursCutoff: fc.constantFrom(null, '17:00', '12:30'),
  nonBusinessDayFiling: fc.constantFrom('next_business_day' as const, 'actual_day' as const),
  extensionRule: fc.constantFrom('total' as const, 'additional' as const),
});
const closedDaysArb = fc.array(
  fc
    .integer({ min: dayNumberOf('2024-01-01'), max: dayNumberOf('2029-06-30') })
    .map(dateOfDayNumber),
  { maxLength: 40 },
);
/** ISO instant `offsetMs` after the receipt. */
const after = (receivedAt: number, offsetMs: number): string =>
  new Date(receivedAt + offsetMs).toISOString();
/** Events that any case may carry, at random times within 60 days of receipt. */
const eventsArb = (receivedAt: number): fc.Arbitrary<ClockEvent[]> =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: 60 * DAY_MS }),
        fc.constantFrom(
          'info_requested',
          'info_received',
          'info_deadline_extended',
          'reclassified',
          'answered',
        ),
        typeArb,
      ),
      { maxLength: 5 },
    )
    .map((entries) =>
      entries.map(([offset, kind, type]): ClockEvent => {
        const at = after(receivedAt, offset);
        return kind === 'reclassified' ? { kind, at, type } : { kind, at };
      }),
    );

function clockOf(
  overrides: Partial<CaseClockInput> & Pick<CaseClockInput, 'receivedAt'>,
  closedDays: readonly string[] = [],
): ReturnType<typeof computeCaseClock> {
  return computeCaseClock({
    type: 'peticion_general',
    events: [],
    today: '2026-07-14',
    settings: {
      officeHoursCutoff: null,
      nonBusinessDayFiling: 'next_business_day',
      extensionRule: 'total',
    },
    calendar: createBusinessCalendar({ worksSaturdays: false, closedDays }),
    ...overrides,
  });
}

describe('case clock properties', () => {
  it('the due date is a business day, after the effective receipt date', () => {
    fc.assert(
      fc.property(
        typeArb,
        instantArb,
        settingsArb,
        closedDaysArb,
        (type, receivedAt, settings, closed) => {
          const calendar = createBusinessCalendar({ worksSaturdays: false, closedDays: closed });
          const clock = computeCaseClock({
            type,
            receivedAt,
            events: [],
            today: '2026-07-14',
            settings,
            calendar,
          });
          expect(calendar.isBusinessDay(clock.dueDate)).toBe(true);
          expect(clock.dueDate > clock.effectiveReceiptDate).toBe(true);
          expect(clock.effectiveReceiptDate >= bogotaDateOf(receivedAt)).toBe(true);
          expect(calendar.businessDaysBetween(clock.effectiveReceiptDate, clock.dueDate)).toBe(
            clock.termDays,
          );
        },
      ),
    );
  });

  it('is 0 business days left on the due date of a running clock', () => {
    fc.assert(
      fc.property(typeArb, instantArb, (type, receivedAt) => {
        const first = clockOf({ type, receivedAt });
        expect(clockOf({ type, receivedAt, today: first.dueDate }).businessDaysLeft).toBe(0);
      }),
    );
  });

  it('adding a closed day never makes a due date earlier', () => {
    fc.assert(
      fc.property(
        instantArb.chain((receivedAt) =>
          fc.tuple(fc.constant(receivedAt), eventsArb(receivedAt), typeArb, closedDaysArb),
        ),
        fc.integer({ min: 0, max: 90 }),
        ([receivedAt, events, type, closed], offsetDays) => {
          const extra = bogotaDateOf(receivedAt + offsetDays * DAY_MS);
          const before = clockOf({ type, receivedAt, events }, closed);
          const after = clockOf({ type, receivedAt, events }, [...closed, extra]);
          expect(after.dueDate >= before.dueDate).toBe(true);
          expect(after.effectiveReceiptDate >= before.effectiveReceiptDate).toBe(true);
        },
      ),
    );
  });

  it('a suspension never shortens a term', () => {
    fc.assert(
      fc.property(
        typeArb,
        instantArb,
        settingsArb,
        fc.integer({ min: 0, max: 40 * DAY_MS }),
        fc.integer({ min: 0, max: 40 * DAY_MS }),
        (type, receivedAt, settings, requestOffset, answerDelay) => {
          const plain = clockOf({ type, receivedAt, settings });
          const suspended = clockOf({
            type,
            receivedAt,
            settings,
            events: [
              { kind: 'info_requested', at: after(receivedAt, requestOffset) },
              { kind: 'info_received', at: after(receivedAt, requestOffset + answerDelay) },
            ],
          });
          expect(suspended.dueDate >= plain.dueDate).toBe(true);
        },
      ),
    );
  });

  it('recomputation is idempotent and independent of the stored order of events', () => {
    fc.assert(
      fc.property(
        instantArb.chain((receivedAt) =>
          fc.tuple(fc.constant(receivedAt), eventsArb(receivedAt), settingsArb),
        ),
        ([receivedAt, events, settings]) => {
          const once = clockOf({ receivedAt, events, settings });
          expect(clockOf({ receivedAt, events, settings })).toEqual(once);
          // Events with distinct instants may be stored in any order.
          const distinct = events.filter(
            (e, i) => events.findIndex((other) => other.at === e.at) === i,
          );
          const reversed = distinct.slice().reverse();
          expect(clockOf({ receivedAt, events: reversed, settings })).toEqual(
            clockOf({ receivedAt, events: distinct, settings }),
          );
        },
      ),
    );
  });

  it('never fails on arbitrary event data', () => {
    const junkEvent = fc.record({
      kind: fc.constantFrom('extended', 'info_received', 'answered', 'reclassified', 'transferred'),
      at: fc.oneof(
        fc.string(),
        instantArb.map((ms) => new Date(ms).toISOString()),
      ),
      newDueDate: fc.string(),
      reason: fc.string(),
      type: fc.string(),
    }) as unknown as fc.Arbitrary<ClockEvent>;
    fc.assert(
      fc.property(instantArb, fc.array(junkEvent, { maxLength: 6 }), (receivedAt, events) => {
        const clock = clockOf({ receivedAt, events });
        expect(['running', 'suspended', 'closed']).toContain(clock.state);
      }),
    );
  });
});
