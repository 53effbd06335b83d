// The tracking spreadsheet's sheets and Spanish headers. Columns are found by header, so an admin
// may reorder them; setup repairs missing ones.

export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  /** Written only by the add-on: protected (warning only) and shaded. */
  readonly system: boolean;
  readonly format?: string;
  readonly width?: number;
  readonly hidden?: boolean;
}

export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly hidden?: boolean;
}

const sys = (key: string, header: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  header,
  system: true,
  ...extra,
});
const free = (key: string, header: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  header,
  system: false,
  ...extra,
});

export const TEXT = '@';
export const DATE = 'dd/mm/yyyy';
export const DATE_TIME = 'dd/mm/yyyy hh:mm:ss';

export const CASES_SHEET: SheetSpec = {
  name: 'Radicados',
  // What a clerk works from comes first (visible at 1366 px without scrolling); the rest after.
  columns: [
    sys('radicado', 'Radicado', { width: 150 }),
    sys('dueDate', 'Vence', { format: DATE, width: 90 }),
    sys('businessDaysLeft', 'Días hábiles restantes', { format: '0', width: 170 }),
    sys('semaphore', 'Semáforo', { width: 100 }),
    sys('status', 'Estado', { width: 150 }),
    sys('assigneeName', 'A cargo de', { width: 180 }),
    sys('dependency', 'Dependencia', { width: 190 }),
    sys('type', 'Tipo', { width: 170 }),
    sys('subject', 'Asunto', { width: 260 }),
    sys('name', 'Peticionario', { width: 200 }),
    sys('receivedAt', 'Fecha y hora de radicación', { format: DATE_TIME, width: 180 }),
    sys('channel', 'Canal', { width: 120 }),
    sys('declaredType', 'Tipo declarado', { width: 170 }),
    sys('description', 'Descripción', { width: 320 }),
    sys('anonymous', 'Anónimo', { width: 80 }),
    sys('identityReserved', 'Reserva de identidad', { width: 150 }),
    sys('applicantKind', 'Tipo de solicitante', { width: 150 }),
    sys('idType', 'Tipo de documento', { width: 150 }),
    sys('idNumber', 'Número de documento', { width: 160 }),
    sys('email', 'Correo electrónico', { width: 200 }),
    sys('phone', 'Teléfono', { width: 110 }),
    sys('address', 'Dirección', { width: 110 }),
    sys('municipality', 'Municipio', { width: 130 }),
    sys('preferredChannel', 'Medio de respuesta', { width: 160 }),
    sys('acceptsEmail', 'Acepta notificación electrónica', { width: 220 }),
    sys('priority', 'Atención prioritaria', { width: 160 }),
    sys('differentialGroup', 'Enfoque diferencial', { width: 160 }),
    sys('consent', 'Autorización de datos', { width: 170 }),
    sys('assignee', 'Responsable', { width: 220 }),
    sys('effectiveReceiptDate', 'Fecha efectiva de recibo', { format: DATE, width: 180 }),
    sys('extendedTo', 'Prórroga hasta', { format: DATE, width: 120 }),
    sys('answeredAt', 'Fecha de respuesta', { format: DATE_TIME, width: 160 }),
    sys('alerts', 'Alertas', { width: 260 }),
    sys('responseId', 'ID de respuesta del formulario', { hidden: true }),
    sys('tokenHash', 'Huella del enlace de seguimiento', { hidden: true }),
    sys('events', 'Eventos', { hidden: true }),
    sys('chainHead', 'Cadena del historial', { hidden: true }),
    sys('seal', 'Sello', { hidden: true }),
    // The clerks' column comes after every system column, so one write covers a case's system
    // cells without touching a note or an admin's formula.
    free('notes', 'Observaciones', { width: 260 }),
  ],
};

export const HISTORY_SHEET: SheetSpec = {
  name: 'Historial',
  columns: [
    sys('at', 'Fecha y hora', { format: DATE_TIME }),
    sys('by', 'Quién'),
    sys('radicado', 'Radicado'),
    sys('event', 'Evento'),
    sys('details', 'Detalle', { width: 420 }),
    sys('prev', 'Huella anterior', { hidden: true }),
    sys('hash', 'Huella', { hidden: true }),
    sys('after', 'Estado registrado', { hidden: true }),
  ],
};

