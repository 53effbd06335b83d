// A form response read from its prefilled URL (`FormResponse.toPrefilledUrl()`): one call returns
// every answer as `entry.<question id>=<value>` pairs, where reading item by item costs three calls
// per question. The question ids are learnt once at setup (`entry id → field code`).
import { sha256Hex } from '../crypto/sha256';
import { FORM_QUESTIONS, YES, type FieldCode } from './form-definition';
import type { RawAnswers } from './normalize-submission';

export type EntryMap = Readonly<Record<string, FieldCode>>;

const CHECKBOX_FIELDS: ReadonlySet<FieldCode> = new Set(
  FORM_QUESTIONS.filter((q) => q.kind === 'checkbox').map((q) => q.code),
);

/** Form-urlencoded value: `+` is a space, the rest percent-encoded. */
function decodeValue(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The `entry.N` pairs of a prefilled URL, in order. */
export function prefilledPairs(url: string): Array<{ entry: string; value: string }> {
  const query = url.indexOf('?') >= 0 ? url.slice(url.indexOf('?') + 1) : '';
  const pairs: Array<{ entry: string; value: string }> = [];
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = decodeValue(part.slice(0, eq));
    const match = /^entry\.(\d+)$/.exec(name);
    if (match) pairs.push({ entry: match[1], value: decodeValue(part.slice(eq + 1)) });
  }
  return pairs;
}

/** The answers by field code; entries the map does not know are ignored (an admin's extra question). */
export function answersFromPrefilledUrl(url: string, entries: EntryMap): RawAnswers {
  const answers: RawAnswers = {};
  for (const { entry, value } of prefilledPairs(url)) {
    const code = entries[entry];
    if (!code) continue;
    if (CHECKBOX_FIELDS.has(code)) {
      const previous = answers[code];
      answers[code] = Array.isArray(previous) ? [...previous, value] : [value];
    } else {
      answers[code] = value;
    }
  }
  return answers;
}

/** The part of the URL that carries the answers (the published address may change; answers do not). */
export function answerQuery(url: string): string {
  return prefilledPairs(url)
    .map((p) => `${p.entry}=${p.value}`)
    .join('&');
}

/** Where setup keeps the entry map in the entity's store. */
export const FORM_ENTRIES_KEY = 'form.entries';

/**
 * The idempotency key of a form response: its timestamp and a hash of its answers. Redelivering
 * the same response gives the same key; the sweep derives it from the form the same way.
 */
export function responseKey(timestampMs: number, url: string): string {
  return `f${timestampMs}-${sha256Hex(answerQuery(url)).slice(0, 16)}`;
}

/** The key's timestamp part (the sweep compares counts per timestamp before reading answers). */
export function keyTimestamp(key: string): number | null {
  const match = /^f(\d+)-/.exec(key);
  return match ? Number(match[1]) : null;
}

export function readEntryMap(raw: Readonly<Record<string, string>>): EntryMap | null {
  try {
    const parsed: unknown = JSON.parse(raw[FORM_ENTRIES_KEY] ?? '');
    return parsed && typeof parsed === 'object' && Object.keys(parsed).length > 0
      ? (parsed as EntryMap)
      : null;
  } catch {
    return null;
  }
}

/**
 * Required questions without an answer. The form refuses a submission that skips a required
 * question, so a missing answer means the question was removed from the form (the anonymous path
 * skips the identity page on purpose).
 */
export function missingRequiredQuestions(answers: RawAnswers): string[] {
  return FORM_QUESTIONS.filter((q) => q.required && answers[q.code] === undefined)
    .filter((q) => !(q.section === 'identity' && answers.anonymous === YES))
    .map((q) => q.title);
}
