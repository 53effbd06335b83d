// Serves a sidebar that the simulator's UiHost recorded to a real browser, with a small
// `google.script.run` client that sends each call to the simulator (Harness.scriptRun) over HTTP.
// Loopback only, random free port, bounded bodies, bounded call count; close() ends every socket.
//
// Client behaviour follows developers.google.com/apps-script/guides/html/reference/run:
// - withSuccessHandler / withFailureHandler / withUserObject return a runner for chaining and
//   leave `google.script.run` itself untouched; any other property is a server function name.
// - The call is asynchronous and returns undefined; the success handler gets (value, userObject),
//   the failure handler gets (error, userObject) with `error.message`.
// - "Requests fail if you attempt to pass a Date, Function, DOM element besides a form ...
//   including prohibited types inside objects or arrays. Objects that create circular references
//   will also fail, and undefined fields within arrays become null." Dates and functions are sent
//   tagged and revived here so that Harness.scriptRun refuses them (one source for that rule);
//   cycles and DOM nodes fail in the page. A form element is legal only as the only argument.
// - Without a failure handler the error is thrown, uncaught, in the page.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Harness } from '../simulator/harness';
import type { DialogRecord, ShownHtml } from '../simulator/services/ui';

/** The marker key the page uses for a Date or a function inside the arguments. */
const ILLEGAL_KEY = '__gasScriptRunIllegalValue__';
const RUN_PATH = '/__bridge/run';
const MARKER_ATTRIBUTE = 'data-sidebar-bridge';

export interface BridgeCall {
  readonly fn: string;
  readonly args: readonly unknown[];
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
}

export interface SidebarBridgeOptions {
  readonly harness: Harness;
  readonly entity: string;
  /** The person whose sidebar this is: every google.script.run call runs as them. */
  readonly user: string;
  /** The page exactly as recorded (see `recordedSidebar` and `recordedDialog`). */
  readonly html: string;
  /** Largest request body accepted (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Calls served before the bridge answers 429 (default 500): a runaway page cannot loop forever. */
  readonly maxCalls?: number;
}

export interface SidebarBridge {
  /** The page's address, e.g. http://127.0.0.1:40123/ */
  readonly url: string;
  /** Every google.script.run call the page made, in order. */
  readonly calls: readonly BridgeCall[];
  /** The exact HTML served (the recorded page plus the injected client script). */
  readonly servedHtml: string;
  close(): Promise<void>;
}

/** The last sidebar UiHost recorded for `entity` (after a menu click ran showSidebar). */
export function recordedSidebar(harness: Harness, entity: string): ShownHtml {
  const sidebars = harness.ws.entity(entity).ui.sidebars;
  const last = sidebars[sidebars.length - 1];
  if (!last) throw new Error(`${entity} has shown no sidebar: click its menu item first`);
  return last;
}

/**
 * The last modal dialog UiHost recorded for `entity` (after a menu click ran showModalDialog), or
 * the last one with `title` when given.
 */
export function recordedDialog(harness: Harness, entity: string, title?: string): DialogRecord {
  const dialogs = harness.ws
    .entity(entity)
    .ui.dialogs.filter((d) => d.modal && (title === undefined || d.title === title));
  const last = dialogs[dialogs.length - 1];
  if (!last)
    throw new Error(
      `${entity} has shown no modal dialog${title === undefined ? '' : ` "${title}"`}: click its menu item first`,
    );
  return last;
}

/** The injected client: plain ES5 inside one IIFE, so it runs before the page's own scripts. */
export function clientScript(): string {
  return `(function () {
  'use strict';
  var RUN_PATH = ${JSON.stringify(RUN_PATH)};
  var ILLEGAL_KEY = ${JSON.stringify(ILLEGAL_KEY)};
  function fail(message) {
    var error = new Error(message);
    error.name = 'ScriptError';
    return error;
  }
  function formValues(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i += 1) {
      var el = form.elements[i];
      if (!el.name || el.disabled) continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      out[el.name] = el.value;
    }
    return out;
  }
  function encode(value, path, stack) {
    if (value === null || value === undefined) return value;
    var kind = typeof value;
    if (kind === 'string' || kind === 'number' || kind === 'boolean') return value;
    if (kind === 'function') { var f = {}; f[ILLEGAL_KEY] = 'function'; return f; }
    if (Object.prototype.toString.call(value) === '[object Date]') {
      var d = {}; d[ILLEGAL_KEY] = 'Date'; return d;
    }
    if (kind !== 'object') throw fail('Illegal value at ' + path + ': ' + kind);
    if (typeof Node !== 'undefined' && value instanceof Node)
      throw fail('Illegal value at ' + path + ': a DOM element other than a lone form');
    if (stack.indexOf(value) >= 0) throw fail('Illegal value at ' + path + ': circular reference');
    stack.push(value);
    var out;
    if (Array.isArray(value)) {
      out = [];
      for (var i = 0; i < value.length; i += 1) {
        var item = encode(value[i], path + '[' + i + ']', stack);
        out.push(item === undefined ? null : item);
      }
    } else {
      out = {};
      for (var key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        var v = encode(value[key], path + '.' + key, stack);
        if (v !== undefined) out[key] = v;
      }
    }
    stack.pop();
    return out;
  }
  function encodeArgs(args) {
    if (args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement)
      return [formValues(args[0])];
    var out = [];
    for (var i = 0; i < args.length; i += 1) {
      var item = encode(args[i], 'argument ' + i, []);
      out.push(item === undefined ? null : item);
    }
    return out;
  }
  // Handlers run on a fresh task, so what they throw is an uncaught page error, not a rejection.
  function deliver(handler, first, userObject) {
    setTimeout(function () {
      if (handler) handler(first, userObject);
      else if (first instanceof Error) throw first; // no failure handler: uncaught in the page
    }, 0);
  }
  function call(state, fn, args) {
    var body;
    try {
      body = JSON.stringify({ fn: fn, args: encodeArgs(args) });
    } catch (error) {
      deliver(state.failure, error, state.userObject);
      return undefined;
    }
    fetch(RUN_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
      .then(function (response) {
        if (!response.ok) throw fail('NetworkError: Connection failure due to HTTP ' + response.status);
        return response.json();
      })
      .then(
        function (reply) {
          if (reply.ok) deliver(state.success, reply.value, state.userObject);
          else deliver(state.failure, fail(reply.message), state.userObject);
        },
        function (error) {
          var e = error && error.name === 'ScriptError' ? error : fail('NetworkError: Connection failure due to HTTP 0');
          deliver(state.failure, e, state.userObject);
        },
      );
    return undefined;
  }
  function runner(state) {
    var own = {
      withSuccessHandler: function (f) {
        return runner({ success: f, failure: state.failure, userObject: state.userObject });
      },
      withFailureHandler: function (f) {
        return runner({ success: state.success, failure: f, userObject: state.userObject });
      },
      withUserObject: function (o) {
        return runner({ success: state.success, failure: state.failure, userObject: o });
      },
    };
    return new Proxy(own, {
      get: function (target, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (Object.prototype.hasOwnProperty.call(target, name)) return target[name];
        return function () { return call(state, name, Array.prototype.slice.call(arguments)); };
      },
    });
  }
  var google = (window.google = window.google || {});
  google.script = google.script || {};
  google.script.run = runner({ success: null, failure: null, userObject: undefined });
  google.script.host = google.script.host || {
    origin: location.origin,
    close: function () {},
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} },
  };
})();`;
}

