// Local time in the script's zone: SimDate's local-time methods, Date.parse, Intl and
// Session.getScriptTimeZone follow the project's manifest, never the host machine's TZ.
import { SimDate } from '../../../tools/simulator/kernel';
import { compileProject, loadProject } from '../../../tools/simulator/project-loader';
import { scriptIntl, withScriptTimeZone } from '../../../tools/simulator/services/script-time-zone';
import { Workspace } from '../../../tools/simulator/workspace';

// 20 Jul 2026 20:30:00 in Bogotá (UTC-5) = 21 Jul 01:30 UTC = 21 Jul 10:30 in Tokyo.
const T = Date.UTC(2026, 6, 21, 1, 30);

describe('SimDate in the default zone (America/Bogota)', () => {
  it('reads local fields in Bogotá', () => {
    const d = new SimDate(T);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getDay()]).toEqual([2026, 6, 20, 1]);
    expect([d.getHours(), d.getMinutes(), d.getSeconds()]).toEqual([20, 30, 0]);
    expect(d.getTimezoneOffset()).toBe(300);
    expect(d.toString()).toBe('Mon Jul 20 2026 20:30:00 GMT-0500 (Colombia Standard Time)');
    expect(d.toDateString()).toBe('Mon Jul 20 2026');
    expect(String(d)).toBe(d.toString());
    expect(`${d}`).toContain('GMT-0500');
    expect(d.toISOString()).toBe('2026-07-21T01:30:00.000Z');
  });

  it('builds dates from local fields, with overflow and two-digit years', () => {
    expect(new SimDate(2026, 6, 20, 20, 30).getTime()).toBe(T);
    expect(new SimDate(2026, 0, 1).toISOString()).toBe('2026-01-01T05:00:00.000Z');
    expect(new SimDate(2026, 12, 1).getFullYear()).toBe(2027);
    expect(new SimDate(2026, 2, 0).getDate()).toBe(28);
    expect(new SimDate(99, 0).getFullYear()).toBe(1999);
    expect(Number.isNaN(new SimDate(2026, NaN).getTime())).toBe(true);
  });

  it('sets local fields', () => {
    const d = new SimDate(T);
    d.setHours(0, 0, 0, 0);
    expect(d.toISOString()).toBe('2026-07-20T05:00:00.000Z');
    d.setDate(d.getDate() + 12);
    expect(d.toISOString()).toBe('2026-08-01T05:00:00.000Z');
    d.setMonth(0);
    d.setFullYear(2027);
    expect(d.toISOString()).toBe('2027-01-01T05:00:00.000Z');
    expect(d.setMinutes(90)).toBe(Date.UTC(2027, 0, 1, 6, 30));
    const bad = new SimDate(NaN);
    expect(Number.isNaN(bad.setHours(1))).toBe(true);
    expect(bad.toString()).toBe('Invalid Date');
  });

  it('parses local-time text in the script zone and absolute text as given', () => {
    expect(SimDate.parse('2026-07-20T20:30:00')).toBe(T);
    expect(new SimDate('July 20, 2026 20:30:00').getTime()).toBe(T);
    expect(SimDate.parse('2026/07/20')).toBe(Date.UTC(2026, 6, 20, 5));
    expect(SimDate.parse('2026-07-21T01:30:00Z')).toBe(T);
    expect(SimDate.parse('2026-07-20T20:30:00-05:00')).toBe(T);
    expect(SimDate.parse('Mon Jul 20 2026 20:30:00 GMT-0500 (Colombia Standard Time)')).toBe(T);
    // ECMAScript: an ISO date without a time is UTC.
    expect(SimDate.parse('2026-07-20')).toBe(Date.UTC(2026, 6, 20));
    expect(Number.isNaN(SimDate.parse('not a date'))).toBe(true);
  });

  it('formats toLocaleString in the zone unless told otherwise', () => {
    const d = new SimDate(T);
    expect(d.toLocaleString('en-US')).toBe('7/20/2026, 8:30:00 PM');
    expect(d.toLocaleDateString('en-US', { timeZone: 'UTC' })).toBe('7/21/2026');
    expect(d.toLocaleTimeString('en-US', { hour: 'numeric' })).toBe('8 PM');
  });
});

