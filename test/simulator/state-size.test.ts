// The entity's state lives in script properties, 500 KB per store (quotas page): what one filing
// adds before the hourly review folds it in, and what is left after, bound how busy an hour can be.
import { Desk, bogota, citizen, useBuiltBundle } from './fixtures';

useBuiltBundle();

const MINUTE = 60 * 1000;

function storeBytes(desk: Desk): number {
  let bytes = 0;
  for (const [key, value] of Object.entries(desk.entity.properties.snapshot()))
    bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  return bytes;
}

it('takes under 800 bytes of the store per filing, and under 150 once folded in', () => {
  const desk = new Desk();
  desk.sweep(); // the day's first review, so the next ones only fold filings in
  const before = storeBytes(desk);
  const start = bogota('2026-02-03T08:05:00');
  const filings = 50;
  for (let k = 0; k < filings; k += 1)
    desk.submit(
      citizen({ email: `ciudadano${k}@example.com`, subject: `Solicitud número ${k}` }),
      start + k * MINUTE,
    );
  const pending = (storeBytes(desk) - before) / filings;
  desk.sweep();
  const folded = (storeBytes(desk) - before) / filings;
  expect(desk.cases()).toHaveLength(filings);
  // A filing holds the petitioner's data until the review moves it to the data store (Ley 1581):
  // 300 filings in an hour then hold under 240 KB of the 500 KB store until the review runs.
  expect(pending).toBeLessThan(800);
  expect(folded).toBeLessThan(150);
}, 60_000);
