// The one table of user-facing Spanish (es-CO) text for error codes. `{name}` marks a detail.
import type { ErrorCode } from './errors';
import { FORM_QUESTIONS } from './intake/form-definition';

export const MESSAGES: Readonly<Record<ErrorCode, string>> = {
  EXTENSION_EXCEEDS_CAP:
    'La nueva fecha supera el máximo legal de la prórroga (el doble del término inicial): a más tardar {cap}.',
  EXTENSION_AFTER_DUE_DATE:
    'La prórroga debe informarse al peticionario antes del vencimiento del término ({dueDate}).',
  EXTENSION_ALREADY_USED: 'Este caso ya tuvo una prórroga; la ley permite una sola.',
  EXTENSION_REASON_REQUIRED: 'La prórroga debe indicar los motivos de la demora.',
  EXTENSION_DATE_NOT_LATER: 'La nueva fecha debe ser posterior al vencimiento actual ({dueDate}).',
  INFO_REQUEST_LATE:
    'El requerimiento de información se envió después de los 10 días hábiles siguientes a la radicación.',
  INFO_REQUEST_NOT_PENDING: 'No hay un requerimiento de información pendiente en este caso.',
  CLOCK_CLOSED: 'El término de este caso ya está cerrado.',
  CLOCK_SUSPENDED:
    'El término está suspendido mientras el peticionario completa la información (art. 17 CPACA); no se puede prorrogar.',
  INVALID_DATE: 'La fecha no es válida: use el formato AAAA-MM-DD.',
  INVALID_SETTINGS: 'La configuración de la entidad no es válida: {field}.',
  SUBMISSION_EMPTY:
    'La solicitud llegó sin contenido; revísela y contacte al peticionario si es posible.',
  TYPE_MISSING: 'La solicitud no indica su tipo; se radicó como petición de interés general.',
  TYPE_UNKNOWN: 'El tipo "{value}" no se reconoce; se radicó como petición de interés general.',
  // The invalid value is never repeated: alerts reach the Historial, which keeps them forever (Ley 1581).
  EMAIL_INVALID:
    'El correo electrónico que dejó el peticionario no es válido; no se envió el acuse de recibo. Quien tiene acceso a los datos de peticionarios puede consultarlo; comuníquese por otro medio.',
  ID_NUMBER_INVALID: 'El número de documento que dejó el peticionario no parece válido.',
  TEXT_TRUNCATED:
    'El texto de "{field}" supera el límite de una celda; el texto completo quedó en la hoja Textos largos.',
  CONSENT_MISSING: 'El peticionario no marcó la autorización de tratamiento de datos.',
  CONTACT_MISSING: 'La solicitud no trae ningún medio de contacto; la respuesta se publicará.',
  IDENTITY_RESERVE_OTHER_TYPE:
    'El peticionario pidió reserva de identidad en un tipo de solicitud para el que la entidad no la ofrece; se respeta igual. Quien tiene acceso a los datos de peticionarios decide si corresponde.',
  DUPLICATE_RESPONSE: 'Esta respuesta del formulario ya estaba radicada.',
  LOCK_TIMEOUT:
    'Otra operación estaba en curso. Intente de nuevo en unos segundos; si era una solicitud del formulario, quedó en espera y se radicará en la próxima revisión.',
  MAIL_QUOTA_EXHAUSTED:
    'Se agotó la cuota diaria de correo; el mensaje quedó en la bandeja de salida para el próximo envío.',
  MAIL_SEND_FAILED: 'No se pudo enviar el correo: {error}. Se reintentará.',
  MAIL_REFUSED:
    'El correo a {to} fue rechazado ({error}): comuníquese con el peticionario por otro medio.',
  FORM_NOT_CONFIGURED:
    'El formulario de PQRSD no está configurado: use Extensiones > Ventanilla PQRSD > Configurar o reparar.',
  FORM_ITEM_MISSING:
    'Falta la pregunta "{field}" en el formulario: use Configurar o reparar para recrearla.',
  SHEET_MISSING:
    'Falta la hoja "{sheet}": use Extensiones > Ventanilla PQRSD > Configurar o reparar.',
  CASE_NOT_FOUND: 'No se encontró el radicado {radicado}.',
  CASE_NOT_SELECTED:
    'Seleccione en la hoja {sheet} una celda de la fila del caso y vuelva a intentarlo.',
  CASE_TAMPERED:
    'La fila del radicado {radicado} fue modificada a mano en columnas que solo escribe el complemento. Se restaurará desde el Historial en la próxima verificación; mientras tanto no se registran actuaciones sobre el caso.',
  CASE_UNREADABLE:
    'No se pueden leer los eventos del radicado {radicado} (la celda Eventos fue alterada). Se restaurará desde el Historial en la próxima verificación; mientras tanto no se registran actuaciones sobre el caso.',
  HISTORY_WRITE_FAILED:
    'No se pudo escribir el Historial del radicado {radicado}; la actuación no quedó registrada. Intente de nuevo.',
  STALE_CASE:
    'Otra persona actuó sobre el radicado {radicado} mientras usted lo tenía abierto. Vuelva a cargar el caso, revise lo que cambió y repita la actuación si aún procede.',
  DESIST_TOO_EARLY:
    'Aún no se puede declarar el desistimiento: el peticionario tiene plazo para completar la información hasta el {lastDay} (art. 17 CPACA).',
  CASE_STILL_OPEN:
    'Solo se archivan casos respondidos, trasladados, desistidos o anulados; este caso sigue en trámite.',
  ASSIGNEE_UNKNOWN: '{to} no figura en la hoja Dependencias: elija a alguien del personal.',
  ASSIGNEE_ON_LEAVE:
    '{to} está marcado como ausente en la hoja Dependencias: elija a otra persona.',
  ASSIGNEE_UNCHANGED: 'El caso ya está asignado a {to}.',
  NOT_STAFF:
    'Su cuenta no figura en la hoja Dependencias: solo el personal registrado puede actuar sobre los casos.',
  NOT_ALLOWED: 'No puede actuar sobre el radicado {radicado}: {why}',
  ROLE_REQUIRED: 'Esta acción requiere el rol {role} en la hoja Dependencias.',
  UNKNOWN_METHOD: 'Operación desconocida: {method}.',
  INVALID_PAYLOAD: 'Datos inválidos: {field}.',
  INTERNAL_ERROR:
    'Ocurrió un error inesperado. Intente de nuevo; si persiste, avise al administrador.',
  CONTACT_STORE_MISSING:
    'La hoja de datos de peticionarios no existe o no se pudo abrir. Un administrador debe ejecutar Ventanilla PQRSD > Configurar para crearla de nuevo.',
  CONTACT_STORE_DENIED:
    'No tiene acceso a la hoja de datos de peticionarios. Solo las personas nombradas en Configuración ("Personas con acceso a los datos de peticionarios") pueden ver y corregir los datos de los titulares.',
  TITULAR_QUERY_INVALID:
    'Escriba el número de documento o el correo electrónico del titular (al menos 3 caracteres).',
  TITULAR_NOT_FOUND: 'No hay casos con datos de ese titular.',
  CORRECTION_EMPTY: 'No indicó ningún dato para corregir.',
};

