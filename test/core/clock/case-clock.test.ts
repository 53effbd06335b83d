import { createBusinessCalendar } from '../../../src/core/calendar/business-calendar';
import {
  type CaseClockInput,
  type ClockEvent,
  type ClockSettings,
  checkExtension,
  computeCaseClock,
} from '../../../src/core/clock/case-clock';
import type { RequestTypeCode } from '../../../src/core/request-types';

// July–September 2026 (holidays in brackets):
//   Jul: Mon 13 [Chiquinquirá], Tue 14, … Fri 17, Mon 20 [Independencia], Tue 21 … Fri 31
//   Aug: Mon 3 … Thu 6, Fri 7 [Boyacá], Mon 10 … Fri 14, Mon 17 [Asunción], Tue 18 … Mon 31
//   Sep: no holidays.
const calendar = createBusinessCalendar({ worksSaturdays: false, closedDays: [] });
const readingA: ClockSettings = {
  officeHoursCutoff: null,
  nonBusinessDayFiling: 'next_business_day',
  extensionRule: 'total',
};

function input(overrides: Partial<CaseClockInput> = {}): CaseClockInput {
  return {
    type: 'peticion_general',
    receivedAt: Date.parse('2026-07-14T10:00:00-05:00'), // Tue
    events: [],
    today: '2026-07-31',
    settings: readingA,
    calendar,
    ...overrides,
  };
}

const extended = (at: string, newDueDate: string, reason = 'Complejidad'): ClockEvent => ({
  kind: 'extended',
  at,
  newDueDate,
  reason,
});

describe('due date by type, from the day after the effective receipt date', () => {
  it.each([
    // Received Tue 14 Jul 2026; day 1 is Wed 15.
    ['peticion_general', 15, '2026-08-05'], // Wed: 15,16,17,21,…,31, Aug 3,4,5
    ['queja', 15, '2026-08-05'],
    ['peticion_documentos', 10, '2026-07-29'], // Wed: 15,16,17,21,22,23,24,27,28,29
    ['peticion_autoridad', 10, '2026-07-29'],
    ['peticion_congresista', 5, '2026-07-22'], // Wed: 15,16,17,21,22
    ['consulta', 30, '2026-08-28'], // Fri: after Aug 5 (15): 6,10–14,18–21,24–28
  ] as const)('%s: %i business days → %s', (type, days, due) => {
    const clock = computeCaseClock(input({ type }));
    expect(clock.termDays).toBe(days);
    expect(clock.dueDate).toBe(due);
    expect(clock.effectiveReceiptDate).toBe('2026-07-14');
    expect(clock.state).toBe('running');
  });

  it('explains the count in one line', () => {
    expect(computeCaseClock(input({ type: 'queja' })).explanation).toBe(
      'Queja: 15 días hábiles desde el 14/07/2026 (recibido en día hábil); vence el 05/08/2026',
    );
  });

  it.each([
    ['2026-07-31', 3], // Fri: Aug 3, 4, 5 left
    ['2026-08-05', 0], // the due date itself
    ['2026-08-06', -1], // Thu: one business day late
    ['2026-08-10', -2], // Mon: Aug 6 and 10 (Fri 7 is a holiday)
    ['2026-08-01', 3], // Sat
  ])('today %s → %i business days left', (today, left) => {
    expect(computeCaseClock(input({ today })).businessDaysLeft).toBe(left);
  });
});

