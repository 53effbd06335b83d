// Text hygiene for anything a citizen typed: one Unicode form, no control characters, trimmed.

/** Longest text kept in one cell; Sheets refuses more than 50,000 characters per cell. */
export const CELL_TEXT_LIMIT = 49000;

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function normalizeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  return text.normalize('NFC').replace(CONTROL_CHARS, '').replace(/\r\n?/g, '\n').trim();
}

/** Splits text into cell-sized chunks without cutting a surrogate pair (emoji) in half. */
export function splitForCells(text: string, limit: number = CELL_TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + limit, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.length > 0 ? chunks : [''];
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
