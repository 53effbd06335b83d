// Setup from the menu: sheets, citizen form, triggers, the state record and the compiled
// configuration. Running it twice changes nothing; run after hand damage, it repairs.
import { isoSeconds } from '../app/intake';
import { emptyRecord, loadState } from '../app/entity-state-access';
import { chainLine } from '../core/cases/case-seal';
import { parseRadicado } from '../core/radicado';
import { dependenciesOf, type StaffMember } from '../core/routing/staff';
import { dataStewardsOf } from '../core/privacy/contact-data';
import { onboardingChecklist, readyForCitizens, type ChecklistItem } from '../core/onboarding';
import { identityReserveHelp, privacyNotice } from '../core/settings';
import { buildAnchors, ROWS_KEY, STATE_KEY } from '../core/state/entity-state';
import { addDays, bogotaDateOf } from '../core/calendar/calendar-date';
import { DomainError } from '../core/errors';
import type { Composition } from './compose';
import { ensureContactStore, spreadsheetIdOf } from './contact-store';
import { ensureCitizenForm } from './form-setup';
import { ensureMyCasesViews, isSheetsAdvancedService } from './filter-views';
import { CASES_SHEET } from './sheet-schema';
import { ensureTrackingSheets, tidyWorkbook, writeSetting } from './sheets-setup';
import { ensureTriggers } from './triggers-setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetupReport {
  readonly formId: string;
  readonly formUrl: string;
  /** The data store's address ('' when it could not be set up). */
  readonly contactStoreUrl: string;
  /** The form takes citizens' filings (every required item of the checklist is done). */
  readonly formOpen: boolean;
  readonly checklist: readonly ChecklistItem[];
  /** "Mis casos" filter views on Radicados (one per staff member); null when they could not be made. */
  readonly myCasesViews: number | null;
  readonly createdSheets: readonly string[];
  readonly addedColumns: readonly string[];
  readonly formCreated: boolean;
  readonly repairedItems: readonly string[];
  readonly triggersCreated: readonly string[];
  readonly triggersRemoved: number;
  readonly warnings: readonly string[];
}

/** The citizen form: created or repaired, its question ids and prefill entry ids stored. */
export function repairCitizenForm(app: Composition, store: Spreadsheet | null) {
  const ss = app.spreadsheet();
  const config = app.config;
  const dependencies = dependenciesOf(config.staff);
  if (!dependencies.includes(config.settings.defaultDependency))
    dependencies.unshift(config.settings.defaultDependency);
  // A lost state is recovered through the form linked to the store (or, before it, to this file).
  let linkedFormUrl: string | null = null;
  for (const candidate of [store, ss]) {
    if (linkedFormUrl || !candidate) continue;
    try {
      linkedFormUrl = candidate.getFormUrl();
    } catch {
      linkedFormUrl = null;
    }
  }
  const form = ensureCitizenForm({
    state: app.state,
    entityName: config.settings.name,
    spreadsheetId: ss.getId(),
    destinationId: store ? store.getId() : '',
    dependencies,
    helpTexts: {
      consent: privacyNotice(config.settings),
      identityReserved: identityReserveHelp(config.settings),
    },
    linkedFormUrl,
    publicationsUrl: publicationsUrlOf(config.settings.followUpUrl),
  });
  return form;
}

const CLOSED_FORM_MESSAGE =
  'Este formulario todavía no recibe solicitudes: la entidad está terminando de configurarlo. Mientras tanto, puede presentar su PQRSD en la ventanilla de la entidad.';

/**
 * Opens the form once the entity is ready, and keeps it closed with a message until then. A form
 * an admin closed by hand (another message) is left closed. Returns whether it takes filings.
 */
function openFormWhenReady(form: GoogleAppsScript.Forms.Form, ready: boolean): boolean {
  const ours = form.getCustomClosedFormMessage() === CLOSED_FORM_MESSAGE;
  if (!ready) {
    if (form.isAcceptingResponses() || !ours) {
      form.setCustomClosedFormMessage(CLOSED_FORM_MESSAGE);
      form.setAcceptingResponses(false);
    }
    return false;
  }
  if (!form.isAcceptingResponses() && ours) form.setAcceptingResponses(true);
  return form.isAcceptingResponses();
}