describe('reading A vs reading B (reference §9 Q0): a 5-day term filed on 25 Dec 2024', () => {
  const filing = input({
    type: 'peticion_congresista',
    receivedAt: Date.parse('2024-12-25T10:00:00-05:00'), // Wed, Navidad
    today: '2024-12-30',
  });

  it('next_business_day: received Thu 26, due Fri 3 Jan 2025', () => {
    // Fri 27, Mon 30, Tue 31, (Wed 1 Jan holiday), Thu 2, Fri 3
    const clock = computeCaseClock(filing);
    expect(clock.effectiveReceiptDate).toBe('2024-12-26');
    expect(clock.dueDate).toBe('2025-01-03');
    expect(clock.explanation).toContain('Exp. 27219');
  });

  it('actual_day: receipt stays on the 25th, due Thu 2 Jan 2025', () => {
    // Thu 26, Fri 27, Mon 30, Tue 31, Thu 2
    const clock = computeCaseClock({
      ...filing,
      settings: { ...readingA, nonBusinessDayFiling: 'actual_day' },
    });
    expect(clock.effectiveReceiptDate).toBe('2024-12-25');
    expect(clock.dueDate).toBe('2025-01-02');
    expect(clock.explanation).toContain('cuenta desde el siguiente día hábil');
  });
});

describe('reclassification: the new type’s term from the same start', () => {
  it.each([
    ['peticion_documentos', 10, '2026-07-29'],
    ['consulta', 30, '2026-08-28'],
  ] as const)('to %s → %i days → %s', (type, days, due) => {
    const clock = computeCaseClock(
      input({ events: [{ kind: 'reclassified', at: '2026-07-16T11:00:00-05:00', type }] }),
    );
    expect(clock.type).toBe(type);
    expect(clock.termDays).toBe(days);
    expect(clock.dueDate).toBe(due);
    expect(clock.explanation).toContain('reclasificado el 16/07/2026');
  });

  it('keeps a notified extension when the new term would end earlier', () => {
    const clock = computeCaseClock(
      input({
        events: [
          extended('2026-07-30T10:00:00-05:00', '2026-08-20'),
          { kind: 'reclassified', at: '2026-08-03T10:00:00-05:00', type: 'peticion_documentos' },
        ],
      }),
    );
    expect(clock.dueDate).toBe('2026-08-20');
  });

  it('flags an unknown type and keeps the term', () => {
    const clock = computeCaseClock(
      input({
        events: [
          { kind: 'reclassified', at: '2026-07-16', type: 'tutela' as unknown as RequestTypeCode },
        ],
      }),
    );
    expect(clock.dueDate).toBe('2026-08-05');
    expect(clock.flags).toEqual(['TYPE_UNKNOWN']);
  });
});

