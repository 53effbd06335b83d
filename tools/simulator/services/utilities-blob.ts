// The minimal Blob that Utilities.newBlob returns, and a way for other services (MailApp
// attachments, HtmlOutput.getBlob) to read one without charging the script for the reads.
import type { Execution } from '../kernel';
import { decodeText, encodeText, toBuffer, toSignedBytes } from './utilities-bytes';

export interface BlobApi {
  getBytes(): number[];
  getDataAsString(charset?: string): string;
  getContentType(): string | null;
  setContentType(contentType: string | null): BlobApi;
  getName(): string | null;
  setName(name: string): BlobApi;
  setBytes(data: number[]): BlobApi;
  setDataFromString(text: string, charset?: string): BlobApi;
  copyBlob(): BlobApi;
  isGoogleType(): boolean;
}

export interface BlobData {
  bytes: Buffer;
  contentType: string | null;
  name: string | null;
}

const blobs = new WeakMap<object, BlobData>();

/** Reads a simulator blob's content, or null for anything else. */
export function readBlob(value: unknown): BlobData | null {
  if (typeof value !== 'object' || value === null) return null;
  return blobs.get(value) ?? null;
}

/** apps-script/reference/base/blob: bytes plus an optional content type and name. */
export function createBlob(exec: Execution, data: BlobData): BlobApi {
  const state: BlobData = { ...data, bytes: Buffer.from(data.bytes) };
  const api: BlobApi = {
    getBytes() {
      exec.charge('Blob.getBytes');
      return toSignedBytes(state.bytes);
    },
    getDataAsString(charset) {
      exec.charge('Blob.getDataAsString');
      return decodeText(state.bytes, charset);
    },
    getContentType() {
      exec.charge('Blob.getContentType');
      return state.contentType;
    },
    setContentType(contentType) {
      exec.charge('Blob.setContentType');
      state.contentType = contentType === null ? null : String(contentType);
      return api;
    },
    getName() {
      exec.charge('Blob.getName');
      return state.name;
    },
    setName(name) {
      exec.charge('Blob.setName');
      state.name = String(name);
      return api;
    },
    setBytes(bytes) {
      exec.charge('Blob.setBytes');
      state.bytes = toBuffer(bytes);
      return api;
    },
    setDataFromString(text, charset) {
      exec.charge('Blob.setDataFromString');
      state.bytes = encodeText(String(text), charset);
      return api;
    },
    copyBlob() {
      exec.charge('Blob.copyBlob');
      return createBlob(exec, state);
    },
    isGoogleType() {
      exec.charge('Blob.isGoogleType');
      return false;
    },
  };
  blobs.set(api, state);
  return api;
}
