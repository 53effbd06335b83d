// Outgoing mail as data: planned in core, queued in the outbox, sent by an adapter within quota.

export const MAIL_KINDS = [
  'acuse',
  'asignacion',
  'solicitud_informacion',
  'prorroga',
  'traslado',
  'traslado_entidad',
  'respuesta',
  'desistimiento',
  'recordatorio',
  'vencido',
  'resumen_diario',
  'resumen_semanal',
  'notificacion',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface OutboundMail {
  /** Idempotency key: the same key is never queued or sent twice. */
  readonly key: string;
  readonly radicado: string;
  readonly kind: MailKind;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

/**
 * Mail that needs the petitioner's data from the data store when it is sent: what goes to the
 * citizen (queued with a masked address) and the forwarding letter of a transfer, which carries
 * their contact to the competent entity (CPACA art. 21). Only executions that may open the store
 * (the owner's, a data steward's) send it; others leave it queued.
 */
export const CONTACT_MAIL_KINDS: ReadonlySet<MailKind> = new Set<MailKind>([
  'acuse',
  'solicitud_informacion',
  'prorroga',
  'traslado',
  'traslado_entidad',
  'respuesta',
  'desistimiento',
]);
