import { radicateSubmission, type IntakeRequest } from '../../src/app/intake';
import type { CaseRecord } from '../../src/core/cases/case-record';
import { followUpToken, lineHash } from '../../src/core/cases/case-seal';
import { keyFromDetails, radicationLines } from '../../src/core/cases/radication-lines';
import { sha256Hex } from '../../src/core/crypto/sha256';
import type { RawAnswers } from '../../src/core/intake/normalize-submission';
import { FORM_ENTRIES_KEY, responseKey } from '../../src/core/intake/prefilled-url';
import { formatMessage } from '../../src/core/messages';
import {
  filingKey,
  mailKey,
  parseEntityState,
  type EntityStateRecord,
  type FilingEntry,
  type JournalLine,
  type MailEntry,
} from '../../src/core/state/entity-state';
import {
  CONSENT,
  ENTRY_MAP,
  makeDeps,
  nextExecution,
  prefilledUrl,
  QUEJA,
  QUOTA_ERROR,
  SECRET,
  setUpStore,
  type TestDeps,
} from '../fakes/in-memory';

const monday = Date.parse('2026-07-06T08:15:00-05:00'); // Monday 6 July 2026, 08:15 in Bogotá

function formRequest(answers: RawAnswers = QUEJA, receivedAt = monday): IntakeRequest {
  const url = prefilledUrl(answers);
  return {
    key: responseKey(receivedAt, url),
    receivedAt,
    prefilledUrl: url,
    channel: 'formulario',
    by: 'formulario',
  };
}

/** The standard form filing of these tests, as the form-submit trigger hands it over. */
function file(deps: TestDeps, answers: RawAnswers = QUEJA, receivedAt = monday) {
  return radicateSubmission(deps, formRequest(answers, receivedAt));
}

function verbal(deps: TestDeps, id: string, receivedAt = monday) {
  return radicateSubmission(deps, {
    key: `verbal:${id}`,
    receivedAt,
    answers: { ...QUEJA, subject: `Verbal ${id}` },
    channel: 'presencial',
    by: 'clerk@x.gov.co',
  });
}

const stateOf = (deps: TestDeps): EntityStateRecord => deps.store.record()!;
const filingOf = (deps: TestDeps, key: string): FilingEntry => deps.store.json(filingKey(key));
const mailOf = (deps: TestDeps, key: string): MailEntry => deps.store.json(mailKey(key));

/** The radication's Historial lines, as the sweep will compute them again from the row. */
function linesOf(deps: TestDeps, key: string, row = 2): JournalLine[] {
  const filing = filingOf(deps, key);
  return radicationLines(SECRET, deps.cases.at(row), {
    key,
    by: filing.by ?? '',
    at: filing.at ?? '',
    reason: filing.reason ?? '',
  });
}

/** Each line's hash verifies under the secret, and each links to the one before it. */
function expectChained(lines: readonly JournalLine[], secret = SECRET, from = ''): void {
  let prev = from;
  for (const line of lines) {
    expect(line.prev).toBe(prev);
    const { hash, ...rest } = line;
    expect(hash).toBe(lineHash(secret, { ...rest, after: undefined }));
    prev = hash;
  }
}

