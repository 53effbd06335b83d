// Entity settings as the admin writes them in the `Configuración` sheet, with lawful defaults.
import { REQUEST_TYPE_LABELS, type RequestTypeCode } from './request-types';

export type NonBusinessDayFiling = 'next_business_day' | 'actual_day';
export type ExtensionRule = 'total' | 'additional';
/**
 * Who may edit the spreadsheet. `editors`: clerks edit it and act from the sidebar; the add-on
 * detects and repairs hand edits. `strict`: clerks only view it (so they cannot reach the bound
 * script) and act through the entity's web app, which runs as the owner.
 */
export type TrustMode = 'editors' | 'strict';

export interface EntitySettings {
  readonly name: string;
  readonly daneCode: string;
  /** Prefix radicados with the DANE code (`05001-2026-000123`). */
  readonly radicadoPrefix: boolean;
  readonly worksSaturdays: boolean;
  /** Extra closed days decreed by the entity, `YYYY-MM-DD`. */
  readonly closedDays: readonly string[];
  /** `HH:MM` in America/Bogota; filings after it count from the next day. */
  readonly officeHoursCutoff: string | null;
  readonly nonBusinessDayFiling: NonBusinessDayFiling;
  readonly extensionRule: ExtensionRule;
  readonly defaultDependency: string;
  readonly supervisorEmails: readonly string[];
  /** Business days before the due date on which the assignee is reminded. */
  readonly reminderOffsets: readonly number[];
  /** Public URL of the citizen follow-up web app, when deployed. */
  readonly followUpUrl: string;
  readonly trustMode: TrustMode;
  /** The entity's PQRSD mailbox: citizens' replies go there ('' : to the sender). */
  readonly replyTo: string;
  /** When staff mail may leave (reminders, overdue notices, digests), `HH:MM` Bogotá, on business days. */
  readonly staffMailFrom: string;
  readonly staffMailUntil: string;
  /** Send each person's daily digest and the supervisors' weekly one. */
  readonly digests: boolean;
  /** The privacy notice of the form (Ley 1581 de 2012, art. 12; Decreto 1377 de 2013, art. 15). */
  readonly dataController: string;
  readonly controllerNit: string;
  readonly dataRequestsEmail: string;
  readonly privacyPolicyUrl: string;
  /** Who may open the data store besides the owner ([] : the admins of `Dependencias`). */
  readonly dataStewards: readonly string[];
  /** The data store (*datos de peticionarios*), written by setup; '' until it exists. */
  readonly contactStoreUrl: string;
  /** Request types the form offers reserva de identidad for. */
  readonly identityReserveTypes: readonly RequestTypeCode[];
  /** What every citizen mail ends with: where and when the entity attends. */
  readonly address: string;
  readonly phone: string;
  readonly attentionHours: string;
}

export const DEFAULT_SETTINGS: EntitySettings = {
  name: 'Entidad sin nombre',
  daneCode: '',
  radicadoPrefix: false,
  worksSaturdays: false,
  closedDays: [],
  officeHoursCutoff: null,
  nonBusinessDayFiling: 'next_business_day',
  extensionRule: 'total',
  defaultDependency: 'Ventanilla Única',
  supervisorEmails: [],
  reminderOffsets: [3, 1],
  followUpUrl: '',
  trustMode: 'editors',
  replyTo: '',
  staffMailFrom: '07:00',
  staffMailUntil: '18:00',
  digests: true,
  dataController: '',
  controllerNit: '',
  dataRequestsEmail: '',
  privacyPolicyUrl: '',
  dataStewards: [],
  contactStoreUrl: '',
  identityReserveTypes: ['denuncia'],
  address: '',
  phone: '',
  attentionHours: '',
};

/**
 * The form's privacy notice: who controls the data, what for, the titular's rights and where to
 * exercise them (Ley 1581 de 2012, arts. 8 and 12; Decreto 1377 de 2013). Settings left empty leave
 * their clause out; the entity's name stands for the controller by default.
 */
export function privacyNotice(settings: EntitySettings): string {
  const controller = settings.dataController || settings.name;
  const parts = [
    `Responsable del tratamiento: ${controller}${settings.controllerNit ? `, NIT ${settings.controllerNit}` : ''}${settings.address ? `, ${settings.address}` : ''}.`,
    'Finalidad: tramitar su petición, queja, reclamo, sugerencia o denuncia y comunicarle las respuestas (Ley 1755 de 2015).',
    `Sus derechos: conocer, actualizar, rectificar y suprimir sus datos y revocar esta autorización (Ley 1581 de 2012, art. 8)${settings.dataRequestsEmail ? `, escribiendo a ${settings.dataRequestsEmail}` : ', ante la entidad'}.`,
    settings.privacyPolicyUrl
      ? `Política de tratamiento de datos: ${settings.privacyPolicyUrl}`
      : '',
  ];
  return parts.filter((p) => p !== '').join(' ');
}

/** The reserva question's help: what it does and for which types the entity offers it. */
export function identityReserveHelp(settings: EntitySettings): string {
  const types = settings.identityReserveTypes.map((t) => REQUEST_TYPE_LABELS[t]).join(', ');
  return `Solo para: ${types || REQUEST_TYPE_LABELS.denuncia}. Si teme represalias, su nombre y sus datos solo los verán las personas a cargo de los datos personales de la entidad, no los funcionarios que tramitan el caso. Igual recibirá las comunicaciones y la respuesta.`;
}
