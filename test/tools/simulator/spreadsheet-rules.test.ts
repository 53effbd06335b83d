// Protections, data validations and conditional formats: stored for inspection, and enforced
// where Sheets enforces them.
import { Execution } from '../../../tools/simulator/kernel';
import { createSpreadsheetApp } from '../../../tools/simulator/services/spreadsheet-app';
import {
  SpreadsheetModel,
  SpreadsheetStore,
} from '../../../tools/simulator/services/spreadsheet-model';

type Api = any;

const OWNER = 'admin@entidad.gov.co';

function setup(): { app: Api; sheet: Api; model: SpreadsheetModel } {
  const store = new SpreadsheetStore();
  const model = store.create('Libro', { owner: OWNER });
  const exec = new Execution({ name: 'test', startMs: 0, effectiveUser: OWNER });
  const app: Api = createSpreadsheetApp(exec, store, { activeSpreadsheetId: model.id, ui: null });
  return { app, sheet: app.getActiveSheet(), model };
}

describe('protections', () => {
  it('stores a sheet protection and returns the same one on a second protect()', () => {
    const { app, sheet, model } = setup();
    const p = sheet.protect().setDescription('Solo administración');
    expect(p.getProtectionType()).toBe(app.ProtectionType.SHEET);
    expect(sheet.protect().getDescription()).toBe('Solo administración');
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(model.protections).toHaveLength(1);
    expect(model.protections[0]).toMatchObject({
      type: 'SHEET',
      description: 'Solo administración',
    });
  });

  it('mirrors the spreadsheet until the editor list changes', () => {
    const { sheet, model } = setup();
    const p = sheet.protect();
    expect(model.canUserEdit('Hoja 1', 2, 2, 'funcionario@entidad.gov.co')).toBe(true);
    p.addEditor('funcionario@entidad.gov.co');
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u: Api) => u.getEmail())).toEqual([OWNER]);
    expect(model.canUserEdit('Hoja 1', 2, 2, 'funcionario@entidad.gov.co')).toBe(false);
    expect(model.canUserEdit('Hoja 1', 2, 2, OWNER)).toBe(true);
    expect(p.canEdit()).toBe(true);
  });

  it('lets unprotected ranges and warning-only protections through', () => {
    const { sheet, model } = setup();
    const p = sheet.protect();
    p.removeEditors(['otra@entidad.gov.co']);
    p.setUnprotectedRanges([sheet.getRange('D2:D100')]);
    expect(model.canUserEdit('Hoja 1', 5, 4, 'otra@entidad.gov.co')).toBe(true);
    expect(model.canUserEdit('Hoja 1', 5, 3, 'otra@entidad.gov.co')).toBe(false);
    p.setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(model.canUserEdit('Hoja 1', 5, 3, 'otra@entidad.gov.co')).toBe(true);
  });

  it('protects ranges and never stops the owner script from writing', () => {
    const { app, sheet, model } = setup();
    const p = sheet.getRange('A1:B1').protect().setDescription('Encabezados');
    p.addEditor('jefe@entidad.gov.co');
    expect(p.getRange().getA1Notation()).toBe('A1:B1');
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    expect(model.canUserEdit('Hoja 1', 1, 1, 'otra@entidad.gov.co')).toBe(false);
    expect(model.canUserEdit('Hoja 1', 1, 1, 'jefe@entidad.gov.co')).toBe(true);
    expect(model.canUserEdit('Hoja 1', 2, 1, 'otra@entidad.gov.co')).toBe(true);
    sheet.getRange('A1').setValue('Radicado');
    expect(sheet.getRange('A1').getValue()).toBe('Radicado');
    p.remove();
    expect(model.canUserEdit('Hoja 1', 1, 1, 'otra@entidad.gov.co')).toBe(true);
  });
});

describe('data validation', () => {
  it('stores list rules built by the builder', () => {
    const { app, sheet, model } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['Abierto', 'Cerrado'], true)
      .setAllowInvalid(false)
      .setHelpText('Elija un estado')
      .build();
    sheet.getRange('B2:B10').setDataValidation(rule);
    expect(model.sheet('Hoja 1')?.cell(5, 2)?.validation).toEqual({
      criteria: 'VALUE_IN_LIST',
      values: ['Abierto', 'Cerrado'],
      allowInvalid: false,
      helpText: 'Elija un estado',
      showDropdown: true,
    });
    const read = sheet.getRange('B3').getDataValidation();
    expect(read.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read.getCriteriaValues()).toEqual([['Abierto', 'Cerrado'], true]);
    expect(sheet.getRange('C3').getDataValidation()).toBeNull();
  });

  it('rejects a value outside a rejecting rule, with Sheets message', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['Abierto']).setAllowInvalid(false);
    sheet.getRange('B2').setDataValidation(rule.build());
    expect(() => sheet.getRange('B2').setValue('Otro')).toThrow(
      'The data you entered in cell B2 violates the data validation rules set on this cell.',
    );
    sheet.getRange('B2').setValue('Abierto');
    sheet.getRange('B2').setValue('');
    expect(sheet.getRange('B2').getValue()).toBe('');
  });

  it('lets invalid values through by default (setAllowInvalid defaults to true)', () => {
    const { app, sheet } = setup();
    sheet.getRange('C2').setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange('C2').setValue('no es casilla');
    expect(sheet.getRange('C2').getValue()).toBe('no es casilla');
    sheet.getRange('C2').clearDataValidations();
    expect(sheet.getRange('C2').getDataValidation()).toBeNull();
  });
});

describe('conditional format rules', () => {
  it('stores rules with their condition, format and ranges', () => {
    const { app, sheet, model } = setup();
    const overdue = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$E2<TODAY()')
      .setBackground('#f4cccc')
      .setFontColor('#990000')
      .setRanges([sheet.getRange('A2:H1000')])
      .build();
    const empty = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#fff2cc')
      .setRanges([sheet.getRange('B2:B1000')])
      .build();
    sheet.setConditionalFormatRules([overdue, empty]);
    const stored = model.sheet('Hoja 1')?.conditionalRules ?? [];
    expect(stored.map((r) => r.condition)).toEqual([
      { type: 'CUSTOM_FORMULA', values: ['=$E2<TODAY()'] },
      { type: 'CELL_EMPTY', values: [] },
    ]);
    expect(stored[0].format).toEqual({ background: '#f4cccc', fontColor: '#990000' });
    expect(stored[0].ranges[0].rect).toEqual({ row: 2, col: 1, numRows: 999, numCols: 8 });
    const back = sheet.getConditionalFormatRules();
    expect(back).toHaveLength(2);
    expect(back[1].getRanges()[0].getA1Notation()).toBe('B2:B1000');
  });

  it('keeps text conditions', () => {
    const { app, sheet, model } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Vencido')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('C:C')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    expect(model.sheet('Hoja 1')?.conditionalRules[0].condition).toEqual({
      type: 'TEXT_EQUAL_TO',
      values: ['Vencido'],
    });
  });
});
