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
