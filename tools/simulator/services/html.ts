// HtmlService: HtmlOutput pages and scriptlet templates. Files come from the project whose code
// made the call (library code reads library files), and templates run in that project's global
// scope through `runInProject` (see html-template.ts). The UI host and the doGet runner read
// outputs with readHtmlOutput() so that reading does not charge the script.
import { type Execution, ScriptError } from '../kernel';
import { type BlobApi, createBlob, readBlob } from './utilities-blob';
import { compileTemplate, escapeHtml, javascriptLiteral } from './html-template';

/** apps-script/reference/html/sandbox-mode (only IFRAME is honoured today, the others are kept for old code). */
export const SANDBOX_MODE = Object.freeze({
  EMULATED: 'EMULATED',
  IFRAME: 'IFRAME',
  NATIVE: 'NATIVE',
} as const);
/** apps-script/reference/html/x-frame-options-mode */
export const X_FRAME_OPTIONS_MODE = Object.freeze({
  ALLOWALL: 'ALLOWALL',
  DEFAULT: 'DEFAULT',
} as const);
/** apps-script/reference/html/html-output#addMetaTag(String,String): the only names accepted. */
export const ALLOWED_META_TAGS = [
  'viewport',
  'apple-mobile-web-app-capable',
  'mobile-web-app-capable',
];

export interface HtmlOutputMetaTagApi {
  getName(): string;
  getContent(): string;
}

export interface HtmlOutputApi {
  readonly __htmlOutput: true;
  getContent(): string;
  setContent(content: string): HtmlOutputApi;
  append(addedContent: string): HtmlOutputApi;
  appendUntrusted(addedContent: string): HtmlOutputApi;
  clear(): HtmlOutputApi;
  getTitle(): string;
  setTitle(title: string): HtmlOutputApi;
  getWidth(): number | null;
  setWidth(width: number): HtmlOutputApi;
  getHeight(): number | null;
  setHeight(height: number): HtmlOutputApi;
  setSandboxMode(mode: string): HtmlOutputApi;
  setXFrameOptionsMode(mode: string): HtmlOutputApi;
  addMetaTag(name: string, content: string): HtmlOutputApi;
  getMetaTags(): HtmlOutputMetaTagApi[];
  setFaviconUrl(iconUrl: string): HtmlOutputApi;
  getFaviconUrl(): string | null;
  asTemplate(): HtmlTemplateApi;
  getBlob(): BlobApi;
}

/** Template variables are any other properties the script sets on the object. */
export interface HtmlTemplateApi {
  readonly __htmlTemplate: true;
  evaluate(): HtmlOutputApi;
  getCode(): string;
  getCodeWithComments(): string;
  getRawContent(): string;
  [variable: string]: unknown;
}

export interface HtmlServiceApi {
  readonly SandboxMode: typeof SANDBOX_MODE;
  readonly XFrameOptionsMode: typeof X_FRAME_OPTIONS_MODE;
  createHtmlOutput(html?: unknown): HtmlOutputApi;
  createHtmlOutputFromFile(filename: string): HtmlOutputApi;
  createTemplate(html: unknown): HtmlTemplateApi;
  createTemplateFromFile(filename: string): HtmlTemplateApi;
}

export interface HtmlEnv {
  /** File name without `.html` -> content, of the project whose code made the call. */
  readonly files: ReadonlyMap<string, string>;
  /** Evaluates JS source in that project's global scope (non-strict) and returns the result. */
  readonly runInProject: (source: string) => unknown;
}

/** Everything the UI host or web runner needs from an HtmlOutput. */
export interface HtmlOutputData {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  sandboxMode: string;
  xFrameOptionsMode: string;
  metaTags: Array<{ name: string; content: string }>;
  faviconUrl: string | null;
}

const outputs = new WeakMap<object, HtmlOutputData>();

export function isHtmlOutput(value: unknown): boolean {
  return typeof value === 'object' && value !== null && outputs.has(value);
}

