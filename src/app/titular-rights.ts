// A titular's rights over their data (Ley 1581 de 2012, art. 8): find every case of theirs by
// document number or email, hand them what the entity holds (consulta, art. 14), correct it
// (reclamo, art. 15) or anonymise it (supresión). Anonymising keeps the case, its radicado and its
// legal clock; only what identifies the titular goes. Each act is a Historial line of the case that
// names the fields, never their values. Only the data stewards can run these: the data store is
// shared with nobody else, and opening it is the first thing each does.
import { CASE_STATUS_LABELS, type CaseRecord } from '../core/cases/case-record';
import { caseSnapshot, chainLine, restoreSnapshot } from '../core/cases/case-seal';
import { eventLabel } from '../core/cases/event-labels';
import { DomainError, fail, ok, type Result } from '../core/errors';
import { isValidEmail } from '../core/intake/normalize-submission';
import {
  ANONYMISED_FIELDS,
  anonymisedContact,
  CORRECTABLE_FIELDS,
  CORRECTABLE_LABELS,
  dataStewardsOf,
  maskedFields,
  matchesTitular,
  titularKey,
  type ContactRecord,
  type CorrectableField,
} from '../core/privacy/contact-data';
import { REQUEST_TYPE_LABELS } from '../core/request-types';
import { filingKey, type EntityState } from '../core/state/entity-state';
import type { LocatedCase } from '../ports/case-store';
import type { ContactBook } from '../ports/contact-book';
import { rowHint } from './act-on-case';
import { loadState } from './entity-state-access';
import { isoSeconds, LOCK_WAIT_MS, type IntakeDeps } from './intake';

export interface TitularDeps extends IntakeDeps {
  readonly contacts?: ContactBook;
}

export interface TitularCase {
  readonly radicado: string;
  readonly receivedAt: string;
  readonly typeLabel: string;
  readonly statusLabel: string;
  readonly dependency: string;
  /** What staff see of the titular in the case. */
  readonly shownName: string;
  readonly identityReserved: boolean;
  readonly anonymised: boolean;
  /** False when the case is not in `Radicados` (an archived sheet): only the data store changes. */
  readonly inTrackingSheet: boolean;
}

export interface TitularFindings {
  readonly contacts: readonly ContactRecord[];
  readonly cases: readonly TitularCase[];
}

/** Sizes a correction may have (the form's own limits). */
const FIELD_LIMITS: Readonly<Record<CorrectableField, number>> = {
  name: 300,
  idType: 60,
  idNumber: 30,
  email: 254,
  phone: 60,
  address: 300,
};
const ID_NUMBER_PATTERN = /^[A-Za-z0-9.\- ]{3,30}$/;

function isSteward(deps: TitularDeps, user: string): boolean {
  return dataStewardsOf(deps.config.settings, deps.config.staff).includes(user.toLowerCase());
}

function failed(error: unknown): Result<never> {
  if (error instanceof DomainError) return fail(error.code, { ...error.details });
  throw error;
}

/** The titular's contacts: the data store's, and those still waiting in filings for the review. */
function contactsOf(deps: TitularDeps, state: EntityState, query: string): ContactRecord[] {
  if (!deps.contacts) throw new DomainError('CONTACT_STORE_MISSING');
  const found = new Map<string, ContactRecord>();
  for (const filing of state.filings.values())
    if (filing.contact && matchesTitular(filing.contact, query))
      found.set(filing.radicado, filing.contact);
  // The store wins over a filing: it holds corrections made since.
  for (const contact of deps.contacts.search(query)) found.set(contact.radicado, contact);
  return [...found.values()].sort((a, b) => a.radicado.localeCompare(b.radicado));
}

function caseOf(contact: ContactRecord, located: LocatedCase | null): TitularCase {
  const record = located?.record;
  return {
    radicado: contact.radicado,
    receivedAt: record?.receivedAt ?? '',
    typeLabel: record ? REQUEST_TYPE_LABELS[record.type] : '',
    statusLabel: record ? CASE_STATUS_LABELS[record.status] : '',
    dependency: record?.dependency ?? '',
    shownName: record?.petitioner.name ?? '',
    identityReserved: contact.identityReserved,
    anonymised: contact.anonymisedAt !== undefined,
    inTrackingSheet: located !== null,
  };
}

function checkQuery(deps: TitularDeps, user: string, query: string): Result<true> {
  if (!isSteward(deps, user)) return fail('CONTACT_STORE_DENIED');
  if (!titularKey(query)) return fail('TITULAR_QUERY_INVALID');
  return ok(true);
}

export function findTitular(
  deps: TitularDeps,
  user: string,
  query: string,
): Result<TitularFindings> {
  const checked = checkQuery(deps, user, query);
  if (!checked.ok) return checked;
  try {
    const { state } = loadState(deps, false, { rebuild: false });
    const contacts = contactsOf(deps, state, query);
    if (contacts.length === 0) return fail('TITULAR_NOT_FOUND');
    const cases = contacts.map((c) =>
      caseOf(c, deps.cases.locate(c.radicado, rowHint(state, c.radicado))),
    );
    return ok({ contacts, cases });
  } catch (error) {
    return failed(error);
  }
}

