// The data store (*datos de peticionarios*): a spreadsheet apart from the tracking one, owned by the
// entity's owner and shared only with the data stewards, so no clerk's editor rights reach it.
import type { ContactRecord } from '../core/privacy/contact-data';

export interface ContactBook {
  /**
   * The contacts of these cases, by radicado (a case absent from the store is absent here).
   * Throws a DomainError (`CONTACT_STORE_MISSING`, `CONTACT_STORE_DENIED`) when this execution
   * cannot open the store: a clerk's, or the owner's after the store was deleted.
   */
  get(radicados: readonly string[]): Map<string, ContactRecord>;
  /** Writes these contacts, each replacing the store's row of its radicado. */
  put(records: readonly ContactRecord[]): void;
  /** Every contact of a titular: by document number or email (see `titularKey`). */
  search(query: string): ContactRecord[];
}