/** A copy of an HtmlOutput's state, or null for anything else. */
export function readHtmlOutput(value: unknown): HtmlOutputData | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = outputs.get(value);
  return state ? { ...state, metaTags: state.metaTags.map((t) => ({ ...t })) } : null;
}

const TEMPLATE_METHODS = new Set([
  'evaluate',
  'getCode',
  'getCodeWithComments',
  'getRawContent',
  '__htmlTemplate',
]);

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function pixels(raw: unknown, what: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ScriptError(`Invalid argument: ${what}`);
  return n;
}

/** Builds the `HtmlService` global for one execution. */
export function createHtmlService(exec: Execution, env: HtmlEnv): HtmlServiceApi {
  const readFile = (filename: unknown): string => {
    const name = String(filename);
    // The editor stores "Page.html" as "Page"; callers pass either form.
    const bare = name.endsWith('.html') ? name.slice(0, -'.html'.length) : name;
    // The manifest (appsscript.json) is among the project's files but is no HTML file.
    const content =
      bare === 'appsscript' ? undefined : (env.files.get(bare) ?? env.files.get(name));
    // Community reports quote this exact message for a missing file.
    if (content === undefined) throw new ScriptError(`No HTML file named ${name} was found.`);
    return content;
  };

  const sourceText = (html: unknown): string => {
    const blob = readBlob(html);
    return blob ? blob.bytes.toString('utf8') : text(html);
  };

  const createOutput = (content: string): HtmlOutputApi => {
    const state: HtmlOutputData = {
      content,
      title: '',
      width: null,
      height: null,
      sandboxMode: SANDBOX_MODE.IFRAME,
      xFrameOptionsMode: X_FRAME_OPTIONS_MODE.DEFAULT,
      metaTags: [],
      faviconUrl: null,
    };
    const api: HtmlOutputApi = {
      __htmlOutput: true,
      getContent() {
        exec.charge('HtmlOutput.getContent');
        return state.content;
      },
      setContent(content) {
        exec.charge('HtmlOutput.setContent');
        state.content = text(content);
        return api;
      },
      append(addedContent) {
        exec.charge('HtmlOutput.append');
        state.content += text(addedContent);
        return api;
      },
      appendUntrusted(addedContent) {
        exec.charge('HtmlOutput.appendUntrusted');
        // apps-script/reference/html/html-output#appendUntrusted(String): escaped, so it renders as text.
        state.content += escapeHtml(text(addedContent));
        return api;
      },
      clear() {
        exec.charge('HtmlOutput.clear');
        state.content = '';
        return api;
      },
      getTitle() {
        exec.charge('HtmlOutput.getTitle');
        return state.title;
      },
      setTitle(title) {
        exec.charge('HtmlOutput.setTitle');
        // apps-script/reference/html/html-output#setTitle(String): the page's <title> element is ignored.
        state.title = text(title);
        return api;
      },
      getWidth() {
        exec.charge('HtmlOutput.getWidth');
        return state.width;
      },
      setWidth(width) {
        exec.charge('HtmlOutput.setWidth');
        state.width = pixels(width, 'width');
        return api;
      },
      getHeight() {
        exec.charge('HtmlOutput.getHeight');
        return state.height;
      },
      setHeight(height) {
        exec.charge('HtmlOutput.setHeight');
        state.height = pixels(height, 'height');
        return api;
      },
      setSandboxMode(mode) {
        exec.charge('HtmlOutput.setSandboxMode');
        if (!(String(mode) in SANDBOX_MODE)) throw new ScriptError('Invalid argument: mode');
        state.sandboxMode = String(mode);
        return api;
      },
      setXFrameOptionsMode(mode) {
        exec.charge('HtmlOutput.setXFrameOptionsMode');
        if (!(String(mode) in X_FRAME_OPTIONS_MODE))
          throw new ScriptError('Invalid argument: mode');
        state.xFrameOptionsMode = String(mode);
        return api;
      },
      addMetaTag(name, content) {
        exec.charge('HtmlOutput.addMetaTag');
        // apps-script/reference/html/html-output#addMetaTag(String,String): only a few names are
        // allowed; the error wording is the simulator's own.
        if (!ALLOWED_META_TAGS.includes(String(name)))
          throw new ScriptError('Invalid argument: name');
        state.metaTags.push({ name: String(name), content: text(content) });
        return api;
      },
      getMetaTags() {
        exec.charge('HtmlOutput.getMetaTags');
        return state.metaTags.map((tag) => ({
          getName() {
            exec.charge('HtmlOutputMetaTag.getName');
            return tag.name;
          },
          getContent() {
            exec.charge('HtmlOutputMetaTag.getContent');
            return tag.content;
          },
        }));
      },
      setFaviconUrl(iconUrl) {
        exec.charge('HtmlOutput.setFaviconUrl');
        state.faviconUrl = text(iconUrl);
        return api;
      },
      getFaviconUrl() {
        exec.charge('HtmlOutput.getFaviconUrl');
        return state.faviconUrl;
      },
      asTemplate() {
        exec.charge('HtmlOutput.asTemplate');
        return createTemplate(state.content);
      },
      getBlob() {
        exec.charge('HtmlOutput.getBlob');
        return createBlob(exec, {
          bytes: Buffer.from(state.content, 'utf8'),
          contentType: 'text/html',
          name: null,
        });
      },
    };
    outputs.set(api, state);
    return api;
  };

  const createTemplate = (raw: string): HtmlTemplateApi => {
    const template = {} as HtmlTemplateApi;
    let compiled: ReturnType<typeof compileTemplate> | null = null;
    const compile = () => (compiled ??= compileTemplate(raw));
    const method = (name: string, fn: () => unknown): void => {
      Object.defineProperty(template, name, { value: fn, enumerable: false });
    };
    Object.defineProperty(template, '__htmlTemplate', { value: true, enumerable: false });
    method('evaluate', () => {
      exec.charge('HtmlTemplate.evaluate');
      // apps-script/reference/html/html-template#evaluate(): runs the scriptlets; other properties
      // set on the template are variables in scope (apps-script/guides/html/templates#pushing_variables_to_templates).
      const vars: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(template))
        if (!TEMPLATE_METHODS.has(key)) vars[key] = template[key];
      const fn = env.runInProject(compile().code);
      if (typeof fn !== 'function')
        throw new Error('runInProject did not return the compiled template function');
      const output = createOutput('');
      const state = outputs.get(output) as HtmlOutputData;
      const printer = {
        raw: (value: unknown) => {
          state.content += text(value);
        },
        html: (value: unknown) => {
          state.content += escapeHtml(text(value));
        },
        js: (value: unknown) => {
          state.content += javascriptLiteral(value);
        },
      };
      (fn as (vars: unknown, p: unknown, output: unknown) => unknown).call(
        undefined,
        vars,
        printer,
        output,
      );
      return output;
    });
    method('getCode', () => {
      exec.charge('HtmlTemplate.getCode');
      return compile().code;
    });
    method('getCodeWithComments', () => {
      exec.charge('HtmlTemplate.getCodeWithComments');
      return compile().codeWithComments;
    });
    method('getRawContent', () => {
      exec.charge('HtmlTemplate.getRawContent');
      return raw;
    });
    return template;
  };

  return {
    SandboxMode: SANDBOX_MODE,
    XFrameOptionsMode: X_FRAME_OPTIONS_MODE,
    createHtmlOutput(html) {
      exec.charge('HtmlService.createHtmlOutput');
      // apps-script/reference/html/html-service#createHtmlOutput(): empty, from a string or from a blob.
      return createOutput(sourceText(html));
    },
    createHtmlOutputFromFile(filename) {
      exec.charge('HtmlService.createHtmlOutputFromFile');
      // apps-script/reference/html/html-service#createHtmlOutputFromFile(String): no scriptlet processing.
      return createOutput(readFile(filename));
    },
    createTemplate(html) {
      exec.charge('HtmlService.createTemplate');
      return createTemplate(sourceText(html));
    },
    createTemplateFromFile(filename) {
      exec.charge('HtmlService.createTemplateFromFile');
      return createTemplate(readFile(filename));
    },
  };
}
