// Range.createFilter / Sheet.getFilter, embedded charts, and Drive sharing of spreadsheet files,
// as the Apps Script reference describes them.
import { Execution } from '../../../tools/simulator/kernel';
import { ChartType } from '../../../tools/simulator/services/spreadsheet-charts';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

function setup(user = 'owner@x.gov.co') {
  const store = new SpreadsheetStore();
  const model = store.create('Libro', { owner: 'owner@x.gov.co' });
  const exec = new Execution({ name: 'test', startMs: 0, effectiveUser: user, activeUser: user });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
  const ss = app.getActiveSpreadsheet();
  return { app, ss, sheet: ss.getActiveSheet(), store, model, exec };
}

describe('filters', () => {
  it('one per sheet: created on a range, read back, removed', () => {
    const { sheet } = setup();
    expect(sheet.getFilter()).toBeNull();
    const filter = sheet.getRange(1, 1, 10, 3).createFilter();
    expect(filter.getRange().getNumColumns()).toBe(3);
    expect(() => sheet.getRange(1, 1, 5, 2).createFilter()).toThrow(/already has a filter/);
    sheet.getFilter().remove();
    expect(sheet.getFilter()).toBeNull();
  });
});

describe('embedded charts', () => {
  it('are built, inserted, listed with their options and removed', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .setChartType(ChartType.PIE)
      .addRange(sheet.getRange(1, 1, 4, 2))
      .setPosition(1, 5, 0, 0)
      .setOption('title', 'Casos por estado')
      .build();
    sheet.insertChart(chart);
    const [listed] = sheet.getCharts();
    expect(listed.getOptions().get('title')).toBe('Casos por estado');
    expect(listed.getRanges()[0].getNumRows()).toBe(4);
    sheet.removeChart(listed);
    expect(sheet.getCharts()).toEqual([]);
  });
});

describe('sharing a spreadsheet file', () => {
  it('a file a script creates opens only for its owner and the people it is shared with', () => {
    const owner = setup();
    const file = owner.app.create('Datos');
    const id = file.getId();
    const other = new Execution({
      name: 'clerk',
      startMs: 0,
      effectiveUser: 'clerk@x.gov.co',
      activeUser: 'clerk@x.gov.co',
    });
    const clerkApp: Api = createSpreadsheetApp(other, owner.store, {
      activeSpreadsheetId: owner.model.id,
      ui: null,
    });
    expect(() => clerkApp.openById(id)).toThrow();
    file.addViewer('clerk@x.gov.co');
    expect(clerkApp.openById(id).getId()).toBe(id);
    expect(file.getViewers().map((u: Api) => u.getEmail())).toEqual(['clerk@x.gov.co']);
    // A viewer made editor is promoted, not listed twice.
    file.addEditor('clerk@x.gov.co');
    expect(file.getViewers()).toEqual([]);
    expect(file.getEditors().map((u: Api) => u.getEmail())).toEqual(['clerk@x.gov.co']);
    file.removeEditor('clerk@x.gov.co');
    expect(() => clerkApp.openById(id)).toThrow();
  });
});
