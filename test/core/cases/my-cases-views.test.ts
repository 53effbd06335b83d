// The "Mis casos" filter views: what each staff member should have, and the fewest requests that
// bring a sheet's views there without touching anybody else's.
import {
  desiredMyCasesViews,
  MY_CASES_TITLE_PREFIX,
  planFilterViewRequests,
  type CasesSheetLayout,
  type FilterView,
} from '../../../src/core/cases/my-cases-views';
import type { StaffMember } from '../../../src/core/routing/staff';

const LAYOUT: CasesSheetLayout = {
  sheetId: 7,
  assigneeColumn: 18,
  semaphoreColumn: 3,
  dueColumn: 1,
  maxRows: 1000,
  width: 30,
};

const member = (email: string, name: string): StaffMember => ({
  email,
  name,
  dependency: 'Ventanilla Única',
  role: 'clerk',
  onLeave: false,
});

describe('desiredMyCasesViews', () => {
  it('gives each person their open cases, soonest due first, over the whole sheet', () => {
    const [view] = desiredMyCasesViews([member('Luz@Alcaldia.gov.co', 'Luz Marina')], LAYOUT);
    expect(view.title).toBe('Mis casos — Luz Marina');
    expect(view.range).toEqual({ sheetId: 7, startRowIndex: 0, startColumnIndex: 0 });
    expect(view.filterSpecs).toEqual([
      {
        columnIndex: 18,
        filterCriteria: {
          condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'luz@alcaldia.gov.co' }] },
        },
      },
      { columnIndex: 3, filterCriteria: { hiddenValues: ['Cerrado'] } },
    ]);
    expect(view.sortSpecs).toEqual([{ dimensionIndex: 1, sortOrder: 'ASCENDING' }]);
  });

  it('tells two people of the same name apart and gives a person listed twice one view', () => {
    const views = desiredMyCasesViews(
      [
        member('a@x.gov.co', 'Juan Pérez'),
        member('b@x.gov.co', 'Juan Pérez'),
        member('A@x.gov.co', 'Juan Pérez'),
        member('c@x.gov.co', ''),
      ],
      LAYOUT,
    );
    expect(views.map((v) => v.title)).toEqual([
      'Mis casos — Juan Pérez (a@x.gov.co)',
      'Mis casos — Juan Pérez (b@x.gov.co)',
      'Mis casos — c@x.gov.co',
    ]);
  });
});

describe('planFilterViewRequests', () => {
  const staff = [member('a@x.gov.co', 'Ana'), member('b@x.gov.co', 'Beto')];
  const desired = desiredMyCasesViews(staff, LAYOUT);

  it('adds every view to a sheet that has none', () => {
    const requests = planFilterViewRequests(desired, [], LAYOUT);
    expect(requests).toEqual(desired.map((filter) => ({ addFilterView: { filter } })));
  });

  it('asks for nothing when the views are in order, even with bounds the API filled in', () => {
    const existing: FilterView[] = desired.map((v, i) => ({
      ...v,
      filterViewId: 100 + i,
      range: {
        sheetId: 7,
        startRowIndex: 0,
        endRowIndex: 1000,
        startColumnIndex: 0,
        endColumnIndex: 30,
      },
    }));
    expect(planFilterViewRequests(desired, existing, LAYOUT)).toEqual([]);
  });

  it('updates in place a view whose column moved or whose range the table outgrew', () => {
    const moved: FilterView = {
      ...desired[0],
      filterViewId: 5,
      sortSpecs: [{ dimensionIndex: 2, sortOrder: 'ASCENDING' }],
    };
    const short: FilterView = {
      ...desired[1],
      filterViewId: 6,
      range: { sheetId: 7, startRowIndex: 0, endRowIndex: 500 },
    };
    expect(planFilterViewRequests(desired, [moved, short], LAYOUT)).toEqual([
      {
        updateFilterView: {
          filter: { ...desired[0], filterViewId: 5 },
          fields: 'range,filterSpecs,sortSpecs',
        },
      },
      {
        updateFilterView: {
          filter: { ...desired[1], filterViewId: 6 },
          fields: 'range,filterSpecs,sortSpecs',
        },
      },
    ]);
  });

  it('removes ours for people who left and duplicates, and never touches a person’s own view', () => {
    const existing: FilterView[] = [
      { ...desired[0], filterViewId: 1 },
      { ...desired[0], filterViewId: 2 },
      { ...desired[1], filterViewId: 3, title: `${MY_CASES_TITLE_PREFIX}Carlos` },
      { filterViewId: 4, title: 'Vencidos de Gobierno', range: { sheetId: 7 } },
    ];
    expect(planFilterViewRequests(desired, existing, LAYOUT)).toEqual([
      { deleteFilterView: { filterId: 2 } },
      { deleteFilterView: { filterId: 3 } },
      { addFilterView: { filter: desired[1] } },
    ]);
  });
});
