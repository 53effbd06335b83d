// The `Configuración` sheet, one labelled row per setting, and how each value is read.
import { parseRequestType, REQUEST_TYPE_LABELS, type RequestTypeCode } from '../core/request-types';
import { DEFAULT_SETTINGS, type EntitySettings } from '../core/settings';
import { isDateValue, readBoolean, readText, yesNo } from './cell-values';

export interface SettingRow {
  readonly key: keyof EntitySettings;
  readonly label: string;
  readonly help: string;
  readonly choices?: readonly string[];
  /** The default as the admin sees it in the sheet. */
  readonly shown: string;
}

const FILING_LABELS = {
  next_business_day: 'Siguiente día hábil',
  actual_day: 'Día real de recibo',
} as const;
export const TRUST_MODE_LABELS = {
  editors: 'Editores: los funcionarios editan la hoja',
  strict: 'Estricto: los funcionarios solo ven la hoja',
} as const;
const EXTENSION_LABELS = {
  total: 'Total: máximo el doble del término',
  additional: 'Adicional: la prórroga hasta el doble',
} as const;

export const SETTING_ROWS: readonly SettingRow[] = [
  {
    key: 'name',
    label: 'Nombre de la entidad',
    help: 'Aparece en los correos a los ciudadanos.',
    shown: '',
  },
  {
    key: 'daneCode',
    label: 'Código DANE',
    help: 'Código DIVIPOLA de la entidad, p. ej. 05001.',
    shown: '',
  },
  {
    key: 'radicadoPrefix',
    label: 'Anteponer el código DANE al radicado',
    help: 'Sí: 05001-2026-000123. No: 2026-000123.',
    choices: ['Sí', 'No'],
    shown: 'No',
  },
  {
    key: 'worksSaturdays',
    label: 'La entidad atiende los sábados',
    help: 'Si es Sí, los sábados cuentan como días hábiles.',
    choices: ['Sí', 'No'],
    shown: 'No',
  },
  {
    key: 'officeHoursCutoff',
    label: 'Hora de cierre de la radicación (HH:MM)',
    help: 'Opcional. Lo recibido después cuenta desde el día siguiente. Vacío: sin hora de corte.',
    shown: '',
  },
  {
    key: 'nonBusinessDayFiling',
    label: 'Solicitudes recibidas en día no hábil',
    help: 'Siguiente día hábil: se entienden recibidas ese día (Consejo de Estado, Exp. 27219 de 2024). Día real: el término cuenta desde el siguiente día hábil.',
    choices: Object.values(FILING_LABELS),
    shown: FILING_LABELS.next_business_day,
  },
  {
    key: 'extensionRule',
    label: 'Lectura del límite de la prórroga (Ley 1755 art. 14 par.)',
    help: 'Confírmela con la oficina jurídica.',
    choices: Object.values(EXTENSION_LABELS),
    shown: EXTENSION_LABELS.total,
  },
  {
    key: 'defaultDependency',
    label: 'Dependencia por defecto',
    help: 'Recibe lo que ninguna regla de enrutamiento asigna.',
    shown: DEFAULT_SETTINGS.defaultDependency,
  },
  {
    key: 'supervisorEmails',
    label: 'Correos de supervisión',
    help: 'Separados por comas; reciben los escalamientos.',
    shown: '',
  },
  {
    key: 'reminderOffsets',
    label: 'Recordar antes del vencimiento (días hábiles)',
    help: 'Separados por comas, p. ej. 3, 1.',
    shown: DEFAULT_SETTINGS.reminderOffsets.join(', '),
  },
  {
    key: 'followUpUrl',
    label: 'Dirección de la página de seguimiento',
    help: 'URL de la aplicación web publicada (Implementar > Aplicación web).',
    shown: '',
  },
  {
    key: 'replyTo',
    label: 'Buzón de PQRSD (responder a)',
    help: 'Correo institucional al que llegan las respuestas de los ciudadanos a los avisos.',
    shown: '',
  },
  {
    key: 'staffMailFrom',
    label: 'Correo al personal desde (HH:MM)',
    help: 'Recordatorios, vencimientos y resúmenes salen solo en días hábiles, entre esta hora y la siguiente.',
    shown: DEFAULT_SETTINGS.staffMailFrom,
  },
  {
    key: 'staffMailUntil',
    label: 'Correo al personal hasta (HH:MM)',
    help: 'Los avisos legales a los ciudadanos salen a cualquier hora.',
    shown: DEFAULT_SETTINGS.staffMailUntil,
  },
  {
    key: 'digests',
    label: 'Enviar resúmenes diarios y semanales',
    help: 'Sí: cada funcionario recibe cada día hábil la lista de sus casos abiertos y los supervisores un resumen semanal.',
    choices: ['Sí', 'No'],
    shown: 'Sí',
  },
  {
    key: 'dataController',
    label: 'Responsable del tratamiento de datos',
    help: 'Aviso de privacidad del formulario (Ley 1581 de 2012). Vacío: el nombre de la entidad.',
    shown: '',
  },
  {
    key: 'controllerNit',
    label: 'NIT del responsable',
    help: 'Aparece en el aviso de privacidad del formulario.',
    shown: '',
  },
  {
    key: 'dataRequestsEmail',
    label: 'Correo para solicitudes sobre datos personales',
    help: 'Donde los titulares piden conocer, actualizar, rectificar o suprimir sus datos.',
    shown: '',
  },
  {
    key: 'privacyPolicyUrl',
    label: 'Enlace a la política de tratamiento de datos',
    help: 'URL pública de la política de la entidad.',
    shown: '',
  },
  {
    key: 'dataStewards',
    label: 'Personas con acceso a los datos de peticionarios',
    help: 'Correos separados por comas. Solo ellas (y el propietario) abren la hoja de datos de peticionarios: documento, correo, teléfono, dirección y los nombres con reserva de identidad. Vacío: los administradores de Dependencias.',
    shown: '',
  },
  {
    key: 'contactStoreUrl',
    label: 'Hoja de datos de peticionarios',
    help: 'La crea la configuración inicial (propiedad del propietario). No la borre: sin ella no se pueden enviar correos a los ciudadanos. Vacío: la configuración crea una nueva.',
    shown: '',
  },
  {
    key: 'identityReserveTypes',
    label: 'Tipos con reserva de identidad',
    help: 'Tipos de solicitud para los que el formulario ofrece reserva de identidad, separados por comas. Una reserva pedida en otro tipo se respeta igual y se marca en Alertas.',
    shown: 'Denuncia',
  },
  {
    key: 'address',
    label: 'Dirección de atención',
    help: 'Aparece al final de cada correo a los ciudadanos.',
    shown: '',
  },
  {
    key: 'phone',
    label: 'Teléfono de atención',
    help: 'Aparece al final de cada correo a los ciudadanos.',
    shown: '',
  },
  {
    key: 'attentionHours',
    label: 'Horario de atención',
    help: 'P. ej. lunes a viernes de 8:00 a. m. a 12:00 m. y de 2:00 a 5:00 p. m.',
    shown: '',
  },
  {
    key: 'trustMode',
    label: 'Modo de trabajo',
    help: 'Editores: para oficinas pequeñas; el complemento detecta y repara las ediciones a mano. Estricto: comparta la hoja con los funcionarios solo como lectores; toda la hoja queda protegida para el propietario y los administradores. Vea el modelo de confianza en el manual.',
    choices: Object.values(TRUST_MODE_LABELS),
    shown: TRUST_MODE_LABELS.editors,
  },
];