/** The web app's page of published answers, from the follow-up page's address. */
export function publicationsUrlOf(followUpUrl: string): string {
  const base = followUpUrl.split('?')[0];
  return base ? `${base}?publicaciones=1` : '';
}

/** The data store's file, when this execution may open it (the owner's); null otherwise. */
export function openContactStoreFile(app: Composition): Spreadsheet | null {
  const url = app.config.settings.contactStoreUrl;
  if (!url) return null;
  try {
    return SpreadsheetApp.openById(spreadsheetIdOf(url));
  } catch {
    return null;
  }
}

/**
 * The data store: created when Configuración names none (its address is then written there), its
 * sheet repaired and its sharing set to the stewards. Null, with a warning, when it cannot be opened
 * or created: the form then keeps its current destination, or none (its responses stay in the form).
 */
export function repairContactStore(
  app: Composition,
  warnings: string[],
): { store: Spreadsheet | null; created: boolean } {
  const { settings } = app.config;
  try {
    const result = ensureContactStore({
      url: settings.contactStoreUrl,
      entityName: settings.name,
      stewards: dataStewardsOf(app.config.settings, app.config.staff),
    });
    if (result.spreadsheet.getUrl() !== settings.contactStoreUrl)
      writeSetting(app.spreadsheet(), 'contactStoreUrl', result.spreadsheet.getUrl());
    return { store: result.spreadsheet, created: result.created };
  } catch (error) {
    warnings.push(
      error instanceof DomainError && error.code === 'CONTACT_STORE_DENIED'
        ? 'No se pudo abrir la hoja de datos de peticionarios que indica Configuración (¿se borró, o quien ejecuta no tiene acceso?). Los correos a los ciudadanos esperan hasta que se pueda abrir. Si se perdió, borre el valor de "Hoja de datos de peticionarios" y vuelva a configurar para crear una nueva.'
        : `No se pudo crear la hoja de datos de peticionarios (${error instanceof Error ? error.message : String(error)}); los correos a los ciudadanos esperan hasta que exista.`,
    );
    return { store: null, created: false };
  }
}

/**
 * Counters never fall below any number on any sheet, and the row anchors are rebuilt from the
 * cases as they sit now (a sort or a deletion since the last daily pass).
 */
function repairState(app: Composition): void {
  const loaded = loadState(app, true);
  const current = loaded.record ?? emptyRecord(app.tokens.newSecret());
  const counters: Record<string, number> = { ...current.counters };
  for (const radicado of app.cases.allRadicados()) {
    const parts = parseRadicado(radicado);
    if (parts)
      counters[String(parts.year)] = Math.max(counters[String(parts.year)] ?? 0, parts.number);
  }
  const rows = app.cases.all();
  app.store.write({
    [STATE_KEY]: JSON.stringify({ ...current, counters, appends: 0 }),
    [ROWS_KEY]: JSON.stringify(
      buildAnchors(
        rows.map(({ row, record }) => {
          const parts = parseRadicado(record.radicado);
          return parts ? { row, year: parts.year, number: parts.number } : null;
        }),
      ),
    ),
  });
}

/**
 * "Mis casos" for every staff member. A failure is a warning, never a failed setup: the views are a
 * convenience, and the basic filter still works without them.
 */
function repairMyCasesViews(app: Composition, staff: readonly StaffMember[], warnings: string[]) {
  const api = app.services.sheetsApi;
  if (!isSheetsAdvancedService(api)) {
    warnings.push(
      'No se crearon las vistas de filtro "Mis casos": el script de esta hoja no tiene activado el servicio avanzado de Google Sheets. Actualícelo con la versión vigente del script de la entidad y vuelva a configurar.',
    );
    return null;
  }
  const ss = app.spreadsheet();
  try {
    return ensureMyCasesViews(api, ss.getId(), ss.getSheetByName(CASES_SHEET.name)!, staff);
  } catch (error) {
    warnings.push(
      `No se pudieron crear o ajustar las vistas de filtro "Mis casos" (${error instanceof Error ? error.message : String(error)}). El filtro de la hoja sigue disponible; vuelva a configurar más tarde.`,
    );
    return null;
  }
}