describe('radicateSubmission: numbering', () => {
  it('gives the first filing of a year number 1, and the next ones consecutive numbers', () => {
    const { deps } = makeDeps();
    expect(file(deps)).toMatchObject({ status: 'radicated', radicado: '2026-000001' });
    expect(file(deps, { ...QUEJA, subject: 'Otra' })).toMatchObject({
      radicado: '2026-000002',
    });
    expect(file(deps, QUEJA, monday + 1000)).toMatchObject({ radicado: '2026-000003' });
    expect(deps.cases.rows.map((r) => r!.record.radicado)).toEqual([
      '2026-000001',
      '2026-000002',
      '2026-000003',
    ]);
    expect(stateOf(deps).counters).toEqual({ '2026': 3 });
  });

  it('prefixes the DANE code when the entity asks for it', () => {
    const { deps } = makeDeps({ settings: { radicadoPrefix: true } });
    expect(file(deps)).toMatchObject({ radicado: '05001-2026-000001' });
  });

  it('restarts numbering with the year of receipt in Bogotá', () => {
    const { deps } = makeDeps({ store: setUpStore({ counters: { '2026': 900 } }) });
    // 31 Dec 2026 23:30 in Bogotá is already 2027 in UTC; it belongs to 2026.
    expect(file(deps, QUEJA, Date.parse('2026-12-31T23:30:00-05:00'))).toMatchObject({
      radicado: '2026-000901',
    });
    expect(file(deps, QUEJA, Date.parse('2027-01-01T00:10:00-05:00'))).toMatchObject({
      radicado: '2027-000001',
    });
    expect(stateOf(deps).counters).toEqual({ '2026': 901, '2027': 1 });
  });

  it('answers a response already radicated with its radicado: no second row, number or mail', () => {
    const { deps } = makeDeps();
    file(deps);
    const writes = deps.store.writes;
    expect(file(deps)).toEqual({ status: 'duplicate', radicado: '2026-000001' });
    expect(deps.cases.rows).toHaveLength(1);
    expect(deps.mailer.sent).toHaveLength(1);
    expect(deps.store.writes).toBe(writes);
    expect(stateOf(deps).counters).toEqual({ '2026': 1 });
    expect(deps.lock.released).toBe(deps.lock.acquired);
  });

  it('radicates a verbal filing once per request id, with its channel and the clerk', () => {
    const { deps } = makeDeps();
    expect(verbal(deps, 'req-1')).toMatchObject({ status: 'radicated', radicado: '2026-000001' });
    expect(verbal(deps, 'req-1')).toEqual({ status: 'duplicate', radicado: '2026-000001' });
    const row = deps.cases.at(2);
    expect(row).toMatchObject({
      channel: 'presencial',
      responseId: 'verbal:req-1',
      subject: 'Verbal req-1',
      dueDate: '2026-07-29',
    });
    expect(filingOf(deps, 'verbal:req-1')).toMatchObject({
      channel: 'presencial',
      by: 'clerk@x.gov.co',
    });
  });

  it('does not radicate again a form response older than every sweep window; a verbal one it does', () => {
    // The sweeps have seen every response up to 9 July: one from 6 July was radicated then.
    const { deps, logs } = makeDeps({
      store: setUpStore({ checkpoint: Date.parse('2026-07-09T08:00:00-05:00') }),
    });
    expect(file(deps)).toEqual({ status: 'duplicate', radicado: '' });
    expect(deps.cases.rows).toHaveLength(0);
    expect(logs.join('\n')).toContain(formRequest().key);
    expect(verbal(deps, 'late')).toMatchObject({ status: 'radicated', radicado: '2026-000001' });
  });
});

describe('radicateSubmission: reading the response', () => {
  it('reads the answers from the prefilled URL through the entry map', () => {
    const { deps } = makeDeps();
    const url = `${prefilledUrl({
      ...QUEJA,
      name: 'José Pérez & Hijos',
      subject: 'Hueco en la vía 5+6',
      priority: ['Riesgo para la vida o la integridad de una persona'],
    })}&entry.999999=pregunta+extra+del+admin`;
    radicateSubmission(deps, {
      key: responseKey(monday, url),
      receivedAt: monday,
      prefilledUrl: url,
      channel: 'formulario',
      by: 'formulario',
    });
    const row = deps.cases.at(2);
    expect(row).toMatchObject({
      type: 'queja',
      declaredType: 'queja',
      subject: 'Hueco en la vía 5+6',
      description: 'Música a alto volumen todas las noches.',
      consent: true,
      priority: 'Riesgo para la vida o la integridad de una persona',
      alerts: [],
    });
    // Ley 1581: the row shows the contact masked (first letter and domain; last four digits).
    expect(row.petitioner).toMatchObject({
      name: 'José Pérez & Hijos',
      email: 'a•••@example.com',
      idNumber: '•••4050',
      acceptsEmailNotification: true,
    });
  });

  it('alerts staff when a required question is missing from the form', () => {
    const entries = { ...ENTRY_MAP };
    const subjectEntry = Object.keys(entries).find((e) => entries[e] === 'subject')!;
    delete (entries as Record<string, string>)[subjectEntry];
    const { deps } = makeDeps({
      store: { ...setUpStore(), [FORM_ENTRIES_KEY]: JSON.stringify(entries) },
    });
    const url = prefilledUrl(QUEJA, entries);
    radicateSubmission(deps, {
      key: responseKey(monday, url),
      receivedAt: monday,
      prefilledUrl: url,
      channel: 'formulario',
      by: 'formulario',
    });
    const alert = formatMessage('FORM_ITEM_MISSING', { field: 'Asunto' });
    expect(deps.cases.at(2).alerts).toEqual([alert]);
    // The alert is also a line of the radication, inside the chain the row's head ends.
    const lines = linesOf(deps, responseKey(monday, url));
    expect(lines.map((l) => [l.event, l.details])).toContainEqual(['alerta', alert]);
    expect(deps.cases.at(2).chainHead).toBe(lines[lines.length - 1].hash);
  });

  it('defers a form response without writing anything when the entry map is missing', () => {
    const store = setUpStore();
    delete store[FORM_ENTRIES_KEY];
    const { deps, logs } = makeDeps({ store });
    expect(file(deps)).toEqual({ status: 'deferred', code: 'FORM_NOT_CONFIGURED' });
    expect(deps.store.writes).toBe(0);
    expect(deps.cases.appends).toBe(0);
    expect(deps.mailer.sent).toHaveLength(0);
    expect(deps.lock.released).toBe(1);
    expect(logs.join('\n')).toContain(formRequest().key);
  });

  it('defers without writing anything when the lock is busy', () => {
    const { deps, logs } = makeDeps();
    deps.lock.available = false;
    expect(file(deps)).toEqual({ status: 'deferred', code: 'LOCK_TIMEOUT' });
    expect(deps.store.reads).toBe(0);
    expect(deps.store.writes).toBe(0);
    expect(deps.cases.appends).toBe(0);
    expect(logs.join('\n')).toContain(formRequest().key);
  });
});