/** Spanish names of the fields a message may point at (payload keys and form questions). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  payload: 'los datos enviados',
  radicado: 'radicado',
  kind: 'acción',
  type: 'tipo',
  note: 'nota',
  newDueDate: 'nueva fecha',
  reason: 'motivo',
  toEntity: 'entidad destino',
  summary: 'resumen de la respuesta',
  to: 'persona asignada',
  text: 'texto de la nota',
  query: 'documento o correo del titular',
  fields: 'datos a corregir',
  'titular.name': 'nombre del titular',
  'titular.idType': 'tipo de documento del titular',
  'titular.idNumber': 'número de documento del titular',
  'titular.email': 'correo electrónico del titular',
  'titular.phone': 'teléfono del titular',
  'titular.address': 'dirección del titular',
  email: 'correo de la entidad destino',
  legalBasis: 'fundamento legal de la reserva',
  accessDenied: 'negación de acceso',
  version: 'versión del caso',
  requestId: 'identificador de la solicitud',
  channel: 'canal',
};

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? FORM_QUESTIONS.find((q) => q.code === field)?.title ?? field;
}

/** Renders the Spanish message of a code, filling `{name}` placeholders from details. */
export function formatMessage(
  code: ErrorCode,
  details: Readonly<Record<string, string | number>> = {},
): string {
  return MESSAGES[code].replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in details)) return whole;
    return key === 'field' ? fieldLabel(String(details[key])) : String(details[key]);
  });
}
