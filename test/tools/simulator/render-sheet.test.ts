// Rendering a sheet as Sheets' CSV download and as a standalone HTML page.
import { renderSheetCsv, renderSheetHtml } from '../../../tools/simulator/services/render-sheet';
import { SpreadsheetStore } from '../../../tools/simulator/services/spreadsheet-model';

function model() {
  const ss = new SpreadsheetStore().create('PQRSD <Alcaldía>');
  ss.setCellsAsUser('Hoja 1', 1, 1, [
    ['Radicado', 'Asunto', 'Fecha'],
    ['2026-000123', 'Ruido, "fiestas" y\nbasura', '20/07/2026'],
    ['2026-000124', '<script>alert(1)</script>', ''],
  ]);
  ss.requireSheet('Hoja 1').frozenRows = 1;
  return ss;
}

describe('renderSheetCsv', () => {
  it('writes displayed values with RFC 4180 quoting and CRLF between rows', () => {
    expect(renderSheetCsv(model(), 'Hoja 1')).toBe(
      'Radicado,Asunto,Fecha\r\n' +
        '2026-000123,"Ruido, ""fiestas"" y\nbasura",20/07/2026\r\n' +
        '2026-000124,<script>alert(1)</script>,',
    );
  });
});

describe('renderSheetHtml', () => {
  it('is a Spanish, escaped, standalone page with the frozen row as header', () => {
    const page = renderSheetHtml(model(), 'Hoja 1');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>PQRSD &lt;Alcaldía&gt; — Hoja 1</title>');
    expect(page).toContain(
      '<thead><tr><th>Radicado</th><th>Asunto</th><th>Fecha</th></tr></thead>',
    );
    expect(page).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('Ruido, &quot;fiestas&quot; y\nbasura');
  });
});

describe('harness helpers', () => {
  it('setCellsAsUser parses like typing and getDisplayGrid shows the used range', () => {
    const ss = new SpreadsheetStore().create('Libro');
    ss.setCellsAsUser('Hoja 1', 2, 2, [['0012345', "'0012345"]]);
    expect(ss.getDisplayGrid('Hoja 1')).toEqual([
      ['', '', ''],
      ['', '12345', '0012345'],
    ]);
  });
});
