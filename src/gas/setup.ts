// Setup from the menu: sheets, citizen form, triggers. Running it twice changes nothing.
import { dependenciesOf } from '../core/routing/staff';
import type { Composition } from './compose';
import { ensureCitizenForm } from './form-setup';
import { ensureTrackingSheets } from './sheets-setup';
import { ensureTriggers } from './triggers-setup';

export interface SetupReport {
  readonly formId: string;
  readonly formUrl: string;
  readonly createdSheets: readonly string[];
  readonly addedColumns: readonly string[];
  readonly formCreated: boolean;
  readonly repairedItems: readonly string[];
  readonly triggersCreated: readonly string[];
  readonly triggersRemoved: number;
  readonly warnings: readonly string[];
}

export function runSetupProcedure(app: Composition): SetupReport {
  const ss = app.spreadsheet();
  const sheets = ensureTrackingSheets(ss);
  const config = app.config;
  const dependencies = dependenciesOf(config.staff);
  if (!dependencies.includes(config.settings.defaultDependency))
    dependencies.unshift(config.settings.defaultDependency);
  const form = ensureCitizenForm({
    state: app.state,
    entityName: config.settings.name,
    spreadsheetId: ss.getId(),
    dependencies,
  });
  const user = Session.getEffectiveUser().getEmail();
  const triggers = ensureTriggers(form.form.getId(), app.state, user);
  const warnings = [...config.warnings, ...form.warnings, ...triggers.warnings];
  if (config.staff.length === 0)
    warnings.push('Registre a los funcionarios en la hoja Dependencias para asignar casos.');
  const changes = [
    ...sheets.createdSheets.map((s) => `hoja ${s}`),
    ...sheets.addedColumns.map((c) => `columna ${c}`),
    ...(form.created ? ['formulario'] : form.repairedItems.map((q) => `pregunta ${q}`)),
    ...triggers.created.map((t) => `activador ${t}`),
  ];
  app.audit.append([
    {
      at: new Date(app.clock.now()).toISOString(),
      by: user,
      radicado: '',
      event: 'configuracion',
      details:
        changes.length > 0
          ? `Creado o reparado: ${changes.join(', ')}`
          : 'Sin cambios: todo estaba en orden.',
    },
  ]);
  return {
    formId: form.form.getId(),
    formUrl: form.form.getPublishedUrl(),
    createdSheets: sheets.createdSheets,
    addedColumns: sheets.addedColumns,
    formCreated: form.created,
    repairedItems: form.repairedItems,
    triggersCreated: triggers.created,
    triggersRemoved: triggers.removed,
    warnings,
  };
}
