// The titular's rights (Ley 1581 de 2012, art. 8) through the desk's gateway, as the dialog calls
// it: found, exported, corrected and anonymised by a data steward; refused to a clerk.
import {
  ADMIN,
  bogota,
  citizen,
  CITIZEN_EMAIL,
  CLERK,
  Desk,
  everyCellText,
  historyOf,
  useBuiltBundle,
  type RpcResult,
} from './fixtures';

useBuiltBundle();

const AT = bogota('2026-02-03T10:00:00');
const NAME = 'María Fernanda Ruiz';

function filed(): { desk: Desk; radicado: string } {
  const desk = new Desk();
  const result = desk.submit(citizen({ name: NAME }), AT);
  const [record] = desk.casesFor(result.responseId);
  desk.sweep(); // the petitioner's data reaches the data store
  return { desk, radicado: record.radicado };
}

function call(desk: Desk, by: string, method: string, payload: unknown): RpcResult {
  return desk.rpc(by, method, payload).value as RpcResult;
}

describe('a titular’s data, from the dialog', () => {
  it('is refused to a clerk, who cannot open the data store', () => {
    const { desk } = filed();
    expect(call(desk, CLERK, 'findTitular', { query: CITIZEN_EMAIL })).toMatchObject({
      ok: false,
      code: 'CONTACT_STORE_DENIED',
    });
  });

  it('is found, exported, corrected and anonymised by a data steward', () => {
    const { desk, radicado } = filed();
    const found = call(desk, ADMIN, 'findTitular', { query: '1020304050' });
    expect(found).toMatchObject({
      ok: true,
      data: { cases: [expect.objectContaining({ radicado, shownName: NAME })] },
    });

    const exported = call(desk, ADMIN, 'exportTitular', { query: CITIZEN_EMAIL });
    expect(exported.ok).toBe(true);
    expect(String((exported.data as { text: string }).text)).toContain(CITIZEN_EMAIL);

    expect(
      call(desk, ADMIN, 'correctTitular', {
        query: CITIZEN_EMAIL,
        fields: { phone: '3109998877' },
      }),
    ).toMatchObject({ ok: true, data: { radicados: [radicado] } });
    expect(desk.contactOf(radicado)).toMatchObject({ phone: '3109998877' });
    expect(desk.value('Radicados', desk.rowOfRadicado(radicado), 'Teléfono')).toBe('•••8877');

    expect(call(desk, ADMIN, 'anonymiseTitular', { query: CITIZEN_EMAIL })).toMatchObject({
      ok: true,
      data: { radicados: [radicado] },
    });
    expect(desk.contactOf(radicado)).toMatchObject({ name: '', email: '', phone: '' });
    const row = desk.rowOfRadicado(radicado);
    expect(desk.value('Radicados', row, 'Peticionario')).toBe('Titular anonimizado');
    expect(everyCellText(desk).filter((c) => c.text.includes('María'))).toEqual([]);
    expect(historyOf(desk, radicado).map((l) => l.event)).toEqual(
      expect.arrayContaining([
        'Consulta de datos del titular',
        'Corrección de datos del titular',
        'Anonimización de datos del titular',
      ]),
    );
    // The case stays whole: the next day's review finds nothing to restore.
    desk.advance(24 * 3600_000);
    expect(desk.value('Radicados', row, 'Peticionario')).toBe('Titular anonimizado');
    expect(desk.value('Radicados', row, 'Radicado')).toBe(radicado);
  });
});
