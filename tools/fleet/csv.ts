// RFC 4180 CSV reading for the ministry's fleet registry. Entity names carry commas ("Alcaldía de
// Santa Marta, Distrito Turístico") and quotes, so a naive split on commas would shift columns.
// Each record keeps the physical line it starts on, so validation errors can name that line even
// when a quoted field spans several lines.

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Parses CSV text (LF or CRLF line ends, optional UTF-8 BOM). Blank lines are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let atRecordEnd = false;
    while (!atRecordEnd) {
      if (source[i] === '"') {
        i++;
        for (;;) {
          if (i >= source.length) {
            throw new CsvSyntaxError(start, 'comillas sin cerrar');
          }
          const ch = source[i];
          if (ch === '"') {
            if (source[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        const next = source[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, 'texto después de un campo entre comillas');
        }
      } else {
        while (i < source.length && source[i] !== ',' && source[i] !== '\n' && source[i] !== '\r') {
          if (source[i] === '"') {
            throw new CsvSyntaxError(line, 'comillas dentro de un campo sin comillas');
          }
          field += source[i];
          i++;
        }
      }
      fields.push(field);
      field = '';
      if (source[i] === ',') {
        i++;
        continue;
      }
      // End of record: CRLF, LF, lone CR or end of input.
      if (source[i] === '\r') i++;
      if (source[i] === '\n') i++;
      line++;
      atRecordEnd = true;
    }
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) records.push({ line: start, fields });
  }
  return records;
}