/** One act on each of the titular's cases, under the entity's lock: row and Historial together. */
function actOnTitular(
  deps: TitularDeps,
  user: string,
  query: string,
  act: (
    contact: ContactRecord,
    record: CaseRecord | null,
    nowIso: string,
  ) => { contact: ContactRecord | null; record: CaseRecord | null; event: string; details: string },
  afterLine?: (radicado: string, secret: string, next: CaseRecord | null) => void,
): Result<{ radicados: string[]; skipped: string[] }> {
  const checked = checkQuery(deps, user, query);
  if (!checked.ok) return checked;
  if (!deps.lock.tryAcquire(LOCK_WAIT_MS)) return fail('LOCK_TIMEOUT');
  try {
    const { state, record: entity } = loadState(deps, true);
    const contacts = contactsOf(deps, state, query);
    if (contacts.length === 0) return fail('TITULAR_NOT_FOUND');
    const nowIso = isoSeconds(deps.clock.now());
    const secret = entity.secret;
    const planned: Array<{
      contact: ContactRecord;
      located: LocatedCase | null;
      outcome: ReturnType<typeof act>;
    }> = [];
    const skipped: string[] = [];
    for (const contact of contacts) {
      const located = deps.cases.locate(contact.radicado, rowHint(state, contact.radicado));
      // A row edited by hand waits for the review to restore it: never act from a wrong history.
      if (located && (!located.sealOk || !located.readable)) {
        skipped.push(contact.radicado);
        continue;
      }
      planned.push({ contact, located, outcome: act(contact, located?.record ?? null, nowIso) });
    }
    // The data store first: a correction reaches the citizen's mail, an anonymisation deletes the
    // data, even if a row write fails after it (the error is reported; that row keeps its earlier
    // masked values).
    const store = planned.flatMap((p) => (p.outcome.contact ? [p.outcome.contact] : []));
    deps.contacts!.put(store);
    const filings: Record<string, string> = {};
    for (const { contact, outcome } of planned)
      for (const [key, filing] of state.filings)
        if (filing.radicado === contact.radicado && filing.contact && outcome.contact)
          filings[filingKey(key)] = JSON.stringify({ ...filing, contact: outcome.contact });
    if (Object.keys(filings).length > 0) deps.store.write(filings);
    const radicados: string[] = [];
    for (const { contact, located, outcome } of planned) {
      let next: CaseRecord | null = null;
      if (located && outcome.record) {
        const line = chainLine(secret, located.record.chainHead, {
          at: nowIso,
          by: user,
          radicado: contact.radicado,
          event: outcome.event,
          details: outcome.details,
        });
        next = { ...outcome.record, chainHead: line.hash };
        deps.cases.write(located.row, next);
        try {
          deps.history.appendOne({ ...line, after: caseSnapshot(secret, next) });
        } catch (error) {
          deps.cases.write(located.row, located.record);
          throw error;
        }
      }
      afterLine?.(contact.radicado, secret, next);
      radicados.push(contact.radicado);
    }
    return ok({ radicados, skipped });
  } catch (error) {
    return failed(error);
  } finally {
    deps.lock.release();
  }
}

export type Correction = Partial<Record<CorrectableField, string>>;

/** Checks a correction's fields; the first wrong one is named. */
export function validateCorrection(fields: Readonly<Record<string, unknown>>): Result<Correction> {
  const out: Record<string, string> = {};
  for (const field of CORRECTABLE_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    // Named apart from the acts' fields (`email` of a transfer is the competent entity's).
    const named = `titular.${field}`;
    if (typeof value !== 'string' || value.length > FIELD_LIMITS[field])
      return fail('INVALID_PAYLOAD', { field: named });
    const text = value.trim();
    if (field === 'email' && text && !isValidEmail(text.toLowerCase()))
      return fail('INVALID_PAYLOAD', { field: named });
    if (field === 'idNumber' && text && !ID_NUMBER_PATTERN.test(text))
      return fail('INVALID_PAYLOAD', { field: named });
    out[field] = field === 'email' ? text.toLowerCase() : text;
  }
  if (Object.keys(out).length === 0) return fail('CORRECTION_EMPTY');
  return ok(out);
}

