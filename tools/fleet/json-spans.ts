// A JSON parser that remembers where each value sits in the text. The fleet changes one value of an
// entity's manifest (our library's version) by replacing exactly those characters, so that the
// rest of the file (other libraries, key order, indentation, the entity's own comments in
// descriptions) goes back byte for byte. JSON.parse + JSON.stringify would reformat the file.

export type JsonNode =
  | { kind: 'object'; start: number; end: number; members: JsonMember[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number }
  | { kind: 'literal'; start: number; end: number; value: boolean | null };

export interface JsonMember {
  key: string;
  value: JsonNode;
}

export class JsonSpanError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(`${message} (posición ${offset})`);
    this.name = 'JsonSpanError';
  }
}

/** Parses strict JSON (RFC 8259), returning the root node with character offsets. */
export function parseJsonSpans(text: string): JsonNode {
  let i = 0;

  const skipWhitespace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };

  const fail = (message: string): never => {
    throw new JsonSpanError(i, message);
  };

  const parseString = (): { value: string; start: number; end: number } => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail('carácter de control dentro de una cadena');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('cadena sin cerrar');
    i++; // closing quote
    const raw = text.slice(start, i);
    try {
      return { value: JSON.parse(raw) as string, start, end: i };
    } catch {
      return fail('escape inválido en una cadena');
    }
  };

  const parseValue = (): JsonNode => {
    skipWhitespace();
    const start = i;
    const ch = text[i];
    if (ch === '{') {
      i++;
      const members: JsonMember[] = [];
      skipWhitespace();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', start, end: i, members };
      }
      for (;;) {
        skipWhitespace();
        if (text[i] !== '"') fail('se esperaba una clave entre comillas');
        const key = parseString().value;
        skipWhitespace();
        if (text[i] !== ':') fail('se esperaba ":"');
        i++;
        const value = parseValue();
        members.push({ key, value });
        skipWhitespace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', start, end: i, members };
        }
        fail('se esperaba "," o "}"');
      }
    }
    if (ch === '[') {
      i++;
      const items: JsonNode[] = [];
      skipWhitespace();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', start, end: i, items };
      }
      for (;;) {
        items.push(parseValue());
        skipWhitespace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', start, end: i, items };
        }
        fail('se esperaba "," o "]"');
      }
    }
    if (ch === '"') {
      const { value, end } = parseString();
      return { kind: 'string', start, end, value };
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (number) {
      i += number[0].length;
      return { kind: 'number', start, end: i, value: Number(number[0]) };
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { kind: 'literal', start, end: i, value };
      }
    }
    return fail('valor JSON inválido');
  };

  const root = parseValue();
  skipWhitespace();
  if (i !== text.length) fail('texto sobrante después del JSON');
  return root;
}

/** The value of a key in an object node; like JSON.parse, a repeated key means its last value. */
export function memberOf(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.kind !== 'object') return undefined;
  let found: JsonNode | undefined;
  for (const member of node.members) if (member.key === key) found = member.value;
  return found;
}