function list(value: unknown): string[] {
  return readText(value)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The types named in the setting; unknown names are reported, and an empty list keeps the default. */
function reserveTypes(value: unknown, warnings: string[]): RequestTypeCode[] {
  const types: RequestTypeCode[] = [];
  for (const name of list(value)) {
    const type = parseRequestType(name);
    if (type) types.push(type);
    else
      warnings.push(
        `"${name}" no es un tipo de solicitud; no se ofrece reserva de identidad para él.`,
      );
  }
  return types.length > 0 ? types : [...DEFAULT_SETTINGS.identityReserveTypes];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * What Sheets may have made of a typed value: the Valor column is plain text, but a sheet set up
 * by hand or before that format may hold numbers and times. A DANE code typed as 05001 becomes
 * the number 5001; "17:00" becomes a time (a Date whose local hours are the script's zone, the
 * same America/Bogota zone as the spreadsheet). A quote prefix typed into a plain-text cell stays.
 */
export function settingCell(key: keyof EntitySettings, value: unknown): unknown {
  if (isDateValue(value))
    return key === 'officeHoursCutoff' || key === 'staffMailFrom' || key === 'staffMailUntil'
      ? `${pad2(value.getHours())}:${pad2(value.getMinutes())}`
      : value;
  if (typeof value === 'number' && key === 'daneCode') return String(value).padStart(5, '0');
  if (typeof value === 'string') return value.replace(/^'/, '');
  return value;
}

/** Reads settings from `label -> cell value`, falling back to defaults; reports what it could not read. */
export function readSettings(values: ReadonlyMap<string, unknown>): {
  settings: EntitySettings;
  warnings: string[];
} {
  const warnings: string[] = [];
  const get = (key: keyof EntitySettings): unknown => {
    const row = SETTING_ROWS.find((r) => r.key === key);
    return row ? settingCell(key, values.get(row.label.toLowerCase())) : undefined;
  };
  const has = (key: keyof EntitySettings): boolean => readText(get(key)).trim() !== '';
  const cutoff = readText(get('officeHoursCutoff')).trim();
  if (cutoff && !/^([01]\d|2[0-3]):[0-5]\d$/.test(cutoff))
    warnings.push(`La hora de cierre "${cutoff}" no tiene el formato HH:MM; se ignora.`);
  const hour = (key: 'staffMailFrom' | 'staffMailUntil', label: string): string => {
    const text = readText(get(key)).trim();
    if (!text) return DEFAULT_SETTINGS[key];
    if (/^([01]\d|2[0-3]):[0-5]\d$/.test(text)) return text;
    warnings.push(
      `La hora "${text}" de "${label}" no tiene el formato HH:MM; se usa ${DEFAULT_SETTINGS[key]}.`,
    );
    return DEFAULT_SETTINGS[key];
  };
  const replyTo = readText(get('replyTo')).trim();
  if (replyTo && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(replyTo))
    warnings.push(`El buzón de PQRSD "${replyTo}" no es un correo válido; se ignora.`);
  const filing = readText(get('nonBusinessDayFiling'));
  const extension = readText(get('extensionRule'));
  const offsets = list(get('reminderOffsets'))
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
  const settings: EntitySettings = {
    name: has('name') ? readText(get('name')).trim() : DEFAULT_SETTINGS.name,
    daneCode: readText(get('daneCode')).trim(),
    radicadoPrefix: has('radicadoPrefix')
      ? readBoolean(get('radicadoPrefix'))
      : DEFAULT_SETTINGS.radicadoPrefix,
    worksSaturdays: has('worksSaturdays')
      ? readBoolean(get('worksSaturdays'))
      : DEFAULT_SETTINGS.worksSaturdays,
    closedDays: [],
    officeHoursCutoff: cutoff && /^([01]\d|2[0-3]):[0-5]\d$/.test(cutoff) ? cutoff : null,
    nonBusinessDayFiling:
      filing === FILING_LABELS.actual_day || filing === 'actual_day'
        ? 'actual_day'
        : 'next_business_day',
    extensionRule:
      extension === EXTENSION_LABELS.additional || extension === 'additional'
        ? 'additional'
        : 'total',
    defaultDependency: has('defaultDependency')
      ? readText(get('defaultDependency')).trim()
      : DEFAULT_SETTINGS.defaultDependency,
    supervisorEmails: list(get('supervisorEmails')),
    reminderOffsets: offsets.length > 0 ? offsets : DEFAULT_SETTINGS.reminderOffsets,
    followUpUrl: readText(get('followUpUrl')).trim(),
    trustMode:
      readText(get('trustMode')) === TRUST_MODE_LABELS.strict ||
      readText(get('trustMode')) === 'strict'
        ? 'strict'
        : 'editors',
    replyTo: replyTo && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(replyTo) ? replyTo : '',
    ...staffMailHours(
      hour('staffMailFrom', 'Correo al personal desde'),
      hour('staffMailUntil', 'Correo al personal hasta'),
      warnings,
    ),
    digests: has('digests') ? readBoolean(get('digests')) : DEFAULT_SETTINGS.digests,
    dataController: readText(get('dataController')).trim(),
    controllerNit: readText(get('controllerNit')).trim(),
    dataRequestsEmail: readText(get('dataRequestsEmail')).trim(),
    privacyPolicyUrl: readText(get('privacyPolicyUrl')).trim(),
    dataStewards: list(get('dataStewards')).map((e) => e.toLowerCase()),
    contactStoreUrl: readText(get('contactStoreUrl')).trim(),
    identityReserveTypes: reserveTypes(get('identityReserveTypes'), warnings),
    address: readText(get('address')).trim(),
    phone: readText(get('phone')).trim(),
    attentionHours: readText(get('attentionHours')).trim(),
  };
  return { settings, warnings };
}

/** The sheet value an admin would type for a setting (used by setup seeding and the simulator). */
export function shownValue(key: keyof EntitySettings, value: unknown): string {
  if (key === 'nonBusinessDayFiling')
    return FILING_LABELS[value as keyof typeof FILING_LABELS] ?? String(value);
  if (key === 'extensionRule')
    return EXTENSION_LABELS[value as keyof typeof EXTENSION_LABELS] ?? String(value);
  if (key === 'trustMode')
    return TRUST_MODE_LABELS[value as keyof typeof TRUST_MODE_LABELS] ?? String(value);
  if (key === 'identityReserveTypes' && Array.isArray(value))
    return value.map((t) => REQUEST_TYPE_LABELS[t as RequestTypeCode] ?? String(t)).join(', ');
  if (typeof value === 'boolean') return yesNo(value);
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '' : String(value);
}

/** Staff mail hours: an empty or reversed window would hold staff mail forever; the defaults apply. */
function staffMailHours(
  from: string,
  until: string,
  warnings: string[],
): Pick<EntitySettings, 'staffMailFrom' | 'staffMailUntil'> {
  if (from < until) return { staffMailFrom: from, staffMailUntil: until };
  warnings.push(
    `El horario de correo al personal (${from} a ${until}) no deja ninguna hora; se usa ${DEFAULT_SETTINGS.staffMailFrom} a ${DEFAULT_SETTINGS.staffMailUntil}.`,
  );
  return {
    staffMailFrom: DEFAULT_SETTINGS.staffMailFrom,
    staffMailUntil: DEFAULT_SETTINGS.staffMailUntil,
  };
}
