// Back-off and the journal, without a server: Retry-After wins over the computed delay, attempts
// are bounded, errors that will not pass on their own are not retried; the journal tolerates a
// torn last line and one run at a time holds it.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetError, fleetErrorFromHttp, parseRetryAfter } from '../../../tools/fleet/fleet-errors';
import { Journal, JournalError, readJournal } from '../../../tools/fleet/journal';
import { backoffDelayMs, withRetry } from '../../../tools/fleet/retry';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };

it('retries 429 and 5xx with growing, jittered delays, honouring Retry-After', async () => {
  const delays: number[] = [];
  let calls = 0;
  const result = await withRetry(
    async () => {
      calls++;
      if (calls === 1) throw fleetErrorFromHttp(429, { error: { code: 429 } }, '3');
      if (calls === 2) throw fleetErrorFromHttp(503, { error: { code: 503 } }, null);
      if (calls === 3) throw fleetErrorFromHttp(500, '', null);
      return 'ok';
    },
    policy,
    { sleep: async (ms) => void delays.push(ms), random: () => 1 },
  );
  expect(result).toBe('ok');
  // Retry-After: 3 s; then full jitter (random = 1) under 100·2^(n-1).
  expect(delays).toEqual([3000, 200, 400]);
});

it('gives up after maxAttempts and says how many times it tried', async () => {
  let calls = 0;
  await expect(
    withRetry(
      async () => {
        calls++;
        throw fleetErrorFromHttp(503, {}, null);
      },
      policy,
      { sleep: async () => undefined },
    ),
  ).rejects.toThrow(/se intentó 4 veces/);
  expect(calls).toBe(4);
});

it('does not retry permission, API-disabled and not-found errors', async () => {
  for (const [status, body, code] of [
    [
      403,
      {
        error: {
          code: 403,
          message: 'The caller does not have permission',
          status: 'PERMISSION_DENIED',
        },
      },
      'PERMISSION_DENIED',
    ],
    [
      403,
      {
        error: {
          code: 403,
          message:
            'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry.',
          status: 'PERMISSION_DENIED',
        },
      },
      'API_DISABLED',
    ],
    [
      404,
      { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
      'NOT_FOUND',
    ],
  ] as const) {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw fleetErrorFromHttp(status, body, null);
        },
        policy,
        { sleep: async () => undefined },
      ),
    ).rejects.toMatchObject({ code });
    expect(calls).toBe(1);
  }
});

it('reads Retry-After as seconds or as an HTTP date, and caps it', () => {
  expect(parseRetryAfter('7')).toBe(7);
  expect(
    parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
  ).toBe(30);
  expect(parseRetryAfter('soon')).toBeUndefined();
  const error = new FleetError('RESOURCE_EXHAUSTED', 'x', true, 3600);
  expect(backoffDelayMs(policy, 1, error)).toBe(5000);
});

describe('journal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pqrs-journal-'));

  it('ignores a torn last line and starts the next record on a line of its own', async () => {
    const file = join(dir, 'torn.jsonl');
    const record = {
      v: 1,
      at: '2026-03-01T10:00:00.000Z',
      run: 'r1',
      op: 'rollout',
      step: 'done',
      ring: 'piloto',
      scriptId: 'S1',
      to: '5',
    };
    writeFileSync(
      file,
      `${JSON.stringify({ ...record, step: 'started', from: '4', deployments: [] })}\n${JSON.stringify(record)}\n`,
    );
    appendFileSync(file, '{"v":1,"at":"2026-03-01T10:00:01.000Z","run":"r1","op":"rollout","st');
    const journal = await Journal.open(file, 'r2');
    expect(journal.skippedLines).toBe(1);
    expect(journal.stateOf('S1')?.rollout).toMatchObject({ done: true, to: '5', from: '4' });
    await journal.append({
      op: 'rollout',
      step: 'started',
      ring: 'piloto',
      scriptId: 'S2',
      to: '5',
      from: '4',
    });
    await journal.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[2]).toMatch(/"st$/);
    expect(JSON.parse(lines[3] ?? '')).toMatchObject({
      run: 'r2',
      scriptId: 'S2',
      step: 'started',
    });
    const reread = readJournal(file);
    expect(reread.records).toHaveLength(3);
    expect(reread.skippedLines).toBe(1);
  });

  it('lets one run at a time hold a journal, and takes over the lock of a dead process', async () => {
    const file = join(dir, 'locked.jsonl');
    const first = await Journal.open(file, 'a');
    writeFileSync(`${file}.lock`, `${process.ppid}\n`); // a live process other than this one
    await expect(Journal.open(file, 'b')).rejects.toThrow(JournalError);
    writeFileSync(`${file}.lock`, '999999999\n'); // no such process
    const second = await Journal.open(file, 'c');
    await second.close();
    await first.close();
  });

  it('takes the lock atomically: of two opens at once, exactly one gets the journal', async () => {
    const file = join(dir, 'race.jsonl');
    const results = await Promise.allSettled([Journal.open(file, 'x'), Journal.open(file, 'y')]);
    const opened = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(opened).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(JournalError);
    // Its lock records this process: still alive, so it is not taken over either.
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    await expect(Journal.open(file, 'z')).rejects.toThrow(/está usando el diario/);
    await (opened[0] as PromiseFulfilledResult<Journal>).value.close();
    expect(existsSync(`${file}.lock`)).toBe(false);
    // A lock whose process cannot be told is not taken over.
    writeFileSync(`${file}.lock`, '');
    await expect(Journal.open(file, 'w')).rejects.toThrow(JournalError);
  });
});