describe('radicateSubmission: the case and the legal clock', () => {
  it('gives a queja filed Monday 6 July 2026 fifteen business days: due 29 July', () => {
    // From Tue 7 Jul, skipping Mon 13 Jul (Ley 2578 de 2026) and Mon 20 Jul (Independencia).
    const { deps } = makeDeps();
    file(deps);
    expect(deps.cases.at(2)).toMatchObject({
      radicado: '2026-000001',
      receivedAt: '2026-07-06T13:15:00.000Z',
      channel: 'formulario',
      effectiveReceiptDate: '2026-07-06',
      dueDate: '2026-07-29',
      businessDaysLeft: 15,
      status: 'radicado',
      dependency: 'Ventanilla Única',
      assignee: 'clerk@x.gov.co',
    });
  });

  it('gives a request for documents ten business days: due 22 July', () => {
    const { deps } = makeDeps();
    file(deps, { ...QUEJA, type: 'Petición de documentos o información' });
    expect(deps.cases.at(2)).toMatchObject({ type: 'peticion_documentos', dueDate: '2026-07-22' });
  });

  it('counts a filing after the office cutoff from the next business day', () => {
    const { deps } = makeDeps({ settings: { officeHoursCutoff: '17:00' } });
    file(deps, QUEJA, Date.parse('2026-07-10T18:30:00-05:00')); // Friday evening
    // Received Monday 13 Jul is a holiday: it is had as received Tuesday 14 Jul; from Wed 15 Jul,
    // 15 business days skipping Mon 20 Jul end on Wed 5 Aug.
    expect(deps.cases.at(2)).toMatchObject({
      effectiveReceiptDate: '2026-07-14',
      dueDate: '2026-08-05',
    });
  });

  it('files a case without a valid email, with an alert, and sends no acknowledgement', () => {
    const { deps } = makeDeps();
    expect(file(deps, { ...QUEJA, email: 'ana@' })).toMatchObject({
      status: 'radicated',
      mailsSent: 0,
    });
    expect(deps.cases.at(2).alerts).toEqual([formatMessage('EMAIL_INVALID', { value: 'ana@' })]);
    expect(deps.mailer.sent).toHaveLength(0);
    expect(deps.store.data[mailKey('acuse:2026-000001')]).toBeUndefined();
  });

  it('mails the acknowledgement with the radicado, the time of receipt, the due date and a private link', () => {
    const { deps } = makeDeps({
      settings: { followUpUrl: 'https://script.google.com/macros/s/x/exec' },
    });
    expect(file(deps)).toMatchObject({ mailsSent: 1 });
    const [ack] = deps.mailer.sent;
    expect(ack).toMatchObject({ kind: 'acuse', to: 'ana@example.com', radicado: '2026-000001' });
    expect(ack.subject).toContain('2026-000001');
    expect(ack.body).toContain('06/07/2026 08:15');
    expect(ack.body).toContain('29/07/2026');
    const token = followUpToken(SECRET, '2026-000001');
    expect(ack.body).toContain(
      `https://script.google.com/macros/s/x/exec?r=2026-000001&t=${token}`,
    );
    // The sheet and the state keep only the hash of the token.
    expect(deps.cases.at(2).tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(deps.cases.rows)).not.toContain(token);
    expect(JSON.stringify(deps.store.data)).not.toContain(token);
  });
});

