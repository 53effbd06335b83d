// ContentService: plain-text, JSON, CSV... responses from doGet/doPost. The web runner reads the
// result with readTextOutput() instead of calling the script-facing methods (which would charge).
import { type Execution, ScriptError } from '../kernel';

/** apps-script/reference/content/mime-type */
export const CONTENT_MIME_TYPES = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
} as const;
export type ContentMimeType = keyof typeof CONTENT_MIME_TYPES;

const MIME_TYPE = Object.freeze(
  Object.fromEntries(Object.keys(CONTENT_MIME_TYPES).map((k) => [k, k])) as Record<
    ContentMimeType,
    ContentMimeType
  >,
);

export interface TextOutputApi {
  readonly __textOutput: true;
  getContent(): string;
  setContent(content: string): TextOutputApi;
  append(addedContent: string): TextOutputApi;
  clear(): TextOutputApi;
  getMimeType(): ContentMimeType;
  setMimeType(mimeType: ContentMimeType): TextOutputApi;
  downloadAsFile(filename: string): TextOutputApi;
  getFileName(): string | null;
}

export interface ContentServiceApi {
  readonly MimeType: typeof MIME_TYPE;
  createTextOutput(content?: string): TextOutputApi;
}

export interface TextOutputData {
  content: string;
  mimeType: ContentMimeType;
  /** HTTP Content-Type for `mimeType`. */
  contentType: string;
  fileName: string | null;
}

const outputs = new WeakMap<
  object,
  { content: string; mimeType: ContentMimeType; fileName: string | null }
>();

/** True for a TextOutput made by this simulator (from any realm). */
export function isTextOutput(value: unknown): boolean {
  return typeof value === 'object' && value !== null && outputs.has(value);
}

/** What a web request returning this TextOutput serves, or null if it is not one. */
export function readTextOutput(value: unknown): TextOutputData | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = outputs.get(value);
  if (!state) return null;
  return { ...state, contentType: CONTENT_MIME_TYPES[state.mimeType] };
}

/** Builds the `ContentService` global for one execution. */
export function createContentService(exec: Execution): ContentServiceApi {
  return {
    MimeType: MIME_TYPE,
    createTextOutput(content) {
      exec.charge('ContentService.createTextOutput');
      // apps-script/reference/content/content-service#createTextOutput(): plain text by default.
      const state = {
        content: content === undefined || content === null ? '' : String(content),
        mimeType: 'TEXT' as ContentMimeType,
        fileName: null as string | null,
      };
      const api: TextOutputApi = {
        __textOutput: true,
        getContent() {
          exec.charge('TextOutput.getContent');
          return state.content;
        },
        setContent(next) {
          exec.charge('TextOutput.setContent');
          state.content = String(next);
          return api;
        },
        append(addedContent) {
          exec.charge('TextOutput.append');
          state.content += String(addedContent);
          return api;
        },
        clear() {
          exec.charge('TextOutput.clear');
          state.content = '';
          return api;
        },
        getMimeType() {
          exec.charge('TextOutput.getMimeType');
          return state.mimeType;
        },
        setMimeType(mimeType) {
          exec.charge('TextOutput.setMimeType');
          // apps-script/reference/content/text-output#setMimeType(MimeType): one of ContentService.MimeType.
          const name = String(mimeType) as ContentMimeType;
          if (!(name in CONTENT_MIME_TYPES)) throw new ScriptError('Invalid argument: mimeType');
          state.mimeType = name;
          return api;
        },
        downloadAsFile(filename) {
          exec.charge('TextOutput.downloadAsFile');
          // apps-script/reference/content/text-output#downloadAsFile(String): served as an attachment.
          state.fileName = String(filename);
          return api;
        },
        getFileName() {
          exec.charge('TextOutput.getFileName');
          // apps-script/reference/content/text-output#getFileName(): null unless downloadAsFile was called.
          return state.fileName;
        },
      };
      outputs.set(api, state);
      return api;
    },
  };
}
