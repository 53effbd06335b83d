// Byte arrays as Apps Script hands them to scripts: plain arrays of signed Java bytes (-128..127).
import { ScriptError } from '../kernel';

/** apps-script/reference/utilities/charset */
export const CHARSETS = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export type CharsetName = keyof typeof CHARSETS;

/** Apps Script returns `Byte[]`: Java bytes are signed, so 0xba reads as -70. */
export function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

/** Accepts signed or unsigned byte values, as scripts may pass either back. */
export function fromByteArray(bytes: ArrayLike<unknown>): Buffer {
  const out = Buffer.alloc(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) out[i] = Number(bytes[i]) & 0xff;
  return out;
}

function charsetOf(charset: unknown): CharsetName {
  if (charset === undefined || charset === null) return 'UTF_8';
  const name = String(charset);
  if (name === 'UTF_8' || name === 'US_ASCII') return name;
  throw new ScriptError(`Invalid argument: charset`);
}

/** Java's US-ASCII encoder writes '?' for characters it cannot map. */
export function encodeText(text: string, charset?: unknown): Buffer {
  if (charsetOf(charset) === 'US_ASCII') {
    return Buffer.from(Array.from(text, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63)));
  }
  return Buffer.from(text, 'utf8');
}

export function decodeText(bytes: Buffer, charset?: unknown): string {
  if (charsetOf(charset) === 'US_ASCII') {
    return Array.from(bytes, (b) => (b < 128 ? String.fromCharCode(b) : '\ufffd')).join('');
  }
  return bytes.toString('utf8');
}

/** A string is encoded with the charset; an array is taken as bytes (how the Utilities overloads split). */
export function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string') return encodeText(data, charset);
  if (Array.isArray(data) || data instanceof Uint8Array) return fromByteArray(data);
  return encodeText(String(data), charset);
}
