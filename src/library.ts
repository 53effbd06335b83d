// The library's public surface: exactly the functions the entity script (shim) calls. Each takes
// the shim's own services first. Nothing else in the bundle is visible to library users.
import { radicateSubmission } from './app/intake';
import { runSweep as sweep, type SweepReport } from './app/sweep';
import { compose } from './gas/compose';
import { FORM_ID_KEY, readItemMap, submissionFromResponse } from './gas/form-responses';
import { dispatchRpc, type RpcReply } from './gas/rpc';
import { runSetupProcedure, type SetupReport } from './gas/setup';
import { renderFollowUp } from './gas/web-app';
import { menuEntries } from './shim/entry-points';

/** Simple trigger (LIMITED mode): builds the menu and touches nothing that needs authorization. */
export function onOpen(services: unknown, _e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of menuEntries()) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

export function onInstall(services: unknown, e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  onOpen(services, e);
}

export type FormSubmitResult =
  ReturnType<typeof radicateSubmission> | { status: 'ignored'; reason: string };

/** Installable form-submit trigger on the citizen form (form-side event: `e.response.getId()`). */
export function handleFormSubmit(
  services: unknown,
  e?: GoogleAppsScript.Events.FormsOnFormSubmit,
): FormSubmitResult {
  const app = compose(services);
  if (!e || !e.response || !e.source) {
    // A blank or sheet-side event carries no response id: the sweep reconciles from the form itself.
    app.log.info('Evento de envío sin respuesta de formulario: se deja al barrido.');
    return { status: 'ignored', reason: 'NO_RESPONSE' };
  }
  const submission = submissionFromResponse(e.source, e.response, readItemMap(app.state));
  if (app.state.get(FORM_ID_KEY) !== e.source.getId())
    app.log.info('Respuesta de un formulario anterior: se radica igual.');
  try {
    return radicateSubmission(app, { ...submission, channel: 'formulario', by: 'formulario' });
  } catch (error) {
    // Rethrow so Apps Script's failure notice reaches the owner; the sweep will radicate it.
    app.log.error(
      `Radicación fallida de ${submission.responseId}: ${error instanceof Error ? error.message : String(error)}`,
    );
    throw error;
  }
}

/** Time-driven sweep: reconcile, refresh clocks, send the outbox. */
export function runSweep(services: unknown, _e?: unknown): SweepReport {
  return sweep(compose(services));
}

export function runSweepNow(services: unknown): SweepReport {
  const report = runSweep(services);
  SpreadsheetApp.getActiveSpreadsheet().toast(
    `Radicadas ${report.reconciled.length} respuestas pendientes; ${report.mail.sent} correos enviados; ${report.mail.deferred} en espera.`,
    'Barrido',
  );
  return report;
}

export function handleRpc(services: unknown, method: unknown, payload: unknown): RpcReply {
  return dispatchRpc(compose(services), Session.getActiveUser().getEmail(), method, payload);
}

export function doGet(
  services: unknown,
  e?: GoogleAppsScript.Events.DoGet,
): GoogleAppsScript.HTML.HtmlOutput {
  return renderFollowUp(compose(services), e);
}

export function runSetup(services: unknown): SetupReport {
  const report = runSetupProcedure(compose(services));
  const lines = [
    report.formCreated ? 'Se creó el formulario de PQRSD.' : 'El formulario de PQRSD ya existía.',
    `Enlace para los ciudadanos: ${report.formUrl}`,
    report.createdSheets.length > 0 ? `Hojas creadas: ${report.createdSheets.join(', ')}.` : '',
    report.repairedItems.length > 0
      ? `Preguntas reparadas: ${report.repairedItems.join(', ')}.`
      : '',
    ...report.warnings,
  ].filter((line) => line !== '');
  SpreadsheetApp.getUi().alert(
    'Ventanilla PQRSD',
    lines.join('\n'),
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
  return report;
}

export function showSidebar(services: unknown): void {
  compose(services); // fails early, in Spanish, if the shim handed over no services
  // The sidebar has no scriptlets; its data comes through the rpc gateway.
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Ventanilla PQRSD');
  SpreadsheetApp.getUi().showSidebar(html);
}
