// Renders a sheet's displayed values the way a person gets them out of Sheets: a CSV download and
// a standalone HTML page (for reports and for looking at a simulated run in a browser).

import type { SheetModel } from './spreadsheet-sheet-model';
import { escapeHtml } from './html-template';
import type { SpreadsheetModel } from './spreadsheet-model';

/**
 * File → Download → CSV of one sheet: the displayed values of the used range, RFC 4180 quoting
 * (fields with a comma, double quote, CR or LF are quoted, quotes doubled), rows joined with CRLF
 * and no line break after the last row. The separator and the missing final break are what
 * Sheets' export is reported to produce; Google does not document them.
 */
export function renderSheetCsv(model: SpreadsheetModel, sheetName: string): string {
  return model
    .getDisplayGrid(sheetName)
    .map((row) => row.map(csvField).join(','))
    .join('\r\n');
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Only colour-like values reach the style attribute, so cell styles cannot inject CSS. */
function safeColor(color: string | undefined): string | null {
  return color && /^(#[0-9a-f]{3,8}|[a-z]+)$/i.test(color) ? color : null;
}

const STYLE = `
  body { font-family: Arial, Helvetica, sans-serif; font-size: 13px; margin: 1rem; }
  h1 { font-size: 1.1rem; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #d0d0d0; padding: 2px 6px; white-space: pre-wrap; vertical-align: top; }
  thead th { position: sticky; top: 0; background: #f1f3f4; font-weight: bold; }
  .hidden-col { display: none; }
`;

/**
 * A standalone, escaped HTML page of one sheet's displayed values (Spanish `lang`). Frozen rows
 * become a sticky, bold table header; hidden columns are kept but not shown; notes become titles.
 */
/** Column letters to a 1-based index: A → 1, AA → 27. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The format the sheet's conditional rules give a cell, as Sheets shows it: the first rule that
 * matches wins. Understood: TEXT_EQUAL_TO, and CUSTOM_FORMULA of the form `=$C2="text"` (the row
 * relative to the rule's range, as Sheets reads a formula written for its top-left cell).
 */
function conditionalFormat(
  sheet: SheetModel,
  grid: readonly (readonly string[])[],
  row: number,
  col: number,
): { background?: string; fontColor?: string } {
  for (const rule of sheet.conditionalRules) {
    const range = rule.ranges.find(
      (r) =>
        r.sheet === sheet &&
        row >= r.rect.row &&
        row < r.rect.row + r.rect.numRows &&
        col >= r.rect.col &&
        col < r.rect.col + r.rect.numCols,
    );
    if (!range) continue;
    const [value] = rule.condition.values;
    let matches = false;
    if (rule.condition.type === 'TEXT_EQUAL_TO')
      matches = (grid[row - 1]?.[col - 1] ?? '') === value;
    else if (rule.condition.type === 'CUSTOM_FORMULA') {
      const m = /^=\$([A-Z]+)(\d+)="(.*)"$/.exec(value ?? '');
      if (m) {
        const refRow = Number(m[2]) + (row - range.rect.row);
        matches = (grid[refRow - 1]?.[columnIndex(m[1]) - 1] ?? '') === m[3];
      }
    }
    if (matches) return { background: rule.format.background, fontColor: rule.format.fontColor };
  }
  return {};
}

export function renderSheetHtml(model: SpreadsheetModel, sheetName: string): string {
  const sheet = model.requireSheet(sheetName);
  const grid = model.getDisplayGrid(sheetName);
  const frozen = Math.min(sheet.frozenRows, grid.length);
  const cell = (tag: 'td' | 'th', text: string, row: number, col: number): string => {
    const c = sheet.cell(row, col);
    const classes = sheet.hiddenColumns.has(col) ? ' class="hidden-col"' : '';
    const styles: string[] = [];
    const conditional = conditionalFormat(sheet, grid, row, col);
    const background = safeColor(conditional.background ?? c?.style?.background);
    const color = safeColor(conditional.fontColor ?? c?.style?.fontColor);
    if (background) styles.push(`background:${background}`);
    if (color) styles.push(`color:${color}`);
    if (c?.style?.fontWeight === 'bold') styles.push('font-weight:bold');
    const style = styles.length ? ` style="${styles.join(';')}"` : '';
    const title = c?.note ? ` title="${escapeHtml(c.note)}"` : '';
    return `<${tag}${classes}${style}${title}>${escapeHtml(text)}</${tag}>`;
  };
  const rowHtml = (tag: 'td' | 'th', line: readonly string[], row: number): string =>
    `<tr>${line.map((text, j) => cell(tag, text, row, j + 1)).join('')}</tr>`;
  const head = grid.slice(0, frozen).map((line, i) => rowHtml('th', line, i + 1));
  const body = grid.slice(frozen).map((line, i) => rowHtml('td', line, frozen + i + 1));
  const title = `${model.name} — ${sheet.name}`;
  // The sheet's filter views, as the Datos › Vistas de filtro menu lists them.
  const views = sheet.filterViews.map((v) => `<li>${escapeHtml(v.title)}</li>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="es">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    views.length
      ? `<details class="filter-views"><summary>Vistas de filtro (${views.length})</summary><ul>${views.join('')}</ul></details>`
      : '',
    '<table>',
    head.length ? `<thead>${head.join('\n')}</thead>` : '',
    `<tbody>${body.join('\n')}</tbody>`,
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
