// The legal terms to answer each request type, in business days counted from the day after the
// effective receipt date, with the legal basis of each row (see the reference, §1).
import type { RequestTypeCode } from '../request-types';

export interface LegalTerm {
  /** Business days (días hábiles). */
  readonly days: number;
  /** The rule that sets the term, in Spanish, as it is cited to the petitioner or an auditor. */
  readonly basis: string;
}

/** Terms come from the law only: frozen, so nothing at run time can change one. */
function deepFreeze<T extends Record<string, LegalTerm>>(terms: T): Readonly<T> {
  for (const term of Object.values(terms)) Object.freeze(term);
  return Object.freeze(terms);
}

const GENERAL_TERM_BASIS = 'CPACA art. 14, inciso 1 (sustituido por la Ley 1755 de 2015)';

/**
 * Terms by request type. Quejas, reclamos, sugerencias, denuncias and felicitaciones are not named
 * by Ley 1755 de 2015; entities apply the general 15-day term to them (reference §9, item 7).
 */
export const LEGAL_TERMS: Readonly<Record<RequestTypeCode, LegalTerm>> = deepFreeze({
  peticion_general: { days: 15, basis: GENERAL_TERM_BASIS },
  peticion_particular: { days: 15, basis: GENERAL_TERM_BASIS },
  peticion_documentos: { days: 10, basis: 'CPACA art. 14, num. 1 (Ley 1755 de 2015)' },
  consulta: { days: 30, basis: 'CPACA art. 14, num. 2 (Ley 1755 de 2015)' },
  queja: { days: 15, basis: 'CPACA art. 14 (término general)' },
  reclamo: { days: 15, basis: 'CPACA art. 14 (término general)' },
  sugerencia: { days: 15, basis: 'CPACA art. 14 (término general, práctica de las entidades)' },
  denuncia: {
    days: 15,
    basis:
      'CPACA art. 14 (término general para responder al denunciante; Ley 962 de 2005, art. 81)',
  },
  felicitacion: {
    days: 15,
    basis:
      'Práctica de las entidades: no es petición en sentido legal; se aplica el término general',
  },
  peticion_autoridad: { days: 10, basis: 'CPACA art. 30 (Ley 1755 de 2015)' },
  peticion_congresista: { days: 5, basis: 'Ley 5 de 1992, art. 258' },
});

/** Forwarding a petition to the competent authority (traslado por falta de competencia). */
export const TRANSFER_TERM: LegalTerm = Object.freeze({
  days: 5,
  basis: 'CPACA art. 21 (Ley 1755 de 2015)',
});

/** The entity asks for missing information within 10 business days of radicación. */
export const INFO_REQUEST_TERM: LegalTerm = Object.freeze({
  days: 10,
  basis: 'CPACA art. 17 (Ley 1755 de 2015)',
});

/** The petitioner has one calendar month to complete the petition, extendable once by a month. */
export const INFO_ANSWER_MONTHS = 1;

/**
 * The legal term of a request type in business days (CPACA art. 14 and special laws).
 * Example: termDaysFor('consulta') → 30; termDaysFor('peticion_congresista') → 5.
 */
export function termDaysFor(type: RequestTypeCode): number {
  return LEGAL_TERMS[type].days;
}