describe('radicateSubmission: one state write before the row', () => {
  it('writes the state once, before the row is appended, and mails after the lock is released', () => {
    const { deps, calls } = makeDeps();
    file(deps);
    expect(deps.store.writes).toBe(1);
    expect(deps.cases.appends).toBe(1);
    expect(calls).toEqual([
      'lock.acquire',
      'store.read',
      'store.write',
      'cases.append',
      'lock.release',
      'mailer.send:acuse',
    ]);
  });

  it('stores the counter, the filing with its chained lines, and the mails', () => {
    const { deps } = makeDeps();
    const request = formRequest();
    file(deps);
    const [written] = deps.store.written;
    const state = parseEntityState(written);
    expect(state.record).toMatchObject({ counters: { '2026': 1 }, appends: 1, secret: SECRET });
    const filing = state.filings.get(request.key)!;
    expect({ ...filing, ack: undefined }).toEqual({
      ack: undefined,
      radicado: '2026-000001',
      receivedAt: monday,
      channel: 'formulario',
      seq: 1,
      by: 'formulario',
      at: '2026-07-06T14:00:00.000Z',
      reason: 'Dependencia por defecto de la entidad; primera persona disponible',
      // What the radication lines say, kept because later acts may change the row.
      dueDate: '2026-07-29',
      dependency: 'Ventanilla Única',
      assignee: 'clerk@x.gov.co',
      head: deps.cases.at(2).chainHead,
      // The petitioner's data waits here for the review to move it to the data store (Ley 1581).
      contact: {
        radicado: '2026-000001',
        name: 'Ana Ruiz',
        idType: 'Cédula de ciudadanía',
        idNumber: '1020304050',
        email: 'ana@example.com',
        phone: '',
        address: '',
        identityReserved: false,
        updatedAt: '2026-07-06T14:00:00.000Z',
      },
      journaled: false,
    });
    // The row carries the head of the radication's chain: lines that verify, link to each other,
    // and name the filing's key so a rebuilt store finds it.
    const lines = linesOf(deps, request.key);
    expect(lines.map((l) => l.event)).toEqual(['radicado', 'asignado']);
    expect(lines.every((l) => l.radicado === '2026-000001')).toBe(true);
    expect(keyFromDetails(lines[0].details)).toBe(request.key);
    expect(lines[0].details).toContain('29/07/2026');
    expect(lines[1].details).toContain('clerk@x.gov.co');
    expectChained(lines);
    expect(deps.cases.at(2).chainHead).toBe(lines[1].hash);

    // The mail rides on the filing, one small entry: the acknowledgement claimed for the citizen's
    // address (sent right after the lock), the assignee's notice for the sweep to send.
    expect(filing.ack).toBe('a•••@example.com');
    expect(filing.assignee).toBe('clerk@x.gov.co');
    expect(state.mails.size).toBe(0);
    // The assignment notice waits for the sweep: only the acknowledgement goes now.
    expect(deps.mailer.sent.map((m) => m.kind)).toEqual(['acuse']);
  });

  it('seals the row it appends under the secret of the state', () => {
    const { deps } = makeDeps();
    file(deps);
    expect(deps.cases.locate('2026-000001', 2)).toMatchObject({ sealOk: true, readable: true });
  });
});

describe('radicateSubmission: failures', () => {
  it('burns the number when the row cannot be written, says so, and rethrows', () => {
    const { deps, calls } = makeDeps();
    const request = formRequest();
    deps.cases.failNextAppend = new Error('Service Spreadsheets timed out');
    expect(() => file(deps)).toThrow('timed out');
    expect(deps.lock.released).toBe(1);
    expect(deps.mailer.sent).toHaveLength(0);
    expect(calls).not.toContain('mailer.send:acuse');
    expect(stateOf(deps).counters).toEqual({ '2026': 1 });

    const failed = filingOf(deps, request.key);
    expect(failed).toMatchObject({
      radicado: '2026-000001',
      failed: 'Service Spreadsheets timed out',
      journaled: false,
    });
    // Nothing was mailed and nothing will be for the burnt number.
    expect(failed.ack).toBeUndefined();
    expect(Object.keys(deps.store.data).filter((k) => k.startsWith('m.'))).toEqual([]);

    // The retry (the sweep) radicates the same response with the next number; 000001 is never reused.
    expect(file(deps)).toMatchObject({ status: 'radicated', radicado: '2026-000002' });
    expect(deps.cases.rows.map((r) => r!.record.radicado)).toEqual(['2026-000002']);
    const retried = filingOf(deps, request.key);
    expect(retried.failed).toBeUndefined();
    // The burnt number waits with the new filing until the sweep writes it in the Historial.
    expect(retried.burnt).toEqual([
      {
        radicado: '2026-000001',
        at: '2026-07-06T14:00:00.000Z',
        reason: 'Service Spreadsheets timed out',
      },
    ]);
    expect(file(deps, { ...QUEJA, subject: 'Otra' })).toMatchObject({ radicado: '2026-000003' });
  });

  it('keeps the acknowledgement pending when the day’s quota is spent', () => {
    const { deps, logs } = makeDeps();
    deps.mailer.failWith = QUOTA_ERROR;
    expect(file(deps)).toMatchObject({ status: 'radicated', mailsSent: 0 });
    expect(deps.store.writes).toBe(2);
    expect(mailOf(deps, 'acuse:2026-000001')).toMatchObject({
      status: 'pendiente',
      attempts: 0,
      sentAt: '',
      lastError: 'MAIL_QUOTA_EXHAUSTED',
      recorded: false,
    });
    expect(logs.join('\n')).toContain('2026-000001');
  });

  it('marks the acknowledgement failed for an address MailApp refuses', () => {
    const { deps } = makeDeps();
    deps.mailer.failWith = 'Invalid email: ana@example.com';
    expect(file(deps)).toMatchObject({ status: 'radicated', mailsSent: 0 });
    // The outbox sheet is read by every clerk: the address MailApp quotes is masked there.
    expect(mailOf(deps, 'acuse:2026-000001')).toMatchObject({
      status: 'fallido',
      attempts: 1,
      lastError: 'Invalid email: a•••@example.com',
    });
  });
});