describe('extension (CPACA art. 14 parágrafo)', () => {
  // 15 days from Tue 14 Jul → due Wed 5 Aug.
  // total: cap = 30 business days from 14 Jul = Fri 28 Aug.
  // additional: cap = 30 business days after 5 Aug = Fri 18 Sep (Aug 6, 10–14, 18–21, 24–28,
  // 31, Sep 1–4, 7–11, 14–18).
  const request = (at: string, newDueDate: string, reason = 'Se requiere concepto técnico') => ({
    at,
    newDueDate,
    reason,
  });

  it('applies a lawful extension and explains it', () => {
    const clock = computeCaseClock(
      input({ events: [extended('2026-07-30T10:00:00-05:00', '2026-08-20')] }),
    );
    expect(clock.dueDate).toBe('2026-08-20');
    expect(clock.extension).toEqual({
      notifiedOn: '2026-07-30',
      newDueDate: '2026-08-20',
      reason: 'Complejidad',
      cap: '2026-08-28',
    });
    expect(clock.explanation).toContain('prorrogado el 30/07/2026 hasta el 20/08/2026');
    expect(clock.flags).toEqual([]);
  });

  it.each([
    ['total', '2026-08-28', '2026-08-28', '2026-08-31'],
    ['additional', '2026-09-18', '2026-09-18', '2026-09-21'],
  ] as const)('rule %s: cap %s; %s accepted, %s refused', (rule, cap, okDate, tooLate) => {
    const settings: ClockSettings = { ...readingA, extensionRule: rule };
    expect(checkExtension(input({ settings }), request('2026-07-30T10:00', okDate))).toEqual({
      ok: true,
      value: { cap },
    });
    expect(checkExtension(input({ settings }), request('2026-07-30T10:00', tooLate))).toEqual({
      ok: false,
      code: 'EXTENSION_EXCEEDS_CAP',
      details: {
        cap: `${cap.slice(8)}/${cap.slice(5, 7)}/${cap.slice(0, 4)}`,
        dueDate: '05/08/2026',
      },
    });
  });

  it('may be notified on the due date itself, not the day after', () => {
    expect(checkExtension(input(), request('2026-08-05T16:00', '2026-08-20')).ok).toBe(true);
    expect(checkExtension(input(), request('2026-08-06T09:00', '2026-08-20'))).toMatchObject({
      ok: false,
      code: 'EXTENSION_AFTER_DUE_DATE',
      details: { dueDate: '05/08/2026' },
    });
  });

  it.each([
    ['EXTENSION_REASON_REQUIRED', request('2026-07-30T10:00', '2026-08-20', '   ')],
    ['EXTENSION_DATE_NOT_LATER', request('2026-07-30T10:00', '2026-08-05')],
    ['EXTENSION_DATE_NOT_LATER', request('2026-07-30T10:00', '2026-08-01')],
    ['INVALID_DATE', request('2026-07-30T10:00', '20/08/2026')],
    ['INVALID_DATE', request('el jueves', '2026-08-20')],
    ['INVALID_DATE', request('2026-07-01T10:00', '2026-08-20')], // before the receipt
  ])('refuses with %s', (code, req) => {
    expect(checkExtension(input(), req)).toMatchObject({ ok: false, code });
  });

  it('refuses a second extension', () => {
    const withOne = input({ events: [extended('2026-07-30T10:00:00-05:00', '2026-08-20')] });
    expect(checkExtension(withOne, request('2026-08-03T10:00', '2026-08-25'))).toMatchObject({
      ok: false,
      code: 'EXTENSION_ALREADY_USED',
      details: { dueDate: '20/08/2026' },
    });
  });

  it('refuses on a closed or suspended clock', () => {
    const answered = input({ events: [{ kind: 'answered', at: '2026-07-28T10:00' }] });
    const suspended = input({ events: [{ kind: 'info_requested', at: '2026-07-21T10:00' }] });
    expect(checkExtension(answered, request('2026-07-30T10:00', '2026-08-20'))).toMatchObject({
      ok: false,
      code: 'CLOCK_CLOSED',
    });
    expect(checkExtension(suspended, request('2026-07-30T10:00', '2026-08-20'))).toMatchObject({
      ok: false,
      code: 'CLOCK_SUSPENDED',
    });
  });

  it('judges the request at its own instant, not after later events', () => {
    const answeredLater = input({ events: [{ kind: 'answered', at: '2026-08-04T10:00' }] });
    expect(checkExtension(answeredLater, request('2026-07-30T10:00', '2026-08-20')).ok).toBe(true);
  });

  it('ignores an unlawful extension already recorded, and flags it', () => {
    const clock = computeCaseClock(
      input({
        events: [
          extended('2026-07-30T10:00:00-05:00', '2026-09-30'), // past the cap (28 Aug)
          extended('2026-08-10T10:00:00-05:00', '2026-08-20'), // after the due date (5 Aug)
        ],
      }),
    );
    expect(clock.dueDate).toBe('2026-08-05');
    expect(clock.extension).toBeNull();
    expect(clock.flags).toEqual(['EXTENSION_EXCEEDS_CAP', 'EXTENSION_AFTER_DUE_DATE']);
    expect(clock.explanation).toContain('prórroga del 30/07/2026 no aplicada');
  });

  it('applies only the first of two lawful-looking extensions', () => {
    const clock = computeCaseClock(
      input({
        events: [
          extended('2026-07-30T10:00:00-05:00', '2026-08-20'),
          extended('2026-08-03T10:00:00-05:00', '2026-08-25'),
        ],
      }),
    );
    expect(clock.dueDate).toBe('2026-08-20');
    expect(clock.flags).toEqual(['EXTENSION_ALREADY_USED']);
  });
});