export const OUTBOX_SHEET: SheetSpec = {
  name: 'Bandeja de salida',
  columns: [
    sys('key', 'Clave'),
    sys('radicado', 'Radicado'),
    sys('kind', 'Tipo'),
    sys('to', 'Destinatario'),
    sys('subject', 'Asunto'),
    sys('status', 'Estado'),
    sys('attempts', 'Intentos', { format: '0' }),
    sys('createdAt', 'Creado', { format: DATE_TIME }),
    sys('sentAt', 'Enviado', { format: DATE_TIME }),
    sys('lastError', 'Último error'),
  ],
};

export const LONG_TEXT_SHEET: SheetSpec = {
  name: 'Textos largos',
  hidden: true,
  columns: [
    sys('radicado', 'Radicado'),
    sys('field', 'Campo'),
    sys('part', 'Parte', { format: '0' }),
    sys('text', 'Texto'),
  ],
};

export const SETTINGS_SHEET: SheetSpec = {
  name: 'Configuración',
  columns: [
    free('key', 'Parámetro', { width: 260 }),
    free('value', 'Valor', { width: 260, format: TEXT }),
    free('help', 'Ayuda', { width: 420 }),
  ],
};

export const STAFF_SHEET: SheetSpec = {
  name: 'Dependencias',
  columns: [
    free('email', 'Correo', { width: 220 }),
    free('name', 'Nombre', { width: 200 }),
    free('dependency', 'Dependencia', { width: 220 }),
    free('role', 'Rol'),
    free('onLeave', 'Ausente'),
  ],
};

export const ROUTING_SHEET: SheetSpec = {
  name: 'Enrutamiento',
  columns: [
    free('type', 'Tipo'),
    free('keywords', 'Palabras clave', { width: 260 }),
    free('declaredDependency', 'Dependencia indicada'),
    free('dependency', 'Dependencia destino', { width: 220 }),
    free('strategy', 'Estrategia'),
    free('assignee', 'Responsable fijo'),
  ],
};

export const CLOSED_DAYS_SHEET: SheetSpec = {
  name: 'Días no hábiles',
  columns: [
    free('date', 'Fecha', { format: TEXT }),
    free('kind', 'Tipo'),
    free('reason', 'Motivo', { width: 320 }),
  ],
};

/** One row per kind of mail: its subject and body with `{{placeholders}}` (see templates.ts). */
export const TEMPLATES_SHEET: SheetSpec = {
  name: 'Plantillas',
  columns: [
    free('kind', 'Tipo de correo', { width: 260 }),
    free('subject', 'Asunto', { width: 320 }),
    free('body', 'Cuerpo', { width: 520 }),
    free('placeholders', 'Marcadores disponibles', { width: 320 }),
  ],
};

/**
 * The data store's one sheet, in its own spreadsheet (not in ALL_SHEETS): the petitioner's data
 * the tracking sheet only shows masked (Ley 1581). One row per case, found by radicado.
 */
export const CONTACTS_SHEET: SheetSpec = {
  name: 'Peticionarios',
  columns: [
    sys('radicado', 'Radicado', { width: 150 }),
    sys('name', 'Nombre', { width: 220 }),
    sys('idType', 'Tipo de documento'),
    sys('idNumber', 'Número de documento'),
    sys('email', 'Correo electrónico', { width: 220 }),
    sys('phone', 'Teléfono'),
    sys('address', 'Dirección', { width: 260 }),
    sys('identityReserved', 'Reserva de identidad'),
    sys('updatedAt', 'Actualizado', { format: DATE_TIME }),
    sys('anonymisedAt', 'Anonimizado', { format: DATE_TIME }),
  ],
};

export const ALL_SHEETS: readonly SheetSpec[] = [
  CASES_SHEET,
  HISTORY_SHEET,
  OUTBOX_SHEET,
  LONG_TEXT_SHEET,
  SETTINGS_SHEET,
  STAFF_SHEET,
  ROUTING_SHEET,
  CLOSED_DAYS_SHEET,
  TEMPLATES_SHEET,
];
