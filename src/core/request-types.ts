// The request types a citizen or a clerk can file, with the Spanish label shown on the form.
// Terms live in core/terms; this module only names the kinds.

export const REQUEST_TYPE_CODES = [
  'peticion_general',
  'peticion_particular',
  'peticion_documentos',
  'consulta',
  'queja',
  'reclamo',
  'sugerencia',
  'denuncia',
  'felicitacion',
  'peticion_autoridad',
  'peticion_congresista',
] as const;

export type RequestTypeCode = (typeof REQUEST_TYPE_CODES)[number];

export const REQUEST_TYPE_LABELS: Readonly<Record<RequestTypeCode, string>> = {
  peticion_general: 'Petición de interés general',
  peticion_particular: 'Petición de interés particular',
  peticion_documentos: 'Petición de documentos o información',
  consulta: 'Consulta',
  queja: 'Queja',
  reclamo: 'Reclamo',
  sugerencia: 'Sugerencia',
  denuncia: 'Denuncia',
  felicitacion: 'Felicitación',
  peticion_autoridad: 'Petición de otra autoridad',
  peticion_congresista: 'Petición de congresista',
};

export function isRequestTypeCode(value: unknown): value is RequestTypeCode {
  return typeof value === 'string' && (REQUEST_TYPE_CODES as readonly string[]).includes(value);
}

/** Finds a type by its code or by its Spanish label (case and accents as written on the form). */
export function parseRequestType(value: string): RequestTypeCode | null {
  const trimmed = value.trim();
  if (isRequestTypeCode(trimmed)) return trimmed;
  for (const code of REQUEST_TYPE_CODES) {
    if (REQUEST_TYPE_LABELS[code].toLowerCase() === trimmed.toLowerCase()) return code;
  }
  return null;
}