describe('request for missing information (CPACA art. 17)', () => {
  const requested: ClockEvent = { kind: 'info_requested', at: '2026-07-21T09:00:00-05:00' }; // Tue

  it('stops the clock and gives the month before desistimiento tácito', () => {
    const clock = computeCaseClock(input({ events: [requested], today: '2026-07-28' }));
    expect(clock.state).toBe('suspended');
    expect(clock.dueDate).toBe('2026-08-05');
    // Frozen on the day it stopped: Jul 22, 23, 24, 27–31, Aug 3, 4, 5.
    expect(clock.businessDaysLeft).toBe(11);
    // One calendar month: Fri 21 Aug is the last day, so from Sat 22 Aug.
    expect(clock.desistimientoFrom).toBe('2026-08-22');
    expect(clock.suspensions).toEqual([{ from: '2026-07-21', to: null }]);
    expect(clock.explanation).toContain('suspendido desde el 21/07/2026');
    expect(clock.flags).toEqual([]);
  });

  it('moves the last day of the month to the next business day (Ley 4 de 1913)', () => {
    const clock = computeCaseClock(
      input({
        receivedAt: Date.parse('2026-07-01T10:00:00-05:00'), // Wed
        events: [{ kind: 'info_requested', at: '2026-07-07T09:00' }], // Tue
      }),
    );
    // 7 Aug is a Friday holiday, then the weekend: last day Mon 10 Aug.
    expect(clock.desistimientoFrom).toBe('2026-08-11');
  });

  it('gives one more month when the petitioner asks for it in time', () => {
    const clock = computeCaseClock(
      input({ events: [requested, { kind: 'info_deadline_extended', at: '2026-08-10T09:00' }] }),
    );
    // Two months from Tue 21 Jul: Mon 21 Sep is a business day.
    expect(clock.desistimientoFrom).toBe('2026-09-22');
  });

  it('refuses the extra month once the month has run out', () => {
    const clock = computeCaseClock(
      input({ events: [requested, { kind: 'info_deadline_extended', at: '2026-08-24T09:00' }] }),
    );
    expect(clock.desistimientoFrom).toBe('2026-08-22');
    expect(clock.flags).toEqual(['INFO_REQUEST_NOT_PENDING']);
  });

  it('starts a full new term the day after the answer', () => {
    const clock = computeCaseClock(
      input({
        events: [requested, { kind: 'info_received', at: '2026-07-28T09:00:00-05:00' }],
        today: '2026-08-14',
      }),
    );
    // 15 days from Tue 28 Jul: 29, 30, 31, Aug 3–6, 10–14, 18, 19, 20 → Thu 20 Aug.
    expect(clock.state).toBe('running');
    expect(clock.termStart).toBe('2026-07-28');
    expect(clock.dueDate).toBe('2026-08-20');
    expect(clock.businessDaysLeft).toBe(3); // Aug 18, 19, 20
    expect(clock.suspensions).toEqual([{ from: '2026-07-21', to: '2026-07-28' }]);
    expect(clock.explanation).toContain('suspendido del 21/07/2026 al 28/07/2026');
    expect(clock.desistimientoFrom).toBeNull();
  });

  it.each([
    // An answer on Sat 1 Aug: A counts from Mon 3 (new term ends Wed 26 Aug, with Aug 7 and 17
    // holidays); B keeps Sat 1 and Mon 3 is day 1 (ends Tue 25 Aug).
    ['next_business_day', '2026-08-26'],
    ['actual_day', '2026-08-25'],
  ] as const)('applies the receipt rules to the answer: %s → %s', (filing, due) => {
    const clock = computeCaseClock(
      input({
        settings: { ...readingA, nonBusinessDayFiling: filing },
        events: [requested, { kind: 'info_received', at: '2026-08-01T11:00:00-05:00' }],
      }),
    );
    expect(clock.dueDate).toBe(due);
  });

  it.each([
    ['2026-07-29T09:00', []], // Wed: 10th business day after Tue 14 Jul
    ['2026-07-30T09:00', ['INFO_REQUEST_LATE']], // Thu: the 11th
  ])('a request on %s flags %j but still stops the clock', (at, flags) => {
    const clock = computeCaseClock(input({ events: [{ kind: 'info_requested', at }] }));
    expect(clock.flags).toEqual(flags);
    expect(clock.state).toBe('suspended');
  });

  it('flags an answer with no pending request', () => {
    const clock = computeCaseClock(
      input({ events: [{ kind: 'info_received', at: '2026-07-28T09:00' }] }),
    );
    expect(clock.dueDate).toBe('2026-08-05');
    expect(clock.flags).toEqual(['INFO_REQUEST_NOT_PENDING']);
  });
});

