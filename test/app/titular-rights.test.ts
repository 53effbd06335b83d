// Ley 1581 de 2012: the petitioner's data moves to the data store, and a titular's rights over it
// (art. 8: conocer, actualizar, rectificar, suprimir) are exercised there, each as an act of the case.
import { runSweep } from '../../src/app/sweep';
import {
  anonymiseTitular,
  correctTitular,
  exportTitular,
  findTitular,
} from '../../src/app/titular-rights';
import { lineHash, restoreSnapshot } from '../../src/core/cases/case-seal';
import { FILING_PREFIX } from '../../src/core/state/entity-state';
import {
  makeDeps,
  nextExecution,
  QUEJA,
  SECRET,
  submitForm,
  type TestDeps,
} from '../fakes/in-memory';

const DPO = 'dpo@x.gov.co';
const CLERK = 'clerk@x.gov.co';
const MONDAY = Date.parse('2026-07-06T09:00:00-05:00');
const RADICADO = '2026-000001';

function filedAndReviewed(): TestDeps {
  const { deps } = makeDeps({ settings: { dataStewards: [DPO] } });
  submitForm(deps, { ...QUEJA, phone: '3001234567', address: 'Calle 10 # 5-23' }, MONDAY);
  nextExecution(deps);
  runSweep(deps);
  nextExecution(deps);
  return deps;
}

function filings(deps: TestDeps): unknown[] {
  return Object.entries(deps.store.data)
    .filter(([key]) => key.startsWith(FILING_PREFIX))
    .map(([, value]) => JSON.parse(value) as unknown);
}

describe('the data store', () => {
  it('receives the petitioner’s data from the review, and the filing lets it go', () => {
    const deps = filedAndReviewed();
    expect(deps.contacts.rows.get(RADICADO)).toMatchObject({
      name: 'Ana Ruiz',
      idNumber: '1020304050',
      email: 'ana@example.com',
      phone: '3001234567',
      address: 'Calle 10 # 5-23',
    });
    expect(JSON.stringify(filings(deps))).not.toContain('ana@example.com');
    // The row and the Historial keep only the masked trace.
    expect(deps.cases.at(2).petitioner).toMatchObject({
      name: 'Ana Ruiz',
      email: 'a•••@example.com',
      phone: '•••4567',
      address: '•••',
    });
    expect(JSON.stringify(deps.history.lines)).not.toMatch(/ana@example|1020304050|3001234567/);
  });

  it('keeps the data in the filing while the store cannot be opened, and moves it later', () => {
    const { deps } = makeDeps({ settings: { dataStewards: [DPO] } });
    submitForm(deps, QUEJA, MONDAY);
    deps.contacts.denied = true;
    nextExecution(deps);
    runSweep(deps);
    expect(JSON.stringify(filings(deps))).toContain('ana@example.com');
    expect(deps.contacts.rows.size).toBe(0);
    deps.contacts.denied = false;
    nextExecution(deps);
    runSweep(deps);
    expect(deps.contacts.rows.get(RADICADO)?.email).toBe('ana@example.com');
    expect(JSON.stringify(filings(deps))).not.toContain('ana@example.com');
  });
});

