// Utilities: dates, digests, base64, UUIDs, sleep and sprintf, bound to one execution. Randomness
// comes from an injected source and sleep spends virtual time, so runs are reproducible.
import { createHash, createHmac } from 'node:crypto';
import { type Execution, ScriptError, isDate } from '../kernel';
import { type BlobApi, createBlob, readBlob } from './utilities-blob';
import { CHARSETS, decodeText, toBuffer, toSignedBytes } from './utilities-bytes';
import { formatDatePattern } from './utilities-format-date';
import { resolveZoneOrGmt } from './utilities-zone';

/** apps-script/reference/utilities/utilities#sleep(Integer): "The maximum allowed value is 300000". */
export const SLEEP_MAX_MS = 300_000;

/** apps-script/reference/utilities/digest-algorithm (MD2 left out: Node's OpenSSL lacks it). */
export const DIGEST_ALGORITHMS = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
} as const;

/** apps-script/reference/utilities/mac-algorithm */
export const MAC_ALGORITHMS = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
} as const;

export interface UtilitiesApi {
  readonly DigestAlgorithm: Readonly<Record<keyof typeof DIGEST_ALGORITHMS, string>>;
  readonly MacAlgorithm: Readonly<Record<keyof typeof MAC_ALGORITHMS, string>>;
  readonly Charset: typeof CHARSETS;
  formatDate(date: Date, timeZone: string, format: string): string;
  sleep(milliseconds: number): void;
  getUuid(): string;
  computeDigest(algorithm: string, value: unknown, charset?: string): number[];
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[];
  computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: string): number[];
  base64Encode(data: unknown, charset?: string): string;
  base64EncodeWebSafe(data: unknown, charset?: string): string;
  base64Decode(encoded: string, charset?: string): number[];
  base64DecodeWebSafe(encoded: string, charset?: string): number[];
  newBlob(data: unknown, contentType?: string, name?: string): BlobApi;
  formatString(template: string, ...args: unknown[]): string;
}

export interface UtilitiesEnv {
  /** Uniform [0, 1) source (seeded by the scenario) used by getUuid. */
  readonly random: () => number;
}

function enumFrom<T extends Record<string, string>>(table: T): Readonly<Record<keyof T, string>> {
  const out = {} as Record<keyof T, string>;
  for (const key of Object.keys(table) as Array<keyof T>) out[key] = key as string;
  return Object.freeze(out);
}

/** V8 runtime wording when no overload matches, e.g. formatDate called with a string date. */
function signatureError(method: string, args: readonly unknown[]): ScriptError {
  const types = args.map((a) => {
    if (a === null || a === undefined) return 'null';
    if (isDate(a)) return 'Date';
    if (typeof a === 'string') return 'String';
    if (typeof a === 'number') return 'number';
    if (typeof a === 'boolean') return 'Boolean';
    return 'Object';
  });
  return new ScriptError(
    `The parameters (${types.join(',')}) don't match the method signature for ${method}.`,
  );
}