/** The recorded page with the client script placed first in <head> (or first in the document). */
export function injectClient(html: string): string {
  const tag = `<script ${MARKER_ATTRIBUTE}>${clientScript()}</script>`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length)
    );
  const root = /<html\b[^>]*>/i.exec(html);
  if (root)
    return (
      html.slice(0, root.index + root[0].length) + tag + html.slice(root.index + root[0].length)
    );
  return tag + html;
}

/** Turns the page's markers back into a Date or a function, which Harness.scriptRun refuses. */
function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === ILLEGAL_KEY) {
      const kind = (value as Record<string, unknown>)[ILLEGAL_KEY];
      if (kind === 'Date') return new Date(0);
      if (kind === 'function') return () => undefined;
    }
  }
  return value;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the bridge on 127.0.0.1 at a free port. Call close() (e.g. in afterAll). */
export async function startSidebarBridge(options: SidebarBridgeOptions): Promise<SidebarBridge> {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxCalls = options.maxCalls ?? 500;
  const servedHtml = injectClient(options.html);
  const calls: BridgeCall[] = [];
  let host = '';

  const send = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  };

  const run = (raw: string): { ok: true; value: unknown } | { ok: false; message: string } => {
    let request: unknown;
    try {
      request = JSON.parse(raw, revive);
    } catch {
      throw new HttpError(400, 'body is not JSON');
    }
    const { fn, args } = (request ?? {}) as { fn?: unknown; args?: unknown };
    if (typeof fn !== 'string' || fn === '' || !Array.isArray(args))
      throw new HttpError(400, 'expected { fn: string, args: array }');
    if (calls.length >= maxCalls) throw new HttpError(429, `more than ${maxCalls} calls`);
    let outcome: { ok: true; value: unknown } | { ok: false; message: string };
    try {
      const result = options.harness.scriptRun(options.entity, options.user, fn, ...args);
      outcome = result.error
        ? { ok: false, message: result.error.message }
        : { ok: true, value: result.value };
    } catch (error) {
      // cloneForScriptRun refuses illegal arguments (and return values) before or after the run.
      outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    calls.push(
      outcome.ok
        ? { fn, args, ok: true, value: outcome.value }
        : { fn, args, ok: false, error: outcome.message },
    );
    return outcome;
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // Only this origin: refuses DNS-rebound names and other local pages posting to the port.
    if (req.headers.host !== host) return send(res, 421, 'text/plain', 'wrong host');
    if (req.method === 'GET' && (path === '/' || path === '/index.html'))
      return send(res, 200, 'text/html; charset=utf-8', servedHtml);
    if (req.method === 'POST' && path === RUN_PATH) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`)
        return send(res, 403, 'text/plain', 'wrong origin');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
        return send(res, 415, 'text/plain', 'expected application/json');
      readBody(req, maxBodyBytes)
        .then((raw) => send(res, 200, 'application/json', JSON.stringify(run(raw))))
        .catch((error: unknown) => {
          if (res.headersSent || res.destroyed) return;
          const status = error instanceof HttpError ? error.status : 500;
          send(res, status, 'text/plain', error instanceof Error ? error.message : String(error));
        });
      return;
    }
    if (req.method === 'GET' && path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    send(res, 404, 'text/plain', 'not found');
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.keepAliveTimeout = 1_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;

  let closed: Promise<void> | null = null;
  return {
    url: `http://${host}/`,
    calls,
    servedHtml,
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
