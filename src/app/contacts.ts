// Where an execution that may open the data store finds a petitioner's data: the store, else a
// filing the review has not moved yet, else, for a case filed before the store existed, its row.
import type { CaseRecord } from '../core/cases/case-record';
import { DomainError } from '../core/errors';
import { contactOf, isMasked, type ContactRecord } from '../core/privacy/contact-data';
import type { EntityState } from '../core/state/entity-state';
import type { ContactBook } from '../ports/contact-book';

export interface ContactLookup {
  readonly found: ReadonlyMap<string, ContactRecord>;
  /** False when this execution could not open the data store (a clerk's): the rest must wait. */
  readonly available: boolean;
}

export function lookUpContacts(
  contacts: ContactBook | undefined,
  state: EntityState,
  radicados: readonly string[],
): ContactLookup {
  const wanted = [...new Set(radicados)];
  const found = new Map<string, ContactRecord>();
  if (wanted.length === 0) return { found, available: true };
  // The store is opened first even when a filing still holds the data: an execution that may not
  // open it (a clerk's) addresses no citizen at all, whatever the review has or has not moved yet.
  if (!contacts) return { found, available: false };
  try {
    for (const [radicado, contact] of contacts.get(wanted)) found.set(radicado, contact);
  } catch (error) {
    if (error instanceof DomainError) return { found: new Map(), available: false };
    throw error;
  }
  for (const filing of state.filings.values())
    if (filing.contact && wanted.includes(filing.radicado) && !found.has(filing.radicado))
      found.set(filing.radicado, filing.contact);
  return { found, available: true };
}

/** A row written before the data store existed still holds the contact itself (never masked). */
export function contactOfLegacyRow(record: CaseRecord): ContactRecord | null {
  const p = record.petitioner;
  const values = [p.idNumber, p.email, p.phone, p.address];
  if (values.some(isMasked) || values.every((v) => v === '')) return null;
  return contactOf(record.radicado, p, '');
}