function algorithmName<T extends Record<string, string>>(
  table: T,
  raw: unknown,
  what: string,
): string {
  const name = table[String(raw) as keyof T];
  if (!name) throw new ScriptError(`Invalid argument: ${what}`);
  return name;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_WEB_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;

function decodeBase64(encoded: unknown, webSafe: boolean): Buffer {
  const compact = String(encoded).replace(/\s+/g, '');
  // The error text for undecodable input is not in the reference; this is the simulator's wording.
  if (
    !(webSafe ? BASE64_WEB_SAFE : BASE64).test(compact) ||
    compact.replace(/=+$/, '').length % 4 === 1
  ) {
    throw new ScriptError('Could not decode string.');
  }
  return Buffer.from(compact, webSafe ? 'base64url' : 'base64');
}

/**
 * apps-script/reference/utilities/utilities#formatString(String,Object...): sprintf-like, covering
 * %s, %d/%i, %f (default six decimals, like Java), %%, with flags '-' and '0', width and precision.
 */
export function formatStringLike(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(
    /%([-0]*)(\d+)?(?:\.(\d+))?([sdif%])/g,
    (match, flags: string, width?: string, precision?: string, conversion?: string) => {
      if (conversion === '%') return '%';
      if (next >= args.length) return match;
      const arg = args[next++];
      let body: string;
      if (conversion === 's') {
        body = String(arg);
        if (precision !== undefined) body = body.slice(0, Number(precision));
      } else if (conversion === 'f') {
        body = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      } else {
        body = String(Math.trunc(Number(arg)));
      }
      const size = width === undefined ? 0 : Number(width);
      if (body.length >= size) return body;
      if (flags.includes('-')) return body.padEnd(size, ' ');
      if (flags.includes('0') && conversion !== 's') {
        const negative = body.startsWith('-');
        return (
          (negative ? '-' : '') +
          body.slice(negative ? 1 : 0).padStart(size - (negative ? 1 : 0), '0')
        );
      }
      return body.padStart(size, ' ');
    },
  );
}

/** Builds the `Utilities` global for one execution. */
export function createUtilities(exec: Execution, env: UtilitiesEnv): UtilitiesApi {
  const hmac = (algorithm: string, value: unknown, key: unknown, charset?: string): number[] =>
    toSignedBytes(
      createHmac(algorithm, toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );

  return {
    DigestAlgorithm: enumFrom(DIGEST_ALGORITHMS),
    MacAlgorithm: enumFrom(MAC_ALGORITHMS),
    Charset: CHARSETS,

    formatDate(date, timeZone, format) {
      exec.charge('Utilities.formatDate');
      if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        throw signatureError('Utilities.formatDate', [date, timeZone, format]);
      }
      const ms = date.getTime();
      if (Number.isNaN(ms)) throw new ScriptError('Invalid argument: date');
      // apps-script/reference/utilities/utilities#formatDate(Date,String,String): Java SimpleDateFormat in the given zone.
      return formatDatePattern(ms, resolveZoneOrGmt(timeZone), format);
    },

    sleep(milliseconds) {
      exec.charge('Utilities.sleep');
      const ms = Math.trunc(Number(milliseconds));
      if (!Number.isFinite(ms))
        throw new ScriptError(`Cannot convert ${String(milliseconds)} to int.`);
      // apps-script/reference/utilities/utilities#sleep(Integer): at most 300000 ms. The error wording
      // is not documented; "Argument too large" is how Apps Script words its other size limits.
      if (ms > SLEEP_MAX_MS) throw new ScriptError('Argument too large: milliseconds');
      if (ms > 0) exec.spend(ms);
    },

    getUuid() {
      exec.charge('Utilities.getUuid');
      // apps-script/reference/utilities/utilities#getUuid(): a UUID string; built as RFC 4122 version 4.
      const bytes = Array.from({ length: 16 }, () => Math.floor(env.random() * 256) & 0xff);
      bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
      bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
      const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },

    computeDigest(algorithm, value, charset) {
      exec.charge('Utilities.computeDigest');
      // apps-script/reference/utilities/utilities#computeDigest(DigestAlgorithm,String): Byte[] (signed).
      const name = algorithmName(DIGEST_ALGORITHMS, algorithm, 'algorithm');
      return toSignedBytes(createHash(name).update(toBuffer(value, charset)).digest());
    },

    computeHmacSha256Signature(value, key, charset) {
      exec.charge('Utilities.computeHmacSha256Signature');
      // apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String): HMAC-SHA256 as signed bytes.
      return hmac('sha256', value, key, charset);
    },

    computeHmacSignature(algorithm, value, key, charset) {
      exec.charge('Utilities.computeHmacSignature');
      return hmac(algorithmName(MAC_ALGORITHMS, algorithm, 'algorithm'), value, key, charset);
    },

    base64Encode(data, charset) {
      exec.charge('Utilities.base64Encode');
      // apps-script/reference/utilities/utilities#base64Encode(String): standard alphabet with padding.
      return toBuffer(data, charset).toString('base64');
    },

    base64EncodeWebSafe(data, charset) {
      exec.charge('Utilities.base64EncodeWebSafe');
      // apps-script/reference/utilities/utilities#base64EncodeWebSafe(String): '-' and '_' alphabet;
      // padding is kept (scripts building JWTs strip the '=' themselves).
      const safe = toBuffer(data, charset).toString('base64url');
      return safe + '='.repeat((4 - (safe.length % 4)) % 4);
    },

    base64Decode(encoded, charset) {
      exec.charge('Utilities.base64Decode');
      void charset;
      return toSignedBytes(decodeBase64(encoded, false));
    },

    base64DecodeWebSafe(encoded, charset) {
      exec.charge('Utilities.base64DecodeWebSafe');
      void charset;
      return toSignedBytes(decodeBase64(encoded, true));
    },

    newBlob(data, contentType, name) {
      exec.charge('Utilities.newBlob');
      // apps-script/reference/utilities/utilities#newBlob(String,String,String): string or byte data.
      const source = readBlob(data);
      return createBlob(exec, {
        bytes: source ? source.bytes : toBuffer(data ?? ''),
        contentType: contentType === undefined || contentType === null ? null : String(contentType),
        name: name === undefined || name === null ? null : String(name),
      });
    },

    formatString(template, ...args) {
      exec.charge('Utilities.formatString');
      return formatStringLike(String(template), args);
    },
  };
}

/** Decodes bytes a script produced back to text (for harness assertions). */
export function bytesToText(bytes: readonly number[], charset?: string): string {
  return decodeText(toBuffer(bytes), charset);
}
