// The citizen form as data: setup builds it, intake reads answers back by each question's code.
// Sections follow CPACA art. 16 (petition contents) and §5.7 of the domain reference; anonymous
// filers skip the identity section (CPACA does not require identity for quejas and denuncias).
import { REQUEST_TYPE_CODES, REQUEST_TYPE_LABELS } from '../request-types';

export const FIELD_CODES = [
  'type',
  'anonymous',
  'applicantKind',
  'idType',
  'idNumber',
  'name',
  'identityReserved',
  'address',
  'municipality',
  'email',
  'phone',
  'preferredChannel',
  'acceptsEmailNotification',
  'dependency',
  'subject',
  'description',
  'priority',
  'differentialGroup',
  'consent',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

export type QuestionKind = 'list' | 'choice' | 'checkbox' | 'text' | 'paragraph';
export type SectionCode = 'start' | 'identity' | 'request';

export interface QuestionDefinition {
  readonly code: FieldCode;
  readonly section: SectionCode;
  readonly kind: QuestionKind;
  readonly title: string;
  readonly help: string;
  readonly required: boolean;
  readonly choices?: readonly string[];
}

export const YES = 'Sí';
export const NO = 'No';

export const SECTION_TITLES: Readonly<Record<Exclude<SectionCode, 'start'>, string>> = {
  identity: 'Sus datos',
  request: 'Su solicitud',
};

export const PRIORITY_CHOICES = [
  'Soy periodista y la solicitud es para mi labor',
  'Riesgo de perjuicio irremediable a un derecho fundamental',
  'Riesgo para la vida o la integridad de una persona',
] as const;

export const FORM_QUESTIONS: readonly QuestionDefinition[] = [
  {
    code: 'type',
    section: 'start',
    kind: 'list',
    title: 'Tipo de solicitud',
    help: 'Si no está seguro, elija Petición de interés general: la entidad puede reclasificarla.',
    required: true,
    choices: REQUEST_TYPE_CODES.map((code) => REQUEST_TYPE_LABELS[code]),
  },
  {
    code: 'anonymous',
    section: 'start',
    kind: 'choice',
    title: '¿Desea presentar la solicitud de forma anónima?',
    help: 'Si la presenta anónima no le pediremos sus datos; la respuesta se publicará en la cartelera y la página web de la entidad.',
    required: true,
    choices: [NO, YES],
  },
  {
    code: 'applicantKind',
    section: 'identity',
    kind: 'list',
    title: 'Tipo de solicitante',
    help: '',
    required: true,
    choices: [
      'Persona natural',
      'Persona jurídica',
      'Niña, niño o adolescente',
      'Autoridad pública',
      'Congresista',
    ],
  },
  {
    code: 'idType',
    section: 'identity',
    kind: 'list',
    title: 'Tipo de documento',
    help: '',
    required: true,
    choices: [
      'Cédula de ciudadanía',
      'Tarjeta de identidad',
      'Cédula de extranjería',
      'NIT',
      'Pasaporte',
      'Permiso por Protección Temporal',
    ],
  },
  {
    code: 'idNumber',
    section: 'identity',
    kind: 'text',
    title: 'Número de documento',
    help: '',
    required: true,
  },
  {
    code: 'name',
    section: 'identity',
    kind: 'text',
    title: 'Nombres y apellidos o razón social',
    help: '',
    required: true,
  },
  {
    code: 'identityReserved',
    section: 'identity',
    kind: 'choice',
    title: '¿Solicita reserva de identidad?',
    help: 'Para denuncias: si teme represalias, su nombre y sus datos solo los verán las personas a cargo de los datos personales de la entidad, no los funcionarios que tramitan el caso. Igual recibirá la respuesta.',
    required: false,
    choices: [NO, YES],
  },
  {
    code: 'address',
    section: 'identity',
    kind: 'text',
    title: 'Dirección de correspondencia',
    help: '',
    required: false,
  },
  {
    code: 'municipality',
    section: 'identity',
    kind: 'text',
    title: 'Municipio',
    help: '',
    required: false,
  },
  {
    code: 'email',
    section: 'request',
    kind: 'text',
    title: 'Correo electrónico',
    help: 'A este correo enviaremos el número de radicado y el enlace para seguir su caso.',
    required: false,
  },
  { code: 'phone', section: 'request', kind: 'text', title: 'Teléfono', help: '', required: false },
  {
    code: 'preferredChannel',
    section: 'request',
    kind: 'choice',
    title: '¿Por qué medio prefiere recibir la respuesta?',
    help: '',
    required: true,
    choices: ['Correo electrónico', 'Dirección física', 'Recoger en la entidad'],
  },
  {
    code: 'acceptsEmailNotification',
    section: 'request',
    kind: 'choice',
    title: '¿Acepta ser notificado por correo electrónico? (CPACA art. 56)',
    help: '',
    required: true,
    choices: [YES, NO],
  },
  {
    code: 'dependency',
    section: 'request',
    kind: 'list',
    title: 'Dependencia a la que dirige su solicitud (opcional)',
    help: 'Si no la conoce, déjela en blanco: la entidad la asignará.',
    required: false,
    choices: [],
  },
  { code: 'subject', section: 'request', kind: 'text', title: 'Asunto', help: '', required: true },
  {
    code: 'description',
    section: 'request',
    kind: 'paragraph',
    title: 'Describa su solicitud y sus razones',
    help: 'Incluya los hechos, lo que solicita y, si aplica, los documentos que podría aportar.',
    required: true,
  },
  {
    code: 'priority',
    section: 'request',
    kind: 'checkbox',
    title: 'Atención prioritaria (CPACA art. 20), si aplica',
    help: '',
    required: false,
    choices: PRIORITY_CHOICES,
  },
  {
    code: 'differentialGroup',
    section: 'request',
    kind: 'checkbox',
    title: 'Enfoque diferencial, si aplica',
    help: 'Nos ayuda a atenderle mejor (Decreto 1166 de 2016).',
    required: false,
    choices: [
      'Persona con discapacidad',
      'Persona mayor',
      'Grupo étnico',
      'Víctima del conflicto armado',
      'Niña, niño o adolescente',
      'Mujer gestante',
    ],
  },
  {
    code: 'consent',
    section: 'request',
    kind: 'checkbox',
    title: 'Tratamiento de datos personales (Ley 1581 de 2012)',
    help: 'La entidad usará sus datos solo para tramitar esta solicitud, conforme a su política de tratamiento de datos. Puede conocer, actualizar y rectificar sus datos.',
    required: true,
    choices: ['He leído el aviso y autorizo el tratamiento de mis datos para tramitar mi PQRSD'],
  },
];

export function questionFor(code: FieldCode): QuestionDefinition {
  const question = FORM_QUESTIONS.find((q) => q.code === code);
  if (!question) throw new Error(`no question ${code}`);
  return question;
}
