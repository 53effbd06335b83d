// The library's public surface: exactly the functions the entity script (shim) calls. Each takes
// the shim's own services first. Nothing else in the bundle is visible to library users.
import { aboutText, currentRelease } from './core/release';
import { radicateSubmission } from './app/intake';
import { runSweep as sweep, type SweepReport } from './app/sweep';
import { DomainError } from './core/errors';
import { formatMessage } from './core/messages';
import { callerOf, mayConfigure, mayRunReview } from './gas/access';
import { compose } from './gas/compose';
import { submissionOf } from './gas/form-responses';
import { handleChangeEvent, handleEditEvent } from './gas/hand-edits';
import { dispatchRpc, type RpcReply } from './gas/rpc';
import {
  openContactStoreFile,
  repairCitizenForm,
  repairContactStore,
  runSetupProcedure,
  type SetupReport,
} from './gas/setup';
import { scriptContinuation } from './gas/triggers-setup';
import {
  DESK_FILE,
  DESK_TITLE,
  renderDeskPage,
  renderFollowUp,
  REPORTS_FILE,
  REPORTS_TITLE,
  TITULAR_FILE,
  TITULAR_TITLE,
} from './gas/web-app';
import { dataStewardsOf } from './core/privacy/contact-data';
import { menuEntries } from './shim/entry-points';

/** Simple trigger (LIMITED mode): builds the menu and touches nothing that needs authorization. */
export function onOpen(services: unknown, _e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of menuEntries()) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

/** Menu "Acerca de": the release this library is, for anyone who opens the spreadsheet. */
export function showAbout(_services: unknown): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Acerca de Ventanilla PQRSD', aboutText(currentRelease()), ui.ButtonSet.OK);
}

export function onInstall(services: unknown, e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  onOpen(services, e);
}

export type FormSubmitResult =
  ReturnType<typeof radicateSubmission> | { status: 'ignored'; reason: string };

/** Installable form-submit trigger on the citizen form (form-side event: `e.response`). */
export function handleFormSubmit(
  services: unknown,
  e?: GoogleAppsScript.Events.FormsOnFormSubmit,
): FormSubmitResult {
  const app = compose(services);
  if (!e || !e.response) {
    // A blank or sheet-side event carries no response: the sweep reconciles from the form itself.
    app.log.info('Evento de envío sin respuesta de formulario: se deja a la revisión periódica.');
    return { status: 'ignored', reason: 'NO_RESPONSE' };
  }
  // Two calls, read before the lock: the timestamp and every answer at once.
  const submission = submissionOf(e.response);
  try {
    return radicateSubmission(app, {
      key: submission.key,
      receivedAt: submission.receivedAt,
      prefilledUrl: submission.prefilledUrl,
      channel: 'formulario',
      by: 'formulario',
    });
  } catch (error) {
    // Rethrow so Apps Script's failure notice reaches the owner; the sweep will radicate it.
    app.log.error(
      `Radicación fallida de ${submission.key}: ${error instanceof Error ? error.message : String(error)}`,
    );
    throw error;
  }
}

/** Installable edit trigger: a person edited a cell (settings or the add-on's columns). */
export function handleEdit(services: unknown, e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEditEvent(compose(services, { selfRepair: true }), e);
}

/** Installable change trigger: columns, rows or sheets were added, removed or renamed. */
export function handleChange(services: unknown, e?: GoogleAppsScript.Events.SheetsOnChange): void {
  handleChangeEvent(compose(services, { selfRepair: true }), e);
}

/** Time-driven sweep: reconcile, refresh clocks, send the outbox; continues itself when cut. */
export function runSweep(services: unknown, _e?: unknown): SweepReport {
  const app = compose(services, {
    selfRepair: true,
    repairForm: () => repairCitizenForm(app, openContactStoreFile(app)),
    repairDataStore: () => {
      const warnings: string[] = [];
      const { created } = repairContactStore(app, warnings);
      if (created) app.rebuildSnapshot();
      return warnings;
    },
    continuation: scriptContinuation,
  });
  return sweep(app);
}

export function runSweepNow(services: unknown): SweepReport | null {
  const app = compose(services, {
    selfRepair: true,
    repairForm: () => repairCitizenForm(app, openContactStoreFile(app)),
  });
  if (!mayRunReview(callerOf(app))) {
    refuse(formatMessage('ROLE_REQUIRED', { role: 'Supervisor o Administrador' }));
    return null;
  }
  const report = sweep(app);
  SpreadsheetApp.getActiveSpreadsheet().toast(
    `Radicadas ${report.reconciled.length} respuestas pendientes; ${report.mail.sent} correos enviados; ${report.mail.deferred} en espera; ${report.restored.length} casos restaurados.`,
    'Revisión de pendientes',
  );
  return report;
}