describe('another script zone', () => {
  it('moves every local-time method to that zone', () => {
    withScriptTimeZone('Asia/Tokyo', () => {
      const d = new SimDate(T);
      expect([d.getDate(), d.getHours(), d.getTimezoneOffset()]).toEqual([21, 10, -540]);
      expect(new SimDate(2026, 6, 21, 10, 30).getTime()).toBe(T);
      expect(d.toString()).toBe('Tue Jul 21 2026 10:30:00 GMT+0900 (Japan Standard Time)');
      expect(new (scriptIntl().DateTimeFormat)('en-US', { hour: 'numeric' }).format(d)).toBe(
        '10 AM',
      );
    });
    // Restored afterwards.
    expect(new SimDate(T).getHours()).toBe(20);
  });

  it('follows daylight saving time in zones that have it', () => {
    withScriptTimeZone('Europe/Madrid', () => {
      expect(new SimDate(2026, 0, 15, 12).toISOString()).toBe('2026-01-15T11:00:00.000Z');
      expect(new SimDate(2026, 6, 15, 12).toISOString()).toBe('2026-07-15T10:00:00.000Z');
      expect(new SimDate(Date.UTC(2026, 6, 15)).getTimezoneOffset()).toBe(-120);
    });
  });

  it('rejects an unknown zone', () => {
    expect(() => withScriptTimeZone('Mars/Olympus', () => 1)).toThrow('unknown time zone');
  });
});

describe("a project's manifest", () => {
  const manifest = (timeZone: string) =>
    new Map([['appsscript', JSON.stringify({ timeZone, runtimeVersion: 'V8' })]]);

  it("runs the project's code in the manifest zone", () => {
    const code = `
      var loadedHour = new Date(${T}).getHours();
      function hour() { return new Date(${T}).getHours(); }
      function local() { return new Date(2026, 6, 21, 10, 30).getTime(); }
      function offset() { return new Date(${T}).getTimezoneOffset(); }
      function loaded() { return loadedHour; }`;
    const project = loadProject(compileProject('p', code, manifest('Asia/Tokyo')), {
      Date: SimDate,
    });
    expect(project.getFunction('hour')!()).toBe(10);
    expect(project.getFunction('local')!()).toBe(T);
    expect(project.getFunction('offset')!()).toBe(-540);
    expect(project.getFunction('loaded')!()).toBe(10);
    expect(project.run(`new Date(${T}).getHours()`)).toBe(10);
    // Outside the project's code the default zone applies again.
    expect(new SimDate(T).getHours()).toBe(20);
  });

  it('defaults to America/Bogota without a manifest', () => {
    const project = loadProject(compileProject('p', 'function h(d) { return d.getHours(); }'), {
      Date: SimDate,
    });
    expect(project.getFunction('h')!(new SimDate(T))).toBe(20);
  });

  it('gives Session.getScriptTimeZone, Date and Intl the zone of the project running', () => {
    const library = `
      function zone() {
        return [Session.getScriptTimeZone(), new Date(${T}).getHours(),
          new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23' }).format(new Date(${T}))].join('|');
      }`;
    const shim = `
      function both() {
        return [Session.getScriptTimeZone(), new Date(${T}).getHours(), PQRS.zone()].join(' / ');
      }`;
    const ws = new Workspace({
      library: { code: library, files: manifest('Asia/Tokyo') },
      shimCode: shim,
      startMs: T,
    });
    ws.addEntity({ name: 'a', owner: 'admin@a.gov.co' });
    const result = ws.run({ entity: 'a', fn: 'both', kind: 'direct', user: 'admin@a.gov.co' });
    expect(result.error).toBeNull();
    expect(result.value).toBe('America/Bogota / 20 / Asia/Tokyo|10|10');
  });
});
