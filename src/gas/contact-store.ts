// The data store (*datos de peticionarios*) in its own spreadsheet. Only executions of people it is
// shared with can open it: the owner's (form submit, the review, the web app) and the data
// stewards'. A clerk's execution fails to open it, and the callers treat that as "not here".
import { DomainError } from '../core/errors';
import { matchesTitular, type ContactRecord } from '../core/privacy/contact-data';
import type { ContactBook } from '../ports/contact-book';
import {
  instantCell,
  readBoolean,
  readInstant,
  readText,
  textCell,
  yesNo,
  type CellValue,
} from './cell-values';
import { CONTACTS_SHEET } from './sheet-schema';
import { ensureHeaders, ensureSheet } from './sheets-setup';
import { SheetTable } from './sheet-table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The spreadsheet id in a Sheets URL (or the id itself). */
export function spreadsheetIdOf(url: string): string {
  const match = /\/spreadsheets\/d\/([^/?#]+)/.exec(url);
  return match ? match[1] : url.trim();
}

function toCells(contact: ContactRecord): Record<string, CellValue> {
  return {
    radicado: textCell(contact.radicado),
    name: textCell(contact.name),
    idType: textCell(contact.idType),
    idNumber: textCell(contact.idNumber),
    email: textCell(contact.email),
    phone: textCell(contact.phone),
    address: textCell(contact.address),
    identityReserved: yesNo(contact.identityReserved),
    updatedAt: instantCell(contact.updatedAt),
    anonymisedAt: instantCell(contact.anonymisedAt ?? ''),
  };
}

function fromCells(values: Readonly<Record<string, unknown>>): ContactRecord {
  const text = (key: string): string => readText(values[key]).replace(/^'/, '');
  const anonymisedAt = readInstant(values.anonymisedAt);
  return {
    radicado: text('radicado'),
    name: text('name'),
    idType: text('idType'),
    idNumber: text('idNumber'),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    identityReserved: readBoolean(values.identityReserved),
    updatedAt: readInstant(values.updatedAt),
    ...(anonymisedAt ? { anonymisedAt } : {}),
  };
}

export class SheetContactBook implements ContactBook {
  private tableMemo: SheetTable | null = null;
  private indexMemo: Map<string, { row: number; contact: ContactRecord }> | null = null;

  constructor(private readonly url: () => string) {}

  private table(): SheetTable {
    if (this.tableMemo) return this.tableMemo;
    const url = this.url();
    if (!url) throw new DomainError('CONTACT_STORE_MISSING');
    let sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
    try {
      sheet = SpreadsheetApp.openById(spreadsheetIdOf(url)).getSheetByName(CONTACTS_SHEET.name);
    } catch {
      // Not shared with the person running (a clerk), or deleted: the same error either way.
      throw new DomainError('CONTACT_STORE_DENIED');
    }
    if (!sheet) throw new DomainError('CONTACT_STORE_MISSING');
    this.tableMemo = new SheetTable(sheet, CONTACTS_SHEET);
    return this.tableMemo;
  }

  /** Every row, read once per execution; a radicado written twice keeps its last row. */
  private index(): Map<string, { row: number; contact: ContactRecord }> {
    if (this.indexMemo) return this.indexMemo;
    const index = new Map<string, { row: number; contact: ContactRecord }>();
    for (const { row, values } of this.table().readFrom(2)) {
      const contact = fromCells(values);
      if (contact.radicado) index.set(contact.radicado, { row, contact });
    }
    this.indexMemo = index;
    return index;
  }

  get(radicados: readonly string[]): Map<string, ContactRecord> {
    const out = new Map<string, ContactRecord>();
    if (radicados.length === 0) return out;
    const index = this.index();
    for (const radicado of radicados) {
      const found = index.get(radicado);
      if (found) out.set(radicado, found.contact);
    }
    return out;
  }

  put(records: readonly ContactRecord[]): void {
    if (records.length === 0) return;
    const index = this.index();
    const fresh: ContactRecord[] = [];
    const updates: Array<{ row: number; record: ContactRecord }> = [];
    for (const record of records) {
      const found = index.get(record.radicado);
      if (found) updates.push({ row: found.row, record });
      else fresh.push(record);
    }
    this.table().writeRows(updates.map((u) => ({ row: u.row, values: toCells(u.record) })));
    const first = this.table().append(fresh.map(toCells));
    for (const { row, record } of updates) index.set(record.radicado, { row, contact: record });
    fresh.forEach((record, i) => index.set(record.radicado, { row: first + i, contact: record }));
  }

  search(query: string): ContactRecord[] {
    return [...this.index().values()]
      .map((entry) => entry.contact)
      .filter((contact) => matchesTitular(contact, query));
  }
}

export interface ContactStoreSetup {
  readonly spreadsheet: Spreadsheet;
  readonly created: boolean;
  readonly shared: readonly string[];
  readonly unshared: readonly string[];
}

/**
 * The data store, created when the settings name none, with its sheet and headers; shared as
 * editors with exactly the stewards (the owner always keeps it). Runs as the owner (setup, the daily
 * review). Throws `CONTACT_STORE_DENIED` when the store the settings name cannot be opened.
 */
export function ensureContactStore(input: {
  readonly url: string;
  readonly entityName: string;
  readonly stewards: readonly string[];
}): ContactStoreSetup {
  let spreadsheet: Spreadsheet | null = null;
  if (input.url) {
    // A store that cannot be opened is never replaced on its own: a Drive hiccup or an admin who
    // is not a steward would otherwise start an empty store and every citizen's mail would lose
    // its address. The admin decides (blank the setting to start a new one).
    try {
      spreadsheet = SpreadsheetApp.openById(spreadsheetIdOf(input.url));
    } catch {
      throw new DomainError('CONTACT_STORE_DENIED');
    }
  }
  const created = spreadsheet === null;
  const name = `Datos de peticionarios - ${input.entityName}`;
  if (!spreadsheet) spreadsheet = SpreadsheetApp.create(name);
  // Named after the entity once its name is typed (the first setup runs before it is).
  else if (
    spreadsheet.getName() !== name &&
    /^Datos de peticionarios - /.test(spreadsheet.getName())
  )
    spreadsheet.rename(name);
  const { sheet } = ensureSheet(spreadsheet, CONTACTS_SHEET, 0);
  ensureHeaders(sheet, CONTACTS_SHEET);
  if (created) {
    // The new file's empty tab goes; the store holds its one sheet (and the form's responses).
    for (const other of spreadsheet.getSheets())
      if (other.getName() !== CONTACTS_SHEET.name && other.getLastRow() === 0)
        spreadsheet.deleteSheet(other);
  }
  const sharing = shareWithStewards(spreadsheet, input.stewards);
  return { spreadsheet, created, ...sharing };
}

/** Editors of the store = the stewards; anyone else who was given access by hand is removed. */
function shareWithStewards(
  spreadsheet: Spreadsheet,
  stewards: readonly string[],
): { shared: string[]; unshared: string[] } {
  const owner = spreadsheet.getOwner()?.getEmail().toLowerCase() ?? '';
  const wanted = new Set(stewards.map((s) => s.toLowerCase()).filter((s) => s && s !== owner));
  const editors = spreadsheet.getEditors().map((u) => u.getEmail().toLowerCase());
  const viewers = spreadsheet.getViewers().map((u) => u.getEmail().toLowerCase());
  const shared: string[] = [];
  const unshared: string[] = [];
  for (const email of wanted)
    if (!editors.includes(email)) {
      spreadsheet.addEditor(email);
      shared.push(email);
    }
  for (const email of new Set([...editors, ...viewers])) {
    if (email === owner || wanted.has(email)) continue;
    if (editors.includes(email)) spreadsheet.removeEditor(email);
    else spreadsheet.removeViewer(email);
    unshared.push(email);
  }
  return { shared, unshared };
}
