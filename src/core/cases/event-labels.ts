// How each audit event reads in the Historial sheet (Spanish, for clerks and control interno).

export const EVENT_LABELS: Readonly<Record<string, string>> = {
  radicado: 'Radicación',
  asignado: 'Asignación',
  alerta: 'Alerta',
  reclasificado: 'Reclasificación',
  requerimiento: 'Requerimiento de información',
  prorroga_requerimiento: 'Prórroga del requerimiento',
  informacion_recibida: 'Información recibida',
  prorroga: 'Prórroga',
  traslado: 'Traslado por competencia',
  respuesta: 'Respuesta',
  anulado: 'Anulación',
  configuracion: 'Configuración',
  numero_no_utilizado: 'Número no utilizado',
};

export function eventLabel(event: string): string {
  return EVENT_LABELS[event] ?? event;
}