describe('a titular’s cases', () => {
  it('are found by email or document number, by a data steward only', () => {
    const deps = filedAndReviewed();
    expect(findTitular(deps, CLERK, 'ana@example.com')).toEqual({
      ok: false,
      code: 'CONTACT_STORE_DENIED',
    });
    expect(findTitular(deps, DPO, '12')).toEqual({ ok: false, code: 'TITULAR_QUERY_INVALID' });
    expect(findTitular(deps, DPO, 'nadie@example.com')).toEqual({
      ok: false,
      code: 'TITULAR_NOT_FOUND',
    });
    for (const query of ['ANA@example.com', '1020304050']) {
      const found = findTitular(deps, DPO, query);
      expect(found.ok && found.value.cases).toEqual([
        expect.objectContaining({
          radicado: RADICADO,
          typeLabel: 'Queja',
          statusLabel: 'Radicado',
          shownName: 'Ana Ruiz',
          anonymised: false,
          inTrackingSheet: true,
        }),
      ]);
    }
  });

  it('are corrected in the store, masked in the row, with a Historial line naming the fields only', () => {
    const deps = filedAndReviewed();
    const before = deps.cases.at(2);
    const result = correctTitular(deps, DPO, '1020304050', {
      phone: '3109998877',
      email: 'Ana.Ruiz@Example.com',
    });
    expect(result).toEqual({ ok: true, value: { radicados: [RADICADO], skipped: [] } });
    expect(deps.contacts.rows.get(RADICADO)).toMatchObject({
      phone: '3109998877',
      email: 'ana.ruiz@example.com',
      idNumber: '1020304050',
    });
    const after = deps.cases.at(2);
    expect(after.petitioner).toMatchObject({ phone: '•••8877', email: 'a•••@example.com' });
    expect(after.dueDate).toBe(before.dueDate);
    const [line] = deps.history.of(RADICADO).slice(-1);
    expect(line.event).toBe('datos_corregidos');
    expect(line.details).toContain('teléfono');
    expect(line.details).toContain('correo electrónico');
    expect(line.details).not.toMatch(/3109998877|ana\.ruiz/);
    expect(line.prev).toBe(before.chainHead);
    expect(after.chainHead).toBe(line.hash);
    const { hash: _hash, after: _after, ...rest } = line;
    expect(lineHash(SECRET, rest)).toBe(line.hash);
    expect(deps.cases.locate(RADICADO, 2)?.sealOk).toBe(true);
  });

  it('refuses a correction that is empty or not valid, naming the field', () => {
    const deps = filedAndReviewed();
    expect(correctTitular(deps, DPO, '1020304050', {})).toEqual({
      ok: false,
      code: 'CORRECTION_EMPTY',
    });
    expect(correctTitular(deps, DPO, '1020304050', { email: 'no-es-correo' })).toEqual({
      ok: false,
      code: 'INVALID_PAYLOAD',
      details: { field: 'titular.email' },
    });
  });

  it('are anonymised: the case, its radicado and its term stay; nothing identifies the titular', () => {
    const deps = filedAndReviewed();
    const before = deps.cases.at(2);
    expect(anonymiseTitular(deps, DPO, 'ana@example.com')).toEqual({
      ok: true,
      value: { radicados: [RADICADO], skipped: [] },
    });
    expect(deps.contacts.rows.get(RADICADO)).toMatchObject({
      radicado: RADICADO,
      name: '',
      idNumber: '',
      email: '',
      phone: '',
      address: '',
    });
    expect(deps.contacts.rows.get(RADICADO)?.anonymisedAt).toBeTruthy();
    const after = deps.cases.at(2);
    expect(after).toMatchObject({
      radicado: RADICADO,
      status: before.status,
      dueDate: before.dueDate,
      receivedAt: before.receivedAt,
      type: before.type,
    });
    expect(after.petitioner).toMatchObject({
      name: 'Titular anonimizado',
      idNumber: '',
      email: '',
      phone: '',
      address: '',
    });
    // Every restore point of the case was rewritten without the name, and still verifies.
    const lines = deps.history.of(RADICADO);
    expect(JSON.stringify(lines)).not.toContain('Ana Ruiz');
    const snapshots = lines.filter((l) => l.after);
    expect(snapshots.length).toBeGreaterThan(1);
    for (const l of snapshots) expect(restoreSnapshot(SECRET, l.after!)).not.toBeNull();
    expect(lines[lines.length - 1].event).toBe('datos_anonimizados');
    expect(findTitular(deps, DPO, 'ana@example.com')).toEqual({
      ok: false,
      code: 'TITULAR_NOT_FOUND',
    });
  });

  it('are exported with everything held of the titular, and the consulta is recorded', () => {
    const deps = filedAndReviewed();
    const exported = exportTitular(deps, DPO, 'ana@example.com');
    if (!exported.ok) throw new Error(exported.code);
    const doc = JSON.parse(exported.value.text) as {
      titular: Array<Record<string, unknown>>;
      casos: Array<{ radicado: string; historial: Array<{ evento: string }> }>;
    };
    expect(doc.titular).toEqual([
      expect.objectContaining({
        radicado: RADICADO,
        nombre: 'Ana Ruiz',
        numeroDocumento: '1020304050',
        correo: 'ana@example.com',
      }),
    ]);
    expect(doc.casos[0].radicado).toBe(RADICADO);
    expect(doc.casos[0].historial.map((h) => h.evento)).toEqual(
      expect.arrayContaining(['Radicación', 'Consulta de datos del titular']),
    );
    expect(deps.history.of(RADICADO).slice(-1)[0].event).toBe('datos_exportados');
  });
});
