// The statutory reports from the menu's dialog: for supervisors and admins, on a sheet of their own
// (title, period, legal basis, generation date), with the ministry's aggregate export, and no
// personal data anywhere.
import {
  act,
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  SUPERVISOR,
  useBuiltBundle,
  type RpcResult,
} from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');

function report(desk: Desk, by: string, payload: Record<string, unknown>): RpcResult {
  return desk.rpc(by, 'generateReport', payload).value as RpcResult;
}

function sheetText(desk: Desk, name: string): string {
  return desk.model.getDisplayGrid(name).flat().join('\n');
}

describe('statutory reports', () => {
  it('are for supervisors and admins, over a valid period', () => {
    const desk = new Desk();
    expect(
      report(desk, CLERK, { kind: 'pqrs_semestral', from: '2026-01-01', to: '2026-06-30' }),
    ).toMatchObject({ ok: false, code: 'ROLE_REQUIRED' });
    expect(
      report(desk, SUPERVISOR, { kind: 'pqrs_semestral', from: '2026-06-30', to: '2026-01-01' }),
    ).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    expect(
      report(desk, SUPERVISOR, { kind: 'otro', from: '2026-01-01', to: '2026-06-30' }),
    ).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
  });

  it('write the access-to-information report on its own sheet, with no personal data', () => {
    const desk = new Desk();
    const result = desk.submit(
      citizen({ type: 'peticion_documentos', name: 'Rosa Elvira Cárdenas' }),
      AT,
    );
    const [record] = desk.casesFor(result.responseId);
    desk.harness.advanceTo(AT + 2 * 24 * 3600_000);
    expect(
      act(desk, CLERK, {
        radicado: record.radicado,
        kind: 'answer',
        summary: 'Se entrega copia.',
        accessDenied: true,
        legalBasis: 'Ley 1712 de 2014, art. 18',
      }),
    ).toMatchObject({ ok: true });
    const reply = report(desk, SUPERVISOR, {
      kind: 'acceso_informacion',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(reply.ok).toBe(true);
    const data = reply.data as {
      sheetName: string;
      report: Record<string, unknown>;
      csv: string;
    };
    // Received Tue 3 Feb, answered Thu 5 Feb: Wed 4 and Thu 5 are two business days.
    expect(data.report).toMatchObject({
      received: 1,
      transferred: 0,
      denied: 1,
      requests: [{ radicado: record.radicado, responseBusinessDays: 2 }],
      daneCode: expect.any(String),
    });
    expect(data.sheetName).toBe('Informe acceso 2026-01-01 a 2026-06-30');
    const text = sheetText(desk, data.sheetName);
    for (const expected of [
      'Informe de solicitudes de acceso a la información',
      'Decreto 1081 de 2015, art. 2.1.1.6.2',
      '01/01/2026 a 30/06/2026',
      '1. Número de solicitudes recibidas',
      'Generado',
    ])
      expect(text).toContain(expected);
    for (const personal of ['Rosa Elvira', CITIZEN_EMAIL, '1020304050', '3001234567', 'Calle 10'])
      for (const output of [text, JSON.stringify(data.report), data.csv])
        expect(output).not.toContain(personal);
    expect(data.csv.split('\n')[0]).toBe('indicador,clave,valor');
    // The same period again replaces its sheet.
    const sheets = desk.model.sheets.length;
    report(desk, SUPERVISOR, { kind: 'acceso_informacion', from: '2026-01-01', to: '2026-06-30' });
    expect(desk.model.sheets.length).toBe(sheets);
  });

  it('write the semiannual PQRSD report with totals by type, channel and dependency', () => {
    const desk = new Desk();
    desk.submit(citizen({ type: 'queja' }), AT);
    desk.submit(citizen({ type: 'reclamo', subject: 'Otro asunto' }), AT + 60_000);
    const reply = report(desk, SUPERVISOR, {
      kind: 'pqrs_semestral',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(reply).toMatchObject({
      ok: true,
      data: {
        report: {
          total: 2,
          byType: { queja: 1, reclamo: 1 },
          byChannel: { formulario: 2 },
          pending: 2,
          onTime: 0,
          late: 0,
        },
      },
    });
    const text = sheetText(desk, (reply.data as { sheetName: string }).sheetName);
    expect(text).toContain('Ley 1474 de 2011, art. 76');
    expect(text).toContain('Por dependencia');
    expect(text).not.toContain('María');
  });
});
