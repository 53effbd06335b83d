// Ley 1581 de 2012: a petitioner's contact data (document number, email, phone, address) is kept
// in the entity's data store, shared only with the people the admin names; the tracking sheet and
// everything staff see carry a masked trace, enough to know a channel exists. A petitioner who asked
// for reserva de identidad is named nowhere staff look.
import type { Petitioner } from '../cases/case-record';
import { isValidEmail } from '../intake/normalize-submission';

export const MASK = '•••';
/** What staff see instead of the name of a petitioner who asked for reserva de identidad. */
export const RESERVED_NAME = 'Identidad reservada';
/** What stays of a titular whose data was anonymised (Ley 1581, art. 8 lit. e: supresión). */
export const ANONYMISED_NAME = 'Titular anonimizado';
const INVALID_EMAIL_MASK = `${MASK} (correo no válido)`;
/** A reserved identity's email shows nothing of itself, only that a valid one exists. */
export const RESERVED_EMAIL_MASK = `${MASK} (correo reservado)`;

/** What the data store keeps of one case's petitioner: everything staff do not see. */
export interface ContactRecord {
  readonly radicado: string;
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
  readonly identityReserved: boolean;
  /** ISO instant of the last write (radication, correction, anonymisation). */
  readonly updatedAt: string;
  /** Set once the titular's data was anonymised: nothing else is kept. */
  readonly anonymisedAt?: string;
}

