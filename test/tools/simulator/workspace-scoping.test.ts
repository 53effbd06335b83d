// Library scoping as the libraries guide's "Resource scoping" table states it, checked with a tiny
// library and shim written for the test (not the product), loaded into two entities.
import { Harness } from '../../../tools/simulator/harness';
import { Workspace } from '../../../tools/simulator/workspace';

const LIBRARY = `
function readScriptProperty(key) { return PropertiesService.getScriptProperties().getProperty(key); }
function writeScriptProperty(key, value) { PropertiesService.getScriptProperties().setProperty(key, value); }
function writeUserProperty(key, value) { PropertiesService.getUserProperties().setProperty(key, value); }
function readUserProperty(key) { return PropertiesService.getUserProperties().getProperty(key); }
function readDocumentProperties() { return PropertiesService.getDocumentProperties(); }
function takeScriptLock() { var lock = LockService.getScriptLock(); return lock.tryLock(0); }
function activeSpreadsheetId() { return SpreadsheetApp.getActiveSpreadsheet().getId(); }
function scriptId() { return ScriptApp.getScriptId(); }
function makeTrigger(name) { ScriptApp.newTrigger(name).timeBased().everyHours(1).create(); return ScriptApp.getProjectTriggers().length; }
function page() { return HtmlService.createTemplateFromFile('page').evaluate().getContent(); }
function libraryOnly() { return 'library'; }
function hidden_() { return 'hidden'; }
function includeText() { return 'from the library'; }
function sendMail(to) { MailApp.sendEmail(to, 's', 'b'); }
function onOpen() { SpreadsheetApp.getUi().createMenu('Library menu').addItem('x', 'libraryOnly').addToUi(); }
`;

const SHIM = `
function onOpen(e) { SpreadsheetApp.getUi().createMenu('PQRSD').addItem('Leer', 'menuRead').addToUi(); return PQRS.readScriptProperty('k'); }
function menuRead() { return PQRS.readScriptProperty('k'); }
function write(value) { return PQRS.writeScriptProperty('k', value); }
function read() { return PQRS.readScriptProperty('k'); }
function writeUser(value) { return PQRS.writeUserProperty('u', value); }
function readUser() { return PQRS.readUserProperty('u'); }
function docProps() { return PQRS.readDocumentProperties(); }
function lockIt() { return PQRS.takeScriptLock(); }
function active() { return PQRS.activeSpreadsheetId(); }
function id() { return PQRS.scriptId(); }
function trigger(name) { return PQRS.makeTrigger(name); }
function page() { return PQRS.page(); }
function hidden() { return typeof PQRS.hidden_; }
function ownScriptProperty() { return PropertiesService.getScriptProperties().getProperty('k'); }
function mail(to) { return PQRS.sendMail(to); }
function private_() { return 'private'; }
function handler() { return 'fired'; }
`;

function makeWorkspace(documentStoresInLibrary: 'null' | 'library-and-document' = 'null') {
  const ws = new Workspace({
    library: { code: LIBRARY, files: new Map([['page', '<p><?!= includeText() ?></p>']]) },
    shimCode: SHIM,
    startMs: Date.UTC(2026, 6, 6, 13),
    openBehaviours: { documentStoresInLibrary },
  });
  ws.addEntity({ name: 'a', owner: 'admin@a.gov.co' });
  ws.addEntity({ name: 'b', owner: 'admin@b.gov.co' });
  return ws;
}

const run = (ws: Workspace, entity: string, fn: string, ...args: unknown[]) =>
  ws.run({ entity, fn, args, kind: 'direct', user: `admin@${entity}.gov.co` });

