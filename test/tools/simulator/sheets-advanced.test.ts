// The Sheets advanced service's filter-view calls, as the Sheets API v4 reference describes them:
// batchUpdate is atomic, ids are the API's, a view follows its columns, and the service exists only
// in a project whose manifest enables it.
import { Execution } from '../../../tools/simulator/kernel';
import { createSheetsAdvancedService } from '../../../tools/simulator/services/sheets-advanced';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

function setup(user = 'owner@x.gov.co') {
  const store = new SpreadsheetStore();
  const model = store.create('Libro', { owner: 'owner@x.gov.co' });
  const exec = new Execution({ name: 'test', startMs: 0, effectiveUser: user, activeUser: user });
  const sheets: Api = createSheetsAdvancedService(exec, store);
  const sheetId = model.sheets[0].sheetId;
  return { sheets, model, exec, sheetId, store };
}

const view = (sheetId: number, title: string) => ({
  title,
  range: { sheetId },
  filterSpecs: [{ columnIndex: 2, filterCriteria: { hiddenValues: ['Cerrado'] } }],
  sortSpecs: [{ dimensionIndex: 1, sortOrder: 'ASCENDING' }],
});

describe('Sheets.Spreadsheets filter views', () => {
  it('adds views with ids of the API, lists them under their sheet, updates and deletes them', () => {
    const { sheets, model, sheetId } = setup();
    const reply = sheets.Spreadsheets.batchUpdate(
      { requests: [{ addFilterView: { filter: view(sheetId, 'Mis casos — Ana') } }] },
      model.id,
    );
    const id = reply.replies[0].addFilterView.filter.filterViewId;
    expect(typeof id).toBe('number');
    const got = sheets.Spreadsheets.get(model.id, { fields: 'sheets(properties,filterViews)' });
    expect(got.sheets[0].properties.sheetId).toBe(sheetId);
    expect(got.sheets[0].filterViews).toEqual([
      { filterViewId: id, ...view(sheetId, 'Mis casos — Ana') },
    ]);
    sheets.Spreadsheets.batchUpdate(
      {
        requests: [
          {
            updateFilterView: {
              filter: { filterViewId: id, title: 'otro', sortSpecs: [] },
              fields: 'sortSpecs',
            },
          },
        ],
      },
      model.id,
    );
    const updated = sheets.Spreadsheets.get(model.id).sheets[0].filterViews[0];
    // Only the fields named change.
    expect(updated.title).toBe('Mis casos — Ana');
    expect(updated.sortSpecs).toBeUndefined();
    sheets.Spreadsheets.batchUpdate(
      { requests: [{ deleteFilterView: { filterId: id } }] },
      model.id,
    );
    expect(sheets.Spreadsheets.get(model.id).sheets[0].filterViews).toBeUndefined();
  });

  it('applies a batch all or nothing, and never reuses an id', () => {
    const { sheets, model, sheetId } = setup();
    const first = sheets.Spreadsheets.batchUpdate(
      { requests: [{ addFilterView: { filter: view(sheetId, 'a') } }] },
      model.id,
    ).replies[0].addFilterView.filter.filterViewId;
    expect(() =>
      sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { deleteFilterView: { filterId: first } },
            { deleteFilterView: { filterId: 424242 } },
          ],
        },
        model.id,
      ),
    ).toThrow(
      /API call to sheets\.spreadsheets\.batchUpdate failed with error: .*No filter view with id/,
    );
    expect(model.sheets[0].filterViews.map((v) => v.filterViewId)).toEqual([first]);
    sheets.Spreadsheets.batchUpdate(
      { requests: [{ deleteFilterView: { filterId: first } }] },
      model.id,
    );
    const second = sheets.Spreadsheets.batchUpdate(
      { requests: [{ addFilterView: { filter: view(sheetId, 'b') } }] },
      model.id,
    ).replies[0].addFilterView.filter.filterViewId;
    expect(second).not.toBe(first);
  });

  it('refuses a view on a sheet that does not exist and a file the user cannot open', () => {
    const { sheets, model, store } = setup();
    expect(() =>
      sheets.Spreadsheets.batchUpdate(
        { requests: [{ addFilterView: { filter: view(9999, 'x') } }] },
        model.id,
      ),
    ).toThrow(/No grid with id: 9999/);
    const other = store.create('Ajeno', { owner: 'someone@else.com' });
    other.shares = new Map();
    expect(() => sheets.Spreadsheets.get(other.id)).toThrow(/Requested entity was not found/);
  });

  it('a view follows its columns when columns are inserted or deleted before them', () => {
    const { sheets, model, sheetId } = setup();
    sheets.Spreadsheets.batchUpdate(
      { requests: [{ addFilterView: { filter: view(sheetId, 'a') } }] },
      model.id,
    );
    const sheet = model.sheets[0];
    sheet.insertColumns(0, 2); // two columns before A
    expect(sheet.filterViews[0].filterSpecs[0].columnIndex).toBe(4);
    expect(sheet.filterViews[0].sortSpecs[0].dimensionIndex).toBe(3);
    sheet.deleteColumns(5, 1); // the filtered column (0-based 4) goes
    expect(sheet.filterViews[0].filterSpecs).toEqual([]);
    expect(sheet.filterViews[0].sortSpecs[0].dimensionIndex).toBe(3);
  });

  it('charges one call per method', () => {
    const { sheets, model, exec } = setup();
    sheets.Spreadsheets.get(model.id);
    sheets.Spreadsheets.batchUpdate({ requests: [] }, model.id);
    expect(exec.calls.get('Sheets.Spreadsheets.get')).toBe(1);
    expect(exec.calls.get('Sheets.Spreadsheets.batchUpdate')).toBe(1);
  });
});