/** Rectification: the store gets the new data; the row shows it masked (the name, unless reserved). */
export function correctTitular(
  deps: TitularDeps,
  user: string,
  query: string,
  fields: Readonly<Record<string, unknown>>,
): Result<{ radicados: string[]; skipped: string[] }> {
  const correction = validateCorrection(fields);
  if (!correction.ok) return correction;
  const changes = correction.value;
  return actOnTitular(deps, user, query, (contact, record, nowIso) => {
    const changed = CORRECTABLE_FIELDS.filter(
      (f) => changes[f] !== undefined && changes[f] !== contact[f],
    );
    const next: ContactRecord = { ...contact, ...changes, updatedAt: nowIso };
    return {
      contact: next,
      record: record && {
        ...record,
        petitioner: { ...record.petitioner, ...maskedFields(next) },
      },
      event: 'datos_corregidos',
      details:
        changed.length > 0
          ? `A solicitud del titular se corrigió: ${changed.map((f) => CORRECTABLE_LABELS[f]).join(', ')} (Ley 1581 de 2012, art. 8).`
          : 'A solicitud del titular se revisaron sus datos; no hubo cambios (Ley 1581 de 2012, art. 8).',
    };
  });
}

/**
 * Supresión: the store keeps the radicado and nothing of the titular; the row shows "Titular
 * anonimizado"; earlier Historial snapshots of the case are rewritten (and sealed again) without
 * the name and the masked traces. The case, its radicado and its clock stay as they were.
 */
export function anonymiseTitular(
  deps: TitularDeps,
  user: string,
  query: string,
): Result<{ radicados: string[]; skipped: string[] }> {
  return actOnTitular(
    deps,
    user,
    query,
    (contact, record, nowIso) => {
      const next = anonymisedContact(contact, nowIso);
      return {
        contact: next,
        record: record && {
          ...record,
          petitioner: { ...record.petitioner, ...maskedFields(next) },
        },
        event: 'datos_anonimizados',
        details:
          'A solicitud del titular se suprimieron su nombre, documento y datos de contacto (Ley 1581 de 2012, art. 8). El caso, su radicado y su término se conservan.',
      };
    },
    (radicado, secret, next) => {
      if (!next) return;
      const anonymous = ANONYMISED_FIELDS;
      deps.history.rewriteSnapshots(radicado, (after) => {
        const earlier = restoreSnapshot(secret, after);
        // A snapshot that does not verify is no restore point: it goes rather than keep the data.
        if (!earlier) return '';
        return caseSnapshot(secret, {
          ...earlier,
          petitioner: { ...earlier.petitioner, ...anonymous },
        });
      });
    },
  );
}

export interface TitularExport {
  readonly fileName: string;
  /** What the entity holds of the titular, as JSON text to hand over (consulta, art. 14). */
  readonly text: string;
  readonly cases: number;
}

/** Everything held of the titular: their data, their cases as filed, and each case's Historial. */
export function exportTitular(
  deps: TitularDeps,
  user: string,
  query: string,
): Result<TitularExport> {
  // The consulta itself is an act of each case, recorded before the copy is made.
  const recorded = actOnTitular(deps, user, query, (_contact, record) => ({
    contact: null,
    record,
    event: 'datos_exportados',
    details:
      'Se entregó al titular copia de sus datos y de sus casos (consulta, Ley 1581 de 2012, art. 14).',
  }));
  if (!recorded.ok) return recorded;
  const found = findTitular(deps, user, query);
  if (!found.ok) return found;
  const radicados = new Set(found.value.contacts.map((c) => c.radicado));
  const { state } = loadState(deps, false, { rebuild: false });
  const lines = deps.history.all().filter((l) => radicados.has(l.radicado));
  const nowIso = isoSeconds(deps.clock.now());
  const settings = deps.config.settings;
  const document = {
    responsable: settings.dataController || settings.name,
    nit: settings.controllerNit,
    generado: nowIso,
    consulta: query.trim(),
    titular: found.value.contacts.map((c) => ({
      radicado: c.radicado,
      nombre: c.name,
      tipoDocumento: c.idType,
      numeroDocumento: c.idNumber,
      correo: c.email,
      telefono: c.phone,
      direccion: c.address,
      reservaDeIdentidad: c.identityReserved,
      actualizado: c.updatedAt,
      ...(c.anonymisedAt ? { anonimizado: c.anonymisedAt } : {}),
    })),
    casos: found.value.contacts.map((c) => {
      const record = deps.cases.locate(c.radicado, rowHint(state, c.radicado))?.record ?? null;
      return {
        radicado: c.radicado,
        ...(record
          ? {
              fechaRadicacion: record.receivedAt,
              tipo: REQUEST_TYPE_LABELS[record.type],
              estado: CASE_STATUS_LABELS[record.status],
              dependencia: record.dependency,
              asunto: record.subject,
              descripcion: record.description,
              municipio: record.petitioner.municipality,
              medioDeRespuesta: record.petitioner.preferredChannel,
              autorizacionDeDatos: record.consent,
              vence: record.dueDate,
              fechaRespuesta: record.answeredAt,
            }
          : { nota: 'El caso no está en Radicados (hoja archivada).' }),
        historial: lines
          .filter((l) => l.radicado === c.radicado)
          .map((l) => ({ fecha: l.at, evento: eventLabel(l.event), detalle: l.details })),
      };
    }),
  };
  return ok({
    fileName: `datos-titular-${nowIso.slice(0, 10)}.json`,
    text: JSON.stringify(document, null, 2),
    cases: found.value.cases.length,
  });
}
