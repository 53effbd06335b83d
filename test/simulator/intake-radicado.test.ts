// Issue 4, part 2: the radicado. AGN Acuerdo 060 de 2001 art. 5 and CPACA art. 61: a consecutive
// number per year (YYYY-NNNNNN, optionally prefixed with the entity's DANE code), no gaps, no reuse,
// kept in the entity's own store under the entity's lock — never derived from the sheet's rows.
import { bogota, citizen, Desk, expectEachResponseOnce, useBuiltBundle } from './fixtures';

useBuiltBundle();

const HOUR = 60 * 60 * 1000;

function radicadoColumn(desk: Desk): string[] {
  const sheet = desk.model.requireSheet('Radicados');
  const at = desk.column('Radicados', 'Radicado');
  const out: string[] = [];
  for (let r = 2; r <= sheet.lastRow(); r += 1) out.push(String(sheet.cell(r, at)?.value ?? ''));
  return out;
}

describe('radicado numbering', () => {
  it('numbers five submissions 2026-000001 … 2026-000005, one row each, no gaps', () => {
    const desk = new Desk();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const at = bogota('2026-02-03T09:00:00') + i * 7 * 60 * 1000;
      ids.push(desk.submit(citizen({ subject: `Solicitud ${i + 1}` }), at).responseId);
    }
    const expected = ['2026-000001', '2026-000002', '2026-000003', '2026-000004', '2026-000005'];
    expect(ids.map((id) => desk.casesFor(id).map((c) => c.radicado))).toEqual(
      expected.map((r) => [r]),
    );
    expect(radicadoColumn(desk)).toEqual(expected);
    for (const r of radicadoColumn(desk)) expect(r).toMatch(/^\d{4}-\d{6}$/);
    expectEachResponseOnce(desk);
  });

  it('prefixes the DANE code when the entity asks for it: 05001-2026-000001', () => {
    const desk = new Desk({ settings: { radicadoPrefix: true, daneCode: '05001' } });
    const a = desk.submit(citizen(), bogota('2026-02-03T09:00:00'));
    const b = desk.submit(citizen(), bogota('2026-02-03T09:30:00'));
    expect(desk.casesFor(a.responseId)[0].radicado).toBe('05001-2026-000001');
    expect(desk.casesFor(b.responseId)[0].radicado).toBe('05001-2026-000002');
  });

  it('restarts at 000001 with the first filing of a new year, by Bogotá time', () => {
    const desk = new Desk({ start: bogota('2026-12-31T07:00:00') });
    const at = [
      bogota('2026-12-31T18:00:00'),
      // 23:59 in Bogotá is already 1 January in UTC: still a 2026 filing.
      bogota('2026-12-31T23:59:00'),
      bogota('2027-01-01T00:00:30'),
      bogota('2027-01-01T09:00:00'),
    ];
    const ids = at.map((t, i) => desk.submit(citizen({ subject: `Caso ${i}` }), t).responseId);
    expect(ids.map((id) => desk.casesFor(id)[0]?.radicado)).toEqual([
      '2026-000001',
      '2026-000002',
      '2027-000001',
      '2027-000002',
    ]);
  });

  it('keeps counting when rows are deleted by hand (the counter is not the row count)', () => {
    const desk = new Desk();
    const t = bogota('2026-02-03T09:10:00');
    for (let i = 0; i < 3; i += 1) desk.submit(citizen({ subject: `Caso ${i}` }), t + i * 60_000);
    // All within one hour between two sweeps (a sweep re-ingests responses whose rows vanished).
    const sweeps = desk.executionsOf('sweepPqrs').length;
    const sheet = desk.model.requireSheet('Radicados');
    expect(radicadoColumn(desk)).toEqual(['2026-000001', '2026-000002', '2026-000003']);
    sheet.deleteRows(sheet.lastRow(), 1); // someone deletes the row of 2026-000003
    const fourth = desk.submit(citizen(), t + 10 * 60_000);
    expect(desk.casesFor(fourth.responseId)[0].radicado).toBe('2026-000004');
    sheet.deleteRows(2, sheet.lastRow() - 1); // and then every case row
    const fifth = desk.submit(citizen(), t + 20 * 60_000);
    expect(desk.casesFor(fifth.responseId)[0].radicado).toBe('2026-000005');
    expect(desk.executionsOf('sweepPqrs')).toHaveLength(sweeps);
  });

  it("keeps the counter in the entity's own script properties, under the entity's lock", () => {
    const a = new Desk({ entity: 'alcaldia-a' });
    const b = new Desk({ entity: 'alcaldia-b', workspace: a.ws });
    const t = bogota('2026-02-03T09:00:00');
    const a1 = a.submit(citizen(), t);
    const a2 = a.submit(citizen(), t + HOUR);
    const b1 = b.submit(citizen(), t + 2 * HOUR);
    // Two entities on one library number independently.
    expect(a.casesFor(a1.responseId)[0].radicado).toBe('2026-000001');
    expect(a.casesFor(a2.responseId)[0].radicado).toBe('2026-000002');
    expect(b.casesFor(b1.responseId)[0].radicado).toBe('2026-000001');
    // The library never touched its own (shared) properties, lock or cache.
    expect(a.ws.libraryScopedUses).toEqual([]);
    expect(a.ws.libraryStores.properties.keys()).toEqual([]);
    expect(a.ws.libraryStores.lock.acquisitions).toBe(0);
    // Each entity's script properties hold its own last number for 2026.
    const lastOf = (desk: Desk) =>
      (
        JSON.parse(desk.entity.properties.get('state') ?? '{}') as {
          counters?: Record<string, number>;
        }
      ).counters?.['2026'];
    expect(lastOf(a)).toBe(2);
    expect(lastOf(b)).toBe(1);
    expect(a.entity.lock.acquisitions).toBeGreaterThanOrEqual(2);
    expect(b.entity.lock.acquisitions).toBeGreaterThanOrEqual(1);
  });
});

describe('numbering survives a lost counter', () => {
  it('continues after the last radicado on the sheet when the script properties are empty', () => {
    const desk = new Desk();
    desk.submit(citizen(), bogota('2026-02-03T10:00:00'));
    desk.submit(citizen(), bogota('2026-02-03T10:05:00'));
    // A recreated entity script starts with an empty store (the spreadsheet was copied, say).
    desk.entity.properties.delete('radicado.last.2026');
    desk.submit(citizen(), bogota('2026-02-03T10:10:00'));
    expect(desk.cases().map((c) => c.radicado)).toEqual([
      '2026-000001',
      '2026-000002',
      '2026-000003',
    ]);
  });
});