/**
 * Setup holds the entity's lock throughout: it writes the store in several steps (form ids,
 * counters, the configuration), and a review rewriting the whole store meanwhile must not undo them.
 */
export function runSetupProcedure(app: Composition): SetupReport {
  if (!app.lock.tryAcquire(30000)) throw new DomainError('LOCK_TIMEOUT');
  try {
    return setUpUnderLock(app);
  } finally {
    app.lock.release();
  }
}

function setUpUnderLock(app: Composition): SetupReport {
  const ss = app.spreadsheet();
  const sheets = ensureTrackingSheets(ss);
  const before = app.rebuildSnapshot().config;
  ensureTrackingSheets(ss, {
    strict: before.settings.trustMode === 'strict',
    admins: before.staff.filter((m) => m.role === 'admin').map((m) => m.email),
  });
  const storeWarnings: string[] = [];
  const contactStore = repairContactStore(app, storeWarnings);
  if (contactStore.created) app.rebuildSnapshot();
  const form = repairCitizenForm(app, contactStore.store);
  tidyWorkbook(ss, {
    strict: before.settings.trustMode === 'strict',
    admins: before.staff.filter((m) => m.role === 'admin').map((m) => m.email),
  });
  const user = Session.getEffectiveUser().getEmail();
  const lastDaily = loadState(app, false, { rebuild: false }).record.dailyOn;
  const stalled = lastDaily !== '' && addDays(lastDaily, 2) < bogotaDateOf(app.clock.now());
  const triggers = ensureTriggers(form.form.getId(), ss.getId(), app.state, user, stalled);
  repairState(app);
  const config = app.rebuildSnapshot().config;
  const checklist = onboardingChecklist(config.settings, config.staff.length);
  const formOpen = openFormWhenReady(form.form, readyForCitizens(checklist));
  const viewWarnings: string[] = [];
  const views = repairMyCasesViews(app, config.staff, viewWarnings);
  const warnings = [
    ...config.warnings,
    ...storeWarnings,
    ...form.warnings,
    ...triggers.warnings,
    ...viewWarnings,
  ];
  const changes = [
    ...sheets.createdSheets.map((s) => `hoja ${s}`),
    ...sheets.addedColumns.map((c) => `columna ${c}`),
    ...(contactStore.created ? ['hoja de datos de peticionarios'] : []),
    ...(form.created ? ['formulario'] : form.repairedItems.map((q) => `pregunta ${q}`)),
    ...triggers.created.map((t) => `activador ${t}`),
    ...(views && views.added + views.updated + views.removed > 0
      ? [
          `vistas "Mis casos" (${views.added} nuevas, ${views.updated} ajustadas, ${views.removed} retiradas)`,
        ]
      : []),
  ];
  const secret = loadState(app, true).record.secret;
  app.history.appendOne(
    chainLine(secret, '', {
      at: isoSeconds(app.clock.now()),
      by: user,
      radicado: '',
      event: 'configuracion',
      details:
        changes.length > 0
          ? `Creado o reparado: ${changes.join(', ')}`
          : 'Sin cambios: todo estaba en orden.',
    }),
  );
  return {
    formId: form.form.getId(),
    formUrl: form.form.getPublishedUrl(),
    contactStoreUrl: contactStore.store ? contactStore.store.getUrl() : '',
    formOpen,
    checklist,
    myCasesViews: views ? views.total : null,
    createdSheets: sheets.createdSheets,
    addedColumns: sheets.addedColumns,
    formCreated: form.created,
    repairedItems: form.repairedItems,
    triggersCreated: triggers.created,
    triggersRemoved: triggers.removed,
    warnings,
  };
}