function refuse(message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Ventanilla PQRSD', message, ui.ButtonSet.OK);
}

export function handleRpc(services: unknown, method: unknown, payload: unknown): RpcReply {
  return dispatchRpc(compose(services), Session.getActiveUser().getEmail(), method, payload);
}

export function doGet(
  services: unknown,
  e?: GoogleAppsScript.Events.DoGet,
): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  const app = compose(services);
  // The same desk page as the sidebar, for clerks who only view the spreadsheet (strict mode):
  // the web app runs as the owner and names the visitor when both share the domain.
  if (e?.parameter?.vista === 'mesa')
    return renderDeskPage(app, Session.getActiveUser().getEmail());
  return renderFollowUp(app, e);
}

export function runSetup(services: unknown): SetupReport | null {
  const app = compose(services, { selfRepair: true });
  const caller = callerOf(app);
  if (!mayConfigure(caller)) {
    refuse(
      formatMessage('ROLE_REQUIRED', { role: 'Administrador (o ser el propietario de la hoja)' }),
    );
    return null;
  }
  let report: SetupReport;
  try {
    report = runSetupProcedure(app);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refuse(formatMessage(error.code, error.details));
    return null;
  }
  const lines = [
    report.formCreated ? 'Se creó el formulario de PQRSD.' : 'El formulario de PQRSD ya existía.',
    report.formOpen
      ? `Enlace para los ciudadanos: ${report.formUrl}`
      : report.checklist.every((item) => item.done || !item.required)
        ? `El formulario está cerrado a los ciudadanos (se cerró en Google Forms). Su enlace: ${report.formUrl}`
        : `El formulario está cerrado a los ciudadanos hasta que complete lo obligatorio de la lista. Su enlace (todavía no lo comparta): ${report.formUrl}`,
    'Lista de puesta en marcha:',
    ...report.checklist.map(
      (item) =>
        `${item.done ? '✔' : '✘'} ${item.label}${item.required && !item.done ? ' (obligatorio)' : ''}`,
    ),
    report.contactStoreUrl
      ? `Datos de peticionarios (solo para las personas nombradas en Configuración): ${report.contactStoreUrl}`
      : '',
    report.myCasesViews
      ? `Cada funcionario tiene en Radicados su vista "Mis casos" (menú Datos › Vistas de filtro): sus casos abiertos, primero los que vencen antes.`
      : '',
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

/**
 * A titular's data (Ley 1581): a dialog for the data stewards only; everyone else is told who may
 * open it. The dialog calls the rpc gateway, which checks again.
 */
export function showDataRights(services: unknown): void {
  const app = compose(services);
  const email = Session.getActiveUser().getEmail().toLowerCase();
  if (!dataStewardsOf(app.config.settings, app.config.staff).includes(email)) {
    refuse(formatMessage('CONTACT_STORE_DENIED'));
    return;
  }
  const html = HtmlService.createHtmlOutputFromFile(TITULAR_FILE).setWidth(720).setHeight(620);
  SpreadsheetApp.getUi().showModalDialog(html, TITULAR_TITLE);
}

/** The reports dialog: supervisors and admins (the gateway checks again). */
export function showReports(services: unknown): void {
  const app = compose(services);
  const role = callerOf(app).role;
  if (role !== 'supervisor' && role !== 'admin') {
    refuse(formatMessage('ROLE_REQUIRED', { role: 'Supervisor o Administrador' }));
    return;
  }
  const html = HtmlService.createHtmlOutputFromFile(REPORTS_FILE).setWidth(560).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(html, REPORTS_TITLE);
}

export function showSidebar(services: unknown): void {
  const app = compose(services); // fails early, in Spanish, if the shim handed over no services
  const caller = callerOf(app);
  // The desk is for staff: say so when it opens, not after a form is filled.
  // The owner too must be listed in Dependencias: every act names a person of the directory.
  if (!caller.role) {
    refuse(formatMessage('NOT_STAFF'));
    return;
  }
  // The sidebar has no scriptlets; its data comes through the rpc gateway.
  const html = HtmlService.createHtmlOutputFromFile(DESK_FILE).setTitle(DESK_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
