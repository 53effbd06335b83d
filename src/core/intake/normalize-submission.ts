// Turns raw form answers into a submission intake can radicate. Nothing here refuses a filing:
// a petition exists from the moment it is received (CPACA art. 15), so problems become alerts.
import type { ErrorCode } from '../errors';
import { parseRequestType, type RequestTypeCode } from '../request-types';
import type { Petitioner } from '../cases/case-record';
import type { FieldCode } from './form-definition';
import { questionFor, YES } from './form-definition';
import { CELL_TEXT_LIMIT, normalizeText, splitForCells } from './normalize-text';

export type RawAnswers = Partial<Record<FieldCode, string | readonly string[]>>;

export interface SubmissionAlert {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, string>>;
}

export interface LongText {
  readonly field: FieldCode;
  readonly chunks: readonly string[];
}

export interface NormalizedSubmission {
  readonly declaredType: RequestTypeCode | null;
  readonly type: RequestTypeCode;
  readonly subject: string;
  readonly description: string;
  readonly petitioner: Petitioner;
  readonly declaredDependency: string;
  readonly priority: string;
  readonly differentialGroup: string;
  readonly consent: boolean;
  readonly alerts: readonly SubmissionAlert[];
  /** Full texts longer than a cell; the cell keeps the first chunk. */
  readonly longTexts: readonly LongText[];
  /** True when the email is syntactically valid and may receive the acknowledgement. */
  readonly emailDeliverable: boolean;
}

/** Field limits well under the cell limit, so a sheet row stays readable. */
const FIELD_LIMITS: Partial<Record<FieldCode, number>> = {
  name: 300,
  idNumber: 30,
  email: 254,
  phone: 60,
  address: 300,
  municipality: 120,
  subject: 500,
  description: CELL_TEXT_LIMIT,
};

const CONTACT_FIELDS: ReadonlySet<FieldCode> = new Set<FieldCode>([
  'idNumber',
  'email',
  'phone',
  'address',
]);

// A pragmatic subset of RFC 5322: one @, a dotted domain, no spaces.
const EMAIL_PATTERN =
  /^[^\s@"<>()\[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const ID_NUMBER_PATTERN = /^[A-Za-z0-9.\- ]{3,30}$/;

export function isValidEmail(text: string): boolean {
  return text.length <= 254 && EMAIL_PATTERN.test(text);
}

export interface NormalizeOptions {
  /** The types the entity offers reserva de identidad for (a request on another type is kept, flagged). */
  readonly identityReserveTypes?: readonly RequestTypeCode[];
}

export function normalizeSubmission(
  raw: RawAnswers,
  options: NormalizeOptions = {},
): NormalizedSubmission {
  const alerts: SubmissionAlert[] = [];
  const longTexts: LongText[] = [];
  const field = (code: FieldCode): string => {
    const text = normalizeText(raw[code]);
    const limit = FIELD_LIMITS[code];
    // Contact data goes whole to the data store and shows masked: never to `Textos largos`,
    // which every editor reads (Ley 1581).
    if (CONTACT_FIELDS.has(code)) return text.slice(0, CELL_TEXT_LIMIT);
    if (limit !== undefined && text.length > limit) {
      longTexts.push({ field: code, chunks: splitForCells(text) });
      alerts.push({ code: 'TEXT_TRUNCATED', details: { field: questionFor(code).title } });
      return splitForCells(text, limit)[0];
    }
    return text;
  };

  const typeText = field('type');
  const declaredType = typeText ? parseRequestType(typeText) : null;
  if (!typeText) alerts.push({ code: 'TYPE_MISSING', details: {} });
  else if (!declaredType) alerts.push({ code: 'TYPE_UNKNOWN', details: { value: typeText } });

  const anonymous = field('anonymous') === YES;
  const email = field('email').toLowerCase();
  const emailDeliverable = email !== '' && isValidEmail(email);
  // The invalid value itself never goes into an alert: alerts reach the Historial (Ley 1581).
  if (email && !emailDeliverable) alerts.push({ code: 'EMAIL_INVALID', details: {} });

  const idNumber = anonymous ? '' : field('idNumber');
  if (idNumber && !ID_NUMBER_PATTERN.test(idNumber)) {
    alerts.push({ code: 'ID_NUMBER_INVALID', details: {} });
  }

  const petitioner: Petitioner = {
    anonymous,
    applicantKind: anonymous ? '' : field('applicantKind'),
    name: anonymous ? '' : field('name'),
    idType: anonymous ? '' : field('idType'),
    idNumber,
    email,
    phone: field('phone'),
    address: anonymous ? '' : field('address'),
    municipality: anonymous ? '' : field('municipality'),
    preferredChannel: field('preferredChannel'),
    acceptsEmailNotification: field('acceptsEmailNotification') === YES,
    // Asked of named petitioners only: an anonymous filing has no identity to reserve.
    ...(!anonymous && field('identityReserved') === YES ? { identityReserved: true } : {}),
  };
  const reserveTypes = options.identityReserveTypes ?? ['denuncia'];
  if (petitioner.identityReserved && !reserveTypes.includes(declaredType ?? 'peticion_general'))
    // Honoured all the same: a petitioner who asked is never exposed because of the type chosen.
    alerts.push({ code: 'IDENTITY_RESERVE_OTHER_TYPE', details: {} });
  if (!petitioner.email && !petitioner.phone && !petitioner.address) {
    alerts.push({ code: 'CONTACT_MISSING', details: {} });
  }

  const subject = field('subject');
  const description = field('description');
  if (!subject && !description) alerts.push({ code: 'SUBMISSION_EMPTY', details: {} });

  const consent = field('consent') !== '';
  if (!consent) alerts.push({ code: 'CONSENT_MISSING', details: {} });

  return {
    declaredType,
    type: declaredType ?? 'peticion_general',
    subject,
    description,
    petitioner,
    declaredDependency: field('dependency'),
    priority: field('priority'),
    differentialGroup: field('differentialGroup'),
    consent,
    alerts,
    longTexts,
    emailDeliverable,
  };
}
