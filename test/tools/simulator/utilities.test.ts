import { Execution, type ExecutionOptions, SimDate } from '../../../tools/simulator/kernel';
import { createUtilities } from '../../../tools/simulator/services/utilities';

const T0 = Date.UTC(2026, 6, 20, 12, 0, 0);
const FREE = { '*': { baseMs: 0 } };

function utilities(options: Partial<ExecutionOptions> = {}, random: () => number = () => 0.5) {
  const exec = new Execution({ name: 'test', startMs: T0, costs: FREE, ...options });
  return { exec, u: createUtilities(exec, { random }) };
}

/** Hex from a published test vector -> Java signed bytes, for comparison. */
const signed = (hex: string) =>
  (hex.match(/../g) ?? []).map((h) => {
    const b = parseInt(h, 16);
    return b > 127 ? b - 256 : b;
  });

describe('Utilities.formatDate', () => {
  const instant = new SimDate(Date.UTC(2026, 6, 21, 1, 30, 5, 7)); // 2026-07-21T01:30:05.007Z

  test('formats in the given IANA zone: 01:30 UTC is 20:30 the day before in Bogotá', () => {
    const { u } = utilities();
    expect(u.formatDate(instant, 'America/Bogota', 'yyyy-MM-dd HH:mm')).toBe('2026-07-20 20:30');
    expect(u.formatDate(instant, 'UTC', 'yyyy-MM-dd HH:mm')).toBe('2026-07-21 01:30');
    expect(u.formatDate(instant, 'Asia/Kolkata', 'HH:mm XXX')).toBe('07:00 +05:30');
  });

  test('text fields are English: EEE/EEEE, MMM/MMMM, a', () => {
    const { u } = utilities();
    expect(u.formatDate(instant, 'America/Bogota', 'EEE, d MMM yyyy hh:mm a')).toBe(
      'Mon, 20 Jul 2026 08:30 PM',
    );
    expect(u.formatDate(instant, 'America/Bogota', 'EEEE d MMMM')).toBe('Monday 20 July');
  });

  test('numeric widths, two-digit years, seconds and milliseconds', () => {
    const { u } = utilities();
    expect(u.formatDate(instant, 'UTC', 'yy/M/d H:m:s.SSS')).toBe('26/7/21 1:30:5.007');
    expect(u.formatDate(instant, 'UTC', 'D')).toBe('202');
  });

  test('zone offsets: Z, X, XX, XXX and the short name z', () => {
    const { u } = utilities();
    expect(u.formatDate(instant, 'America/Bogota', 'Z')).toBe('-0500');
    expect(u.formatDate(instant, 'America/Bogota', 'X XX XXX')).toBe('-05 -0500 -05:00');
    expect(u.formatDate(instant, 'UTC', 'XXX')).toBe('Z');
    expect(u.formatDate(instant, 'America/Bogota', 'z')).toBe('COT');
    expect(u.formatDate(instant, 'GMT-05:00', 'HH:mm Z')).toBe('20:30 -0500');
  });

  test('daylight saving time follows the zone rules', () => {
    const { u } = utilities();
    const winter = new SimDate(Date.UTC(2026, 0, 15, 12, 0, 0));
    expect(u.formatDate(winter, 'America/New_York', 'HH:mm Z')).toBe('07:00 -0500');
    expect(u.formatDate(instant, 'America/New_York', 'HH:mm Z')).toBe('21:30 -0400');
  });

  test("quoted text is literal and '' is a single quote", () => {
    const { u } = utilities();
    expect(u.formatDate(instant, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-07-21T01:30:05Z');
    expect(u.formatDate(instant, 'UTC', "h 'o''clock'")).toBe("1 o'clock");
  });

  test('a non-Date argument and an unknown pattern letter are refused', () => {
    const { u } = utilities();
    expect(() => u.formatDate('2026-07-21' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => u.formatDate(instant, 'UTC', 'yyyy q')).toThrow("Illegal pattern character 'q'");
  });
});

describe('Utilities digests and encodings', () => {
  test('computeDigest returns Java signed bytes (SHA-256 of "abc", FIPS 180-2)', () => {
    const { u } = utilities();
    const digest = u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc');
    expect(digest).toHaveLength(32);
    expect(digest[0]).toBe(-70); // 0xba
    expect(digest).toEqual(
      signed('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'),
    );
    expect(u.computeDigest(u.DigestAlgorithm.MD5, '')).toEqual(
      signed('d41d8cd98f00b204e9800998ecf8427e'),
    );
  });

  test('computeHmacSha256Signature matches RFC 4231 test case 2', () => {
    const { u } = utilities();
    expect(u.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe')).toEqual(
      signed('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'),
    );
  });

  test('base64 standard and web-safe alphabets (RFC 4648)', () => {
    const { u } = utilities();
    expect(u.base64Encode('Hello')).toBe('SGVsbG8=');
    expect(u.base64Encode([-5, -1])).toBe('+/8=');
    expect(u.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(u.base64Decode('SGVsbG8=')).toEqual([72, 101, 108, 108, 111]);
    expect(u.base64DecodeWebSafe('-_8=')).toEqual([-5, -1]);
    expect(() => u.base64Decode('not base64!')).toThrow('Could not decode string.');
  });

  test('newBlob keeps bytes, content type and name', () => {
    const { u } = utilities();
    const blob = u.newBlob('héllo', 'text/plain', 'a.txt');
    expect(blob.getBytes()).toEqual([104, -61, -87, 108, 108, 111]); // UTF-8 of é is C3 A9
    expect(blob.getDataAsString()).toBe('héllo');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('a.txt');
  });
});

describe('Utilities misc', () => {
  test('getUuid is an RFC 4122 version-4 UUID drawn from the injected random source', () => {
    const { u } = utilities({}, () => 0);
    expect(u.getUuid()).toBe('00000000-0000-4000-8000-000000000000');
    let n = 0;
    const { u: seeded } = utilities({}, () => ((n = (n * 9301 + 49297) % 233280), n / 233280));
    const uuid = seeded.getUuid();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    n = 0;
    expect(seeded.getUuid()).toBe(uuid);
  });

  test('sleep spends virtual time; more than 300000 ms is refused', () => {
    const { u, exec } = utilities();
    u.sleep(1500);
    expect(exec.simulatedMs).toBe(1500);
    expect(exec.now()).toBe(T0 + 1500);
    expect(() => u.sleep(300_001)).toThrow('Argument too large: milliseconds');
    expect(exec.simulatedMs).toBe(1500);
  });

  test('formatString is sprintf-like', () => {
    const { u } = utilities();
    expect(u.formatString('%s tiene %d casos (%.2f%%)', 'Mesa', 3, 12.5)).toBe(
      'Mesa tiene 3 casos (12.50%)',
    );
    expect(u.formatString('[%5s][%-4d][%03d]', 'ab', 7, 5)).toBe('[   ab][7   ][005]');
  });

  test('each call is charged under its Utilities key', () => {
    const { u, exec } = utilities();
    u.getUuid();
    u.getUuid();
    u.formatDate(new SimDate(T0), 'UTC', 'yyyy');
    expect(exec.calls.get('Utilities.getUuid')).toBe(2);
    expect(exec.calls.get('Utilities.formatDate')).toBe(1);
  });
});