describe('radicateSubmission: a lost store', () => {
  /** Three cases filed, then the script's store is lost (a copied spreadsheet). */
  function withLostStore() {
    const made = makeDeps();
    const { deps } = made;
    file(deps);
    file(deps, { ...QUEJA, subject: 'Dos' }, monday + 60_000);
    file(deps, { ...QUEJA, subject: 'Tres' }, monday + 120_000);
    deps.store.data = {};
    deps.store.writes = 0;
    nextExecution(deps);
    return made;
  }

  const line = (radicado: string, event: string): JournalLine => ({
    at: '2026-07-01T14:00:00.000Z',
    by: 'clerk@x.gov.co',
    radicado,
    event,
    details: '',
    prev: '',
    hash: 'x',
  });

  it('continues numbering above every radicado in the sheets and the Historial', () => {
    const { deps, logs } = withLostStore();
    deps.cases.archived.push('2026-000007', 'no es un radicado');
    deps.history.lines.push(line('2026-000010', 'anulado'), line('2025-000420', 'radicado'));
    expect(verbal(deps, 'after-loss', monday + 3_600_000)).toMatchObject({
      status: 'radicated',
      radicado: '2026-000011',
    });
    const state = stateOf(deps);
    expect(state.counters).toEqual({ '2025': 420, '2026': 11 });
    // A new secret, and every row's seal is to be rewritten with it.
    expect(state.secret).toBe('secret-1');
    expect(state.resealNeeded).toBe(true);
    // The rebuilt state is stored at once (under the lock), then the filing with its number.
    expect(deps.store.writes).toBe(2);
    expect(logs.join('\n')).toContain('ERROR Estado interno reconstruido');
  });

  it('still recognises a response already radicated as a duplicate', () => {
    const { deps } = withLostStore();
    const outcome = radicateSubmission(
      deps,
      formRequest({ ...QUEJA, subject: 'Dos' }, monday + 60_000),
    );
    expect(outcome).toEqual({ status: 'duplicate', radicado: '2026-000002' });
    expect(deps.cases.rows).toHaveLength(3);
  });

  it('defers a form response: the entry map was lost with the store', () => {
    const { deps } = withLostStore();
    expect(file(deps, { ...QUEJA, subject: 'Cuatro' })).toEqual({
      status: 'deferred',
      code: 'FORM_NOT_CONFIGURED',
    });
    // Only the rebuilt state was stored: no number was taken for the deferred response.
    expect(deps.store.writes).toBe(1);
    expect(stateOf(deps).counters['2026']).toBe(3);
  });
});

describe('radicateSubmission: consent and long texts', () => {
  it('keeps the full text of a description longer than a cell', () => {
    const { deps } = makeDeps();
    const long = 'x'.repeat(60_000);
    file(deps, { ...QUEJA, description: long, consent: [CONSENT] });
    expect(deps.cases.longTexts).toHaveLength(1);
    expect(deps.cases.longTexts[0].radicado).toBe('2026-000001');
    expect(deps.cases.longTexts[0].texts[0].chunks.join('')).toBe(long);
    expect((deps.cases.at(2) as CaseRecord).description.length).toBeLessThan(long.length);
  });
});