describe('transfer (CPACA art. 21), answer and voiding close the clock', () => {
  it('closes on transfer, due 5 business days after receipt', () => {
    const clock = computeCaseClock(
      input({ events: [{ kind: 'transferred', at: '2026-07-21T15:00:00-05:00' }] }),
    );
    // Tue 14 Jul + 5: 15, 16, 17, (20 holiday), 21, 22 → Wed 22 Jul.
    expect(clock.state).toBe('closed');
    expect(clock.closedBy).toBe('transferred');
    expect(clock.closedOn).toBe('2026-07-21');
    expect(clock.dueDate).toBe('2026-07-22');
    expect(clock.transferDueDate).toBe('2026-07-22');
    expect(clock.termDays).toBe(5);
    expect(clock.businessDaysLeft).toBe(1);
    expect(clock.explanation).toContain('trasladado por competencia el 21/07/2026');
  });

  it('says when the transfer was late', () => {
    const clock = computeCaseClock(
      input({ events: [{ kind: 'transferred', at: '2026-07-23T15:00:00-05:00' }] }),
    );
    expect(clock.businessDaysLeft).toBe(-1);
    expect(clock.explanation).toContain('fuera de plazo');
  });

  it.each([
    ['2026-08-03T10:00', 2, 'dentro del término'], // Mon: Aug 4 and 5 to spare
    ['2026-08-06T10:00', -1, 'fuera de término'],
  ])('answered on %s: margin %i', (at, margin, words) => {
    const clock = computeCaseClock(input({ events: [{ kind: 'answered', at }] }));
    expect(clock.state).toBe('closed');
    expect(clock.closedBy).toBe('answered');
    expect(clock.businessDaysLeft).toBe(margin);
    expect(clock.explanation).toContain(words);
  });

  it('closes on voiding and flags anything after a close', () => {
    const clock = computeCaseClock(
      input({
        events: [
          { kind: 'voided', at: '2026-07-15T10:00' },
          { kind: 'answered', at: '2026-07-20T10:00' },
        ],
      }),
    );
    expect(clock.closedBy).toBe('voided');
    expect(clock.closedOn).toBe('2026-07-15');
    expect(clock.flags).toEqual(['CLOCK_CLOSED']);
  });

  it('ends a pending suspension when the case closes', () => {
    const clock = computeCaseClock(
      input({
        events: [
          { kind: 'info_requested', at: '2026-07-21T09:00' },
          { kind: 'voided', at: '2026-08-24T09:00' },
        ],
      }),
    );
    expect(clock.state).toBe('closed');
    expect(clock.suspensions).toEqual([{ from: '2026-07-21', to: '2026-08-24' }]);
    expect(clock.desistimientoFrom).toBeNull();
    expect(clock.businessDaysLeft).toBe(11); // frozen on 21 Jul: Jul 22 … Aug 5
  });

  it('does not call an answer given during the suspension late', () => {
    const clock = computeCaseClock(
      input({
        events: [
          { kind: 'info_requested', at: '2026-07-21T09:00' },
          { kind: 'answered', at: '2026-08-24T09:00' }, // after the frozen 5 Aug
        ],
      }),
    );
    expect(clock.explanation).toContain('respondido el 24/08/2026, con el término suspendido');
    expect(clock.businessDaysLeft).toBe(11);
  });
});

