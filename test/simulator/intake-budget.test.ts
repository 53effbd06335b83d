// Issue 4, part 5: handling one submission costs the same Apps Script calls whatever the size of
// the sheet — no whole-sheet reads, no per-row loops. Two entities side by side, one with 10 past
// cases and one with 2,000, radicate the same filing; their executions must match call for call.
//
// The cost table charges nothing but one simulated millisecond per cell read by Range.getValues,
// so an execution's simulated time is exactly the number of cells it read with getValues.
import { CLERK, bogota, citizen, Desk, useBuiltBundle } from './fixtures';
import type { ExecutionRecord } from '../../tools/simulator/workspace';

useBuiltBundle();

const COSTS = {
  '*': { baseMs: 0 },
  'Range.getValues': { baseMs: 0, perUnitMs: 1 },
};

const pad = (n: number) => String(n).padStart(6, '0');

/** Last year's closed cases, with their outbox and history rows, as they would have piled up. */
function prefill(desk: Desk, count: number): void {
  const base = Date.UTC(2025, 0, 2, 14);
  const at = (i: number) => new Date(base + i * 3 * 60 * 60 * 1000);
  const byHeader = (sheet: string, make: (i: number) => Record<string, unknown>, n: number) => {
    const grid = desk.model.requireSheet(sheet);
    const headers: string[] = [];
    for (let c = 1; c <= grid.lastColumn(); c += 1)
      headers.push(String(grid.cell(1, c)?.value ?? ''));
    const rows: unknown[][] = [];
    for (let i = 1; i <= n; i += 1) {
      const values = make(i);
      rows.push(headers.map((h) => values[h] ?? ''));
    }
    desk.model.setCellsAsUser(sheet, grid.lastRow() + 1, 1, rows);
    // Typing grows the grid to the last typed row; leave the free rows a sheet normally has, so
    // both entities measure a filing, not the one-off growth of a full grid.
    grid.growTo(grid.lastRow() + 100, grid.maxCols);
  };
  byHeader(
    'Radicados',
    (i) => ({
      Radicado: `2025-${pad(i)}`,
      'Fecha y hora de radicación': at(i),
      Canal: 'Formulario web',
      'Tipo declarado': 'Petición de interés general',
      Tipo: 'Petición de interés general',
      Asunto: `Solicitud número ${i}`,
      Descripción: 'Texto de una solicitud ya respondida.',
      Anónimo: 'No',
      Peticionario: `Ciudadana ${i}`,
      'Correo electrónico': `ciudadana${i}@example.com`,
      Dependencia: 'Ventanilla Única',
      Responsable: CLERK,
      Estado: 'Respondido',
      'Fecha de respuesta': at(i + 40),
      'ID de respuesta del formulario': `respuesta-anterior-${i}`,
      Eventos: '[]',
    }),
    count,
  );
  byHeader(
    'Bandeja de salida',
    (i) => ({
      Clave: `acuse:2025-${pad(i)}`,
      Radicado: `2025-${pad(i)}`,
      Tipo: 'acuse',
      Destinatario: `ciudadana${i}@example.com`,
      Asunto: `Radicado 2025-${pad(i)}: recibimos su solicitud`,
      Estado: 'enviado',
      Intentos: 1,
      Creado: at(i),
      Enviado: at(i),
    }),
    count,
  );
  byHeader(
    'Historial',
    (i) => ({
      'Fecha y hora': at(i),
      Quién: 'formulario',
      Radicado: `2025-${pad(i)}`,
      Evento: 'radicado',
      Detalle: 'Canal formulario',
    }),
    count,
  );
}

function radicateOne(desk: Desk, at: number): ExecutionRecord {
  const result = desk.submit(citizen(), at);
  expect(result.runs).toHaveLength(1);
  const [run] = result.runs;
  expect(run.error).toBeNull();
  expect(run.value).toEqual(expect.objectContaining({ status: 'radicated' }));
  return run.record;
}

describe('service-call budget of one submission', () => {
  it('makes the same calls, reading the same cells, with 10 or 2,000 rows in Radicados', () => {
    const small = new Desk({ entity: 'pequena', costs: COSTS });
    const large = new Desk({ entity: 'grande', workspace: small.ws });
    prefill(small, 10);
    prefill(large, 2000);
    expect(small.model.requireSheet('Radicados').lastRow()).toBe(11);
    expect(large.model.requireSheet('Radicados').lastRow()).toBe(2001);

    const at = bogota('2026-02-03T10:00:00');
    const a = radicateOne(small, at);
    const b = radicateOne(large, at + 60_000);
    expect(small.cases().at(-1)?.radicado).toBe('2026-000001');
    expect(large.cases().at(-1)?.radicado).toBe('2026-000001');

    expect(b.totalCalls).toBe(a.totalCalls);
    expect(b.calls).toEqual(a.calls);
    // Cells read by getValues: identical, and far fewer than one column of the large sheet.
    expect(b.simulatedMs).toBe(a.simulatedMs);
    expect(b.simulatedMs).toBeLessThan(2000);
    // The case row is one append; no cell is written or read on its own, and no sheet is read:
    // the number comes from the state, read once and written once.
    expect(a.calls['Range.setValue'] ?? 0).toBe(0);
    expect(a.calls['Sheet.appendRow'] ?? 0).toBe(1);
    expect(a.calls['Range.getValue'] ?? 0).toBe(0);
    expect(a.calls['Range.getValues'] ?? 0).toBe(0);
    expect(a.calls['Properties.getProperties']).toBe(1);
    expect(a.calls['Properties.setProperties']).toBe(1);
    // The budget: at most 12 calls with one valid email acknowledged.
    expect(a.totalCalls).toBeLessThanOrEqual(12);

    // A second filing on each: still the same.
    const a2 = radicateOne(small, at + 10 * 60_000);
    const b2 = radicateOne(large, at + 11 * 60_000);
    expect(b2.calls).toEqual(a2.calls);
    expect(b2.simulatedMs).toBe(a2.simulatedMs);
  });
});
