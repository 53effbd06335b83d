import {
  buildAnchors,
  filingKey,
  mailKey,
  MAX_RUNS,
  parseEntityState,
  predictRow,
  ROWS_KEY,
  STATE_KEY,
  storeSize,
  type FilingEntry,
  type MailEntry,
  type RowAnchors,
} from '../../../src/core/state/entity-state';

const record = {
  counters: { '2026': 7 },
  checkpoint: null,
  dailyOn: '2026-07-06',
  secret: 's',
  appends: 2,
  checkRequested: false,
  verifyFrom: 0,
};

const filing: FilingEntry = {
  radicado: '2026-000007',
  receivedAt: 1,
  channel: 'formulario',
  seq: 2,
  by: 'formulario',
  at: '2026-07-06T14:00:00.000Z',
  reason: 'Dependencia por defecto de la entidad; primera persona disponible',
  journaled: false,
};

const mail: MailEntry = {
  key: 'acuse:2026-000007',
  radicado: '2026-000007',
  kind: 'acuse',
  to: 'a@b.co',
  subject: 's',
  status: 'pendiente',
  attempts: 0,
  createdAt: '',
  sentAt: '',
  lastError: '',
  recorded: false,
};

describe('parseEntityState', () => {
  it('reads the record, the anchors, the filings by key and the mails by their own key', () => {
    const anchors: RowAnchors = { runs: [{ row: 2, year: 2026, number: 1, count: 7 }], tailRow: 8 };
    const raw = {
      [STATE_KEY]: JSON.stringify(record),
      [ROWS_KEY]: JSON.stringify(anchors),
      [filingKey('f1-abc')]: JSON.stringify(filing),
      [mailKey(mail.key)]: JSON.stringify(mail),
      'form.entries': '{"1":"type"}',
    };
    const state = parseEntityState(raw);
    expect(state.record).toEqual(record);
    expect(state.anchors).toEqual(anchors);
    expect([...state.filings]).toEqual([['f1-abc', filing]]);
    expect([...state.mails]).toEqual([[mail.key, mail]]);
    expect(state.raw).toBe(raw);
  });

  it('skips what it cannot read instead of failing', () => {
    const state = parseEntityState({
      [STATE_KEY]: '{"counters":{}}', // no secret
      [ROWS_KEY]: '{"runs":"no"}',
      [filingKey('roto')]: '{no es JSON',
      [filingKey('sin-radicado')]: '{"seq":1}',
      [filingKey('lista')]: '[1,2]',
      [filingKey('bueno')]: JSON.stringify(filing),
      [mailKey('sin-clave')]: JSON.stringify({ ...mail, key: 3 }),
      [mailKey('vacio')]: '',
      [mailKey(mail.key)]: JSON.stringify(mail),
    });
    expect(state.record).toBeNull();
    expect(state.anchors).toBeNull();
    expect([...state.filings.keys()]).toEqual(['bueno']);
    expect([...state.mails.keys()]).toEqual([mail.key]);
  });

  it('has no record in an empty store (a lost or new one)', () => {
    const state = parseEntityState({});
    expect(state.record).toBeNull();
    expect(state.anchors).toBeNull();
    expect(state.filings.size).toBe(0);
    expect(state.mails.size).toBe(0);
  });
});

describe('storeSize', () => {
  it('counts the characters of keys and values', () => {
    expect(storeSize({ ab: 'cde', f: '' })).toBe(6);
  });
});

const at = (row: number, number: number, year = 2026) => ({ row, year, number });

describe('buildAnchors', () => {
  it('makes one run of consecutive numbers on consecutive rows', () => {
    expect(buildAnchors([at(2, 1), at(3, 2), at(4, 3)])).toEqual({
      runs: [{ row: 2, year: 2026, number: 1, count: 3 }],
      tailRow: 4,
    });
  });

  it('starts a new run at a gap in numbers, a blank row, a new year or an out-of-order row', () => {
    const anchors = buildAnchors([
      at(2, 1),
      at(3, 2),
      at(4, 5), // number 3 and 4 burnt or elsewhere
      null, // a blank row
      at(6, 6),
      at(7, 1, 2027), // new year
      at(8, 2, 2027),
      at(9, 1, 2027), // sorted by hand
    ]);
    expect(anchors).toEqual({
      runs: [
        { row: 2, year: 2026, number: 1, count: 2 },
        { row: 4, year: 2026, number: 5, count: 1 },
        { row: 6, year: 2026, number: 6, count: 1 },
        { row: 7, year: 2027, number: 1, count: 2 },
        { row: 9, year: 2027, number: 1, count: 1 },
      ],
      tailRow: 9,
    });
  });

  it('gives no runs for an empty sheet, and the header as the tail', () => {
    expect(buildAnchors([])).toEqual({ runs: [], tailRow: 1 });
    expect(buildAnchors([null, null])).toEqual({ runs: [], tailRow: 1 });
  });

  it(`keeps at most ${MAX_RUNS} runs: a sheet sorted by another column falls back to searches`, () => {
    // Each case its own run: numbers descending down the sheet.
    const rows = (n: number) => Array.from({ length: n }, (_, i) => at(i + 2, n - i));
    expect(buildAnchors(rows(MAX_RUNS)).runs).toHaveLength(MAX_RUNS);
    const sorted = buildAnchors(rows(MAX_RUNS + 1));
    expect(sorted.runs).toEqual([]);
    expect(sorted.tailRow).toBe(MAX_RUNS + 2);
  });
});

describe('the row anchors as stored', () => {
  it('fit one property value (9 KB) at most runs, with six-digit rows and numbers', () => {
    // A sheet sorted by another column: every case its own run.
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      row: 100_000 + i,
      year: 2026,
      number: 999_999 - 2 * i,
    }));
    const anchors = buildAnchors(rows.slice(0, MAX_RUNS));
    expect(anchors.runs).toHaveLength(MAX_RUNS);
    expect(Buffer.byteLength(JSON.stringify(anchors))).toBeLessThan(9 * 1024);
    // Past the cap no runs are kept at all: a search finds the rows instead.
    expect(buildAnchors(rows).runs).toEqual([]);
  });
});

describe('predictRow', () => {
  const anchors: RowAnchors = {
    runs: [
      { row: 2, year: 2026, number: 1, count: 3 },
      { row: 5, year: 2027, number: 1, count: 2 },
    ],
    tailRow: 6,
  };

  it('finds a number inside a run of its year', () => {
    expect(predictRow(anchors, 2026, 1, null)).toBe(2);
    expect(predictRow(anchors, 2026, 3, null)).toBe(4);
    expect(predictRow(anchors, 2027, 2, null)).toBe(6);
  });

  it('puts a case appended since the anchors after the tail, by its append order', () => {
    expect(predictRow(anchors, 2027, 3, 1)).toBe(7);
    expect(predictRow(anchors, 2027, 4, 2)).toBe(8);
  });

  it('has no guess for a number outside the runs and not pending, or without anchors', () => {
    expect(predictRow(anchors, 2026, 4, null)).toBeNull();
    expect(predictRow(anchors, 2025, 1, null)).toBeNull();
    expect(predictRow(null, 2026, 1, 1)).toBeNull();
  });
});