describe('events as data', () => {
  it('applies events in time order whatever order they are stored in', () => {
    const events: ClockEvent[] = [
      { kind: 'info_received', at: '2026-07-28T09:00:00-05:00' },
      extended('2026-08-19T10:00:00-05:00', '2026-09-10'),
      { kind: 'info_requested', at: '2026-07-21T09:00:00-05:00' },
    ];
    const sorted = [events[2], events[0], events[1]] as ClockEvent[];
    expect(computeCaseClock(input({ events }))).toEqual(
      computeCaseClock(input({ events: sorted })),
    );
  });

  it('reads event instants in Bogotá: an evening UTC instant is the same local day', () => {
    // 2026-08-06T01:00Z is Wed 5 Aug at 20:00 in Bogotá: still on the due date.
    const clock = computeCaseClock(
      input({ events: [extended('2026-08-06T01:00:00Z', '2026-08-20')] }),
    );
    expect(clock.dueDate).toBe('2026-08-20');
  });

  it('drops unreadable or impossible instants with a flag instead of failing', () => {
    const clock = computeCaseClock(
      input({
        events: [
          { kind: 'answered', at: 'ayer' },
          { kind: 'answered', at: '2026-07-01T10:00' }, // before the receipt
          { kind: 'answered', at: '2999-01-01T10:00' }, // outside the calendar
        ],
      }),
    );
    expect(clock.state).toBe('running');
    expect(clock.flags).toEqual(['INVALID_DATE']);
  });

  it('rejects an invalid today', () => {
    expect(() => computeCaseClock(input({ today: '31/07/2026' }))).toThrow(RangeError);
  });
});

describe('a full history, as an auditor reads it', () => {
  it('received on a holiday, suspended, answered, extended', () => {
    const clock = computeCaseClock(
      input({
        receivedAt: Date.parse('2026-07-13T09:00:00-05:00'), // Mon, Chiquinquirá
        events: [
          { kind: 'info_requested', at: '2026-07-21T09:00:00-05:00' },
          { kind: 'info_received', at: '2026-07-28T09:00:00-05:00' },
          // New term from 28 Jul: due Thu 20 Aug; cap (total) = 30 days from 28 Jul = Thu 10 Sep
          // (Aug 21, 24–28, 31, Sep 1–4, 7–10 after the 15th).
          extended('2026-08-19T10:00:00-05:00', '2026-09-10'),
        ],
        today: '2026-09-01',
      }),
    );
    expect(clock.effectiveReceiptDate).toBe('2026-07-14');
    expect(clock.dueDate).toBe('2026-09-10');
    expect(clock.businessDaysLeft).toBe(7); // Sep 2, 3, 4, 7, 8, 9, 10
    expect(clock.explanation).toBe(
      'Petición de interés general: 15 días hábiles desde el 14/07/2026 (recibido el 13/07/2026, ' +
        'día no hábil (festivo: Nuestra Señora del Rosario de Chiquinquirá): se tiene por recibido ' +
        'el siguiente día hábil, según el Consejo de Estado, Exp. 27219 de 2024); suspendido del ' +
        '21/07/2026 al 28/07/2026 (requerimiento de información, art. 17 CPACA); nuevo término de ' +
        '15 días hábiles desde el 28/07/2026; prorrogado el 19/08/2026 hasta el 10/09/2026; ' +
        'vence el 10/09/2026',
    );
  });
});
