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
  asignacion: 'Asignación en la mesa de casos',
  reasignado: 'Reasignación',
  desistimiento: 'Desistimiento tácito',
  archivado: 'Archivo',
  nota: 'Nota',
  configuracion: 'Configuración',
  numero_no_utilizado: 'Número no utilizado',
  estado_reconstruido: 'Estado interno reconstruido',
  integridad: 'Verificación de integridad',
  restaurado: 'Restauración desde el Historial',
  correo_rechazado: 'Correo rechazado',
  reserva_identidad: 'Reserva de identidad',
  datos_corregidos: 'Corrección de datos del titular',
  datos_anonimizados: 'Anonimización de datos del titular',
  datos_exportados: 'Consulta de datos del titular',
};

export function eventLabel(event: string): string {
  return EVENT_LABELS[event] ?? event;
}

/** The event code of a Historial label (or the text itself when it is no known label). */
export function eventOfLabel(label: string): string {
  for (const [code, text] of Object.entries(EVENT_LABELS)) if (text === label) return code;
  return label;
}
