// The SpreadsheetApp global: active file, opening others, authorization, UI access, toasts.
import { Execution } from '../../../tools/simulator/kernel';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';
import { UiHost } from '../../../tools/simulator/services/ui';

type Api = any;

function world(authMode: 'FULL' | 'LIMITED' = 'FULL', ui: UiHost | null = null) {
  const store = new SpreadsheetStore();
  const active = store.create('PQRSD - Alcaldía');
  const other = store.create('Otro archivo');
  const exec = new Execution({ name: 'test', startMs: 1_000, authMode });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: active.id, ui });
  return { store, active, other, exec, app };
}

describe('SpreadsheetApp', () => {
  it('gives the bound spreadsheet', () => {
    const { app, active } = world();
    expect(app.getActiveSpreadsheet().getId()).toBe(active.id);
    expect(app.getActive().getName()).toBe('PQRSD - Alcaldía');
    expect(app.getActive().getUrl()).toBe(
      `https://docs.google.com/spreadsheets/d/${active.id}/edit`,
    );
  });

  it('returns null without a bound spreadsheet', () => {
    const store = new SpreadsheetStore();
    const exec = new Execution({ name: 'test', startMs: 0 });
    const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: null, ui: null });
    expect(app.getActiveSpreadsheet()).toBeNull();
  });

  it('opens other spreadsheets by id with authorization', () => {
    const { app, other } = world();
    expect(app.openById(other.id).getName()).toBe('Otro archivo');
  });

  it('refuses openById of another file in a simple trigger (LIMITED)', () => {
    const { app, other, active } = world('LIMITED');
    expect(() => app.openById(other.id)).toThrow(
      'You do not have permission to call SpreadsheetApp.openById.',
    );
    expect(app.openById(active.id).getId()).toBe(active.id);
  });

  it('fails on unknown ids with the reported message', () => {
    const { app } = world();
    expect(() => app.openById('no-existe')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  it('throws on getUi() without an editor open', () => {
    const { app } = world();
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('gives a Ui when the spreadsheet is open', () => {
    const host = new UiHost('Ventanilla PQRSD');
    const { app } = world('LIMITED', host);
    app.getUi().createMenu('PQRSD').addItem('Abrir', 'abrir').addToUi();
    expect(host.menus).toHaveLength(1);
  });

  it('charges flush and records toasts', () => {
    const { app, exec, active } = world();
    app.flush();
    app.getActiveSpreadsheet().toast('Radicado creado', 'PQRSD');
    app.getActiveSpreadsheet().toast('Listo');
    expect(exec.calls.get('SpreadsheetApp.flush')).toBe(1);
    expect(exec.calls.get('Spreadsheet.toast')).toBe(2);
    expect(active.toasts.map((t) => [t.message, t.title, t.timeoutSeconds])).toEqual([
      ['Radicado creado', 'PQRSD', 5],
      ['Listo', '', 5],
    ]);
  });

  it("resolves 'Sheet!A1' ranges and the Spanish locale", () => {
    const { app } = world();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('Casos Abiertos');
    const range = ss.getRange("'Casos Abiertos'!B2:C3");
    expect(range.getSheet().getName()).toBe('Casos Abiertos');
    expect(range.getA1Notation()).toBe('B2:C3');
    expect(ss.getSpreadsheetLocale()).toBe('es_CO');
    expect(() => ss.getRange('Nada!A1')).toThrow('Range not found');
  });
});
