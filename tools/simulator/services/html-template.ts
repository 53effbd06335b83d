// Compiles an HtmlService template into JavaScript source. The source is a function expression
// that the lead's loader evaluates in the calling project's global scope (non-strict, so `with`
// can expose the template's variables), which is how scriptlets reach the project's own
// top-level functions such as include() (apps-script/guides/html/templates).

export interface CompiledTemplate {
  /** `(function (__vars, __p, output) { ... })`, ready for runInProject. */
  readonly code: string;
  /** Same, with each scriptlet's original text as a comment before it. */
  readonly codeWithComments: string;
}

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'print'; text: string; context: 'html' | 'js' }
  | { kind: 'force'; text: string };

const SCRIPT_OPEN = /<script\b[^>]*>/gi;
const SCRIPT_CLOSE = /<\/script\s*>/gi;

/** Whether text ending at this point leaves us inside a <script> element. */
function scriptStateAfter(text: string, inScript: boolean): boolean {
  const events: Array<{ at: number; open: boolean }> = [];
  for (const m of text.matchAll(SCRIPT_OPEN)) events.push({ at: m.index ?? 0, open: true });
  for (const m of text.matchAll(SCRIPT_CLOSE)) events.push({ at: m.index ?? 0, open: false });
  events.sort((a, b) => a.at - b.at);
  let state = inScript;
  for (const event of events) state = event.open;
  return state;
}

/** Splits raw template text into literal text and the three scriptlet kinds. */
export function parseTemplate(raw: string): Piece[] {
  const pieces: Piece[] = [];
  let inScript = false;
  let i = 0;
  while (i < raw.length) {
    const start = raw.indexOf('<?', i);
    if (start < 0) {
      pieces.push({ kind: 'text', text: raw.slice(i) });
      break;
    }
    const text = raw.slice(i, start);
    if (text) pieces.push({ kind: 'text', text });
    inScript = scriptStateAfter(text, inScript);
    const end = raw.indexOf('?>', start + 2);
    // An unclosed scriptlet runs to the end of the template.
    const body = raw.slice(start + 2, end < 0 ? raw.length : end);
    if (body.startsWith('!=')) pieces.push({ kind: 'force', text: body.slice(2) });
    else if (body.startsWith('=')) {
      pieces.push({ kind: 'print', text: body.slice(1), context: inScript ? 'js' : 'html' });
    } else pieces.push({ kind: 'code', text: body });
    i = end < 0 ? raw.length : end + 2;
  }
  return pieces;
}

function expression(text: string): string {
  // `<?= value; ?>` is common in the wild; a trailing semicolon would break the call.
  return text.trim().replace(/;+\s*$/, '');
}

/** Compiles a template into function source (see CompiledTemplate). */
export function compileTemplate(raw: string): CompiledTemplate {
  const plain: string[] = [];
  const commented: string[] = [];
  for (const piece of parseTemplate(raw)) {
    let line: string;
    switch (piece.kind) {
      case 'text':
        line = `__p.raw(${JSON.stringify(piece.text)});`;
        break;
      case 'code':
        line = `${piece.text}\n`;
        break;
      case 'print':
        // apps-script/guides/html/templates#printing_scriptlets: contextual escaping.
        line = `__p.${piece.context}((\n${expression(piece.text)}\n));`;
        break;
      case 'force':
        // apps-script/guides/html/templates#force-printing_scriptlets: no escaping.
        line = `__p.raw((\n${expression(piece.text)}\n));`;
        break;
    }
    plain.push(line);
    const comment =
      piece.kind === 'text'
        ? ''
        : `/* <?${piece.kind === 'print' ? '=' : piece.kind === 'force' ? '!=' : ''}${piece.text.replace(/\*\//g, '* /')}?> */\n`;
    commented.push(comment + line);
  }
  const wrap = (body: string[]): string =>
    `(function (__vars, __p, output) {\nwith (__vars) {\n${body.join('\n')}\n}\n})`;
  return { code: wrap(plain), codeWithComments: wrap(commented) };
}

/** HTML escaping used for printing scriptlets in HTML context and HtmlOutput.appendUntrusted. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Inside <script>, a printing scriptlet writes its value as a quoted JavaScript string: the
 * templates guide says escaping follows the context ("inside a client-side script tag"), and a
 * community note (hacknote.jp/archives/10844) reports that <?= i ?> in script code arrives as a
 * string, not a number. Characters that could close the script element are escaped. (Event-handler
 * attributes such as onclick are also script contexts in Apps Script; only <script> elements are
 * tracked here.)
 */
export function javascriptLiteral(value: unknown): string {
  const textValue = value === null || value === undefined ? '' : String(value);
  return JSON.stringify(textValue)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