describe('library scoping (developers.google.com/apps-script/guides/libraries#resource_scoping)', () => {
  it('script properties opened in library code are one store shared by every entity', () => {
    const ws = makeWorkspace();
    run(ws, 'a', 'write', 'secret of a');
    expect(run(ws, 'b', 'read').value).toBe('secret of a');
    // ...while each shim's own script properties stay its own.
    expect(run(ws, 'a', 'ownScriptProperty').value).toBeNull();
    expect(ws.libraryScopedUses).toContain('PropertiesService.getScriptProperties');
  });

  it('user properties opened in library code belong to the calling script', () => {
    const ws = makeWorkspace();
    run(ws, 'a', 'writeUser', 'x');
    expect(run(ws, 'a', 'readUser').value).toBe('x');
    expect(run(ws, 'b', 'readUser').value).toBeNull();
  });

  it('a script lock taken in library code is one lock for all entities', () => {
    const ws = makeWorkspace();
    ws.libraryStores.lock.holdUntil(ws.now + 60_000);
    expect(run(ws, 'b', 'lockIt').value).toBe(false);
    expect(ws.libraryScopedUses).toContain('LockService.getScriptLock');
  });

  it('document stores inside a library follow the switch and are reported as unverified', () => {
    const nullWs = makeWorkspace('null');
    expect(run(nullWs, 'a', 'docProps').value).toBeNull();
    expect(nullWs.unverifiedUses).toEqual([
      'PropertiesService.getDocumentProperties called from library code',
    ]);
    const scoped = makeWorkspace('library-and-document');
    expect(run(scoped, 'a', 'docProps').value).not.toBeNull();
  });

  it('the active spreadsheet and ScriptApp resolve to the calling shim', () => {
    const ws = makeWorkspace();
    expect(run(ws, 'a', 'active').value).toBe(ws.entity('a').spreadsheet.id);
    expect(run(ws, 'b', 'active').value).toBe(ws.entity('b').spreadsheet.id);
    expect(run(ws, 'a', 'id').value).toBe(ws.entity('a').scriptId);
  });

  it('triggers created from library code land on the shim and fire only shim functions', () => {
    const ws = makeWorkspace();
    expect(run(ws, 'a', 'trigger', 'handler').value).toBe(1);
    expect(ws.entity('a').triggers.list()).toHaveLength(1);
    expect(ws.entity('b').triggers.list()).toHaveLength(0);
    const harness = new Harness(ws);
    const fired = harness.advanceTo(ws.now + 61 * 60 * 1000);
    expect(fired.map((r) => r.value)).toEqual(['fired']);
    // A handler that exists only in the library is not found when the trigger fires.
    run(ws, 'b', 'trigger', 'libraryOnly');
    const failed = harness
      .advanceTo(ws.now + 61 * 60 * 1000)
      .filter((r) => r.record.entity === 'b');
    expect(failed[0].error?.message).toBe('Script function not found: libraryOnly');
  });

  it('HTML files and template scriptlets come from the library project', () => {
    const ws = makeWorkspace();
    expect(run(ws, 'a', 'page').value).toBe('<p>from the library</p>');
  });

  it('names ending in an underscore are hidden from library users', () => {
    const ws = makeWorkspace();
    expect(run(ws, 'a', 'hidden').value).toBe('undefined');
    expect(ws.publicLibraryNames()).not.toContain('hidden_');
  });

  it('mail sent from library code counts against the calling user', () => {
    const ws = makeWorkspace();
    ws.mail.setDailyQuota('admin@a.gov.co', 1);
    run(ws, 'a', 'mail', 'x@example.com');
    expect(ws.mail.sent[0].from).toBe('admin@a.gov.co');
    expect(run(ws, 'a', 'mail', 'y@example.com').error?.message).toBe(
      'Service invoked too many times for one day: email.',
    );
  });
});

describe('entry points', () => {
  it('only the shim simple trigger runs, in LIMITED mode, and cannot send mail', () => {
    const ws = makeWorkspace();
    const harness = new Harness(ws);
    const opened = harness.open('a', 'admin@a.gov.co');
    expect(opened.error).toBeNull();
    expect(ws.entity('a').ui.menus.map((m) => m.menu)).toEqual(['PQRSD']); // not the library's onOpen menu
    const limited = ws.run({
      entity: 'a',
      fn: 'mail',
      args: ['x@example.com'],
      kind: 'simple',
      user: 'admin@a.gov.co',
    });
    expect(limited.error?.message).toMatch(/permission/);
  });

  it('google.script.run reaches only public shim functions and refuses Dates', () => {
    const ws = makeWorkspace();
    const harness = new Harness(ws);
    expect(harness.scriptRun('a', 'admin@a.gov.co', 'read').error).toBeNull();
    expect(harness.scriptRun('a', 'admin@a.gov.co', 'private_').error?.message).toBe(
      'Script function not found: private_',
    );
    expect(harness.scriptRun('a', 'admin@a.gov.co', 'libraryOnly').error?.message).toBe(
      'Script function not found: libraryOnly',
    );
    expect(() => harness.scriptRun('a', 'admin@a.gov.co', 'write', new Date())).toThrow(/Date/);
  });

  it('menu items call shim functions by name', () => {
    const ws = makeWorkspace();
    const harness = new Harness(ws);
    harness.open('a', 'admin@a.gov.co');
    run(ws, 'a', 'write', 'v');
    expect(harness.menu('a', 'admin@a.gov.co', 'Leer').value).toBe('v');
  });

  it('each execution starts with fresh globals and records its calls', () => {
    const ws = makeWorkspace();
    const first = run(ws, 'a', 'read');
    expect(first.record.calls['PropertiesService.getScriptProperties']).toBe(1);
    expect(first.record.calls['Properties.getProperty']).toBe(1);
    expect(ws.executions).toHaveLength(1);
  });
});