/** The fields a titular may have corrected (Ley 1581, art. 8 lit. a: actualizar y rectificar). */
export const CORRECTABLE_FIELDS = [
  'name',
  'idType',
  'idNumber',
  'email',
  'phone',
  'address',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTABLE_LABELS: Readonly<Record<CorrectableField, string>> = {
  name: 'nombre',
  idType: 'tipo de documento',
  idNumber: 'número de documento',
  email: 'correo electrónico',
  phone: 'teléfono',
  address: 'dirección',
};

/** `carlos@gmail.com` → `c•••@gmail.com`; an address that is not valid shows no part of itself. */
export function maskEmail(email: string): string {
  const text = email.trim();
  if (!text) return '';
  if (text.includes(MASK)) return text;
  if (!isValidEmail(text)) return INVALID_EMAIL_MASK;
  const at = text.lastIndexOf('@');
  return `${text.slice(0, 1)}${MASK}${text.slice(at)}`;
}

/** `300 123 4567` → `•••4567`: the last four digits, enough to confirm it with the caller. */
export function maskNumber(value: string): string {
  const text = value.trim();
  if (!text) return '';
  if (text.includes(MASK)) return text;
  const digits = text.replace(/[^0-9A-Za-z]/g, '');
  return digits.length > 6 ? `${MASK}${digits.slice(-4)}` : MASK;
}

/** An address shows only that one exists: a street and number identify a home. */
export function maskAddress(value: string): string {
  const text = value.trim();
  if (!text) return '';
  return text.includes(MASK) ? text : MASK;
}

export function isMasked(value: string): boolean {
  return value.includes(MASK);
}

/** The petitioner as staff see them: masked contact, and no name when identity is reserved. */
export function maskPetitioner(petitioner: Petitioner): Petitioner {
  if (petitioner.identityReserved) return { ...petitioner, ...reservedTraces(petitioner) };
  return {
    ...petitioner,
    idNumber: maskNumber(petitioner.idNumber),
    email: maskEmail(petitioner.email),
    phone: maskNumber(petitioner.phone),
    address: maskAddress(petitioner.address),
  };
}

/**
 * A reserved identity leaves no trace that could point at a person (the email's domain or the
 * last digits could name a colleague): only whether each channel exists.
 */
function reservedTraces(
  p: Pick<Petitioner, 'name' | 'idNumber' | 'email' | 'phone' | 'address'>,
): Pick<Petitioner, 'name' | 'idNumber' | 'email' | 'phone' | 'address'> {
  const present = (v: string) => (v.trim() ? MASK : '');
  const email = p.email.trim();
  return {
    name: p.name ? RESERVED_NAME : '',
    idNumber: present(p.idNumber),
    email: !email
      ? ''
      : isValidEmail(email) || email === RESERVED_EMAIL_MASK
        ? RESERVED_EMAIL_MASK
        : INVALID_EMAIL_MASK,
    phone: present(p.phone),
    address: present(p.address),
  };
}

/** The citizen's email as a row holds it, when it stands for a valid address (masked or not). */
export function usableEmail(value: string): string {
  const email = value.trim();
  if (!email) return '';
  if (email === RESERVED_EMAIL_MASK) return email;
  return isValidEmail(email) ? email : '';
}

/** What the data store keeps of a petitioner as filed. */
export function contactOf(radicado: string, petitioner: Petitioner, at: string): ContactRecord {
  return {
    radicado,
    name: petitioner.name,
    idType: petitioner.idType,
    idNumber: petitioner.idNumber,
    email: petitioner.email,
    phone: petitioner.phone,
    address: petitioner.address,
    identityReserved: petitioner.identityReserved === true,
    updatedAt: at,
  };
}

/** The petitioner with the store's data in place of the masks: for the citizen's own mail only. */
export function unmaskPetitioner(petitioner: Petitioner, contact: ContactRecord): Petitioner {
  return {
    ...petitioner,
    name: contact.name,
    idType: contact.idType,
    idNumber: contact.idNumber,
    email: contact.email,
    phone: contact.phone,
    address: contact.address,
  };
}

/** What a case row keeps of an anonymised titular. */
export const ANONYMISED_FIELDS: Readonly<
  Pick<Petitioner, 'name' | 'idType' | 'idNumber' | 'email' | 'phone' | 'address'>
> = { name: ANONYMISED_NAME, idType: '', idNumber: '', email: '', phone: '', address: '' };

/** The masked trace of a (corrected or anonymised) contact, as the case row shows it. */
export function maskedFields(
  contact: ContactRecord,
): Pick<Petitioner, 'name' | 'idType' | 'idNumber' | 'email' | 'phone' | 'address'> {
  if (contact.anonymisedAt) return ANONYMISED_FIELDS;
  if (contact.identityReserved) return { idType: contact.idType, ...reservedTraces(contact) };
  return {
    name: contact.name,
    idType: contact.idType,
    idNumber: maskNumber(contact.idNumber),
    email: maskEmail(contact.email),
    phone: maskNumber(contact.phone),
    address: maskAddress(contact.address),
  };
}

/** The contact after anonymisation: the case keeps its radicado; nothing identifies the titular. */
export function anonymisedContact(contact: ContactRecord, at: string): ContactRecord {
  return {
    radicado: contact.radicado,
    name: '',
    idType: '',
    idNumber: '',
    email: '',
    phone: '',
    address: '',
    identityReserved: contact.identityReserved,
    updatedAt: at,
    anonymisedAt: at,
  };
}

/** Normalised search key: an email in lower case, a document number without dots or spaces. */
export function titularKey(query: string): { kind: 'email' | 'idNumber'; value: string } | null {
  const text = query.trim();
  if (!text) return null;
  if (text.includes('@')) return { kind: 'email', value: text.toLowerCase() };
  const digits = text.replace(/[.\s-]/g, '').toUpperCase();
  return digits.length >= 3 ? { kind: 'idNumber', value: digits } : null;
}

export function matchesTitular(contact: ContactRecord, query: string): boolean {
  const key = titularKey(query);
  if (!key) return false;
  if (key.kind === 'email') return contact.email.trim().toLowerCase() === key.value;
  return contact.idNumber.replace(/[.\s-]/g, '').toUpperCase() === key.value;
}

/** Who may open the data store: the people Configuración names, else the admins of `Dependencias`. */
export function dataStewardsOf(
  settings: { readonly dataStewards: readonly string[] },
  staff: ReadonlyArray<{ readonly email: string; readonly role: string }>,
): string[] {
  return settings.dataStewards.length > 0
    ? settings.dataStewards.map((e) => e.toLowerCase())
    : staff.filter((m) => m.role === 'admin').map((m) => m.email.toLowerCase());
}

/** Replaces every occurrence of a real address in a text (an error MailApp returned) by its mask. */
export function scrubAddress(text: string, address: string, shown = maskEmail(address)): string {
  if (!address) return text;
  return text.split(address).join(shown);
}
