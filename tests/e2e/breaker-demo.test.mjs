// The breaker demo: the state diagram follows the run, controls change it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, ARTIFACTS, builtStats, newPage, statsOf, useSite } from './harness.mjs';

const POST = '/posts/a-breaker-is-a-decision-to-fail-fast/';

const site = useSite();

const liveStats = (page) => statsOf(page, '#app [data-demo="breaker"]');

test('breaker: lights its states, follows the keyboard and the URL, exports', async () => {
  const html = await (await fetch(site.base + POST)).text();
  assert.match(html, /data-demo="breaker"/);
  assert.match(html, /cools down for 1000 ms/);
  const built = builtStats(html);

  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + POST);
  await appReady(page);
  await page.waitForSelector('#app [data-demo="breaker"] canvas');
  assert.deepEqual(await liveStats(page), built, 'wasm reproduces the build-time run');

  // Walk the playhead from the start: the diagram starts closed and opens.
  await page.click('[data-testid="play"]');
  await page.getByRole('button', { name: 'Restart' }).click();
  assert.equal(await page.getAttribute('.state.active', 'data-state'), 'closed');
  const seen = new Set();
  for (let i = 0; i < 400 && seen.size < 3; i += 1) {
    await page.click('[data-testid="step"]');
    seen.add(await page.getAttribute('.state.active', 'data-state'));
  }
  assert.deepEqual([...seen].sort(), ['closed', 'half_open', 'open']);

  const before = await liveStats(page);
  await page.getByLabel('Cool-down').focus();
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
  const after = await liveStats(page);
  assert.notDeepEqual(after, before);
  assert.equal(new URL(page.url()).searchParams.get('d1.breaker.cooldown_ms'), '2000');

  const again = await newPage(site.context);
  await again.page.goto(page.url());
  await appReady(again.page);
  assert.deepEqual(await liveStats(again.page), after);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-events-csv"]')]);
  const csv = (await readFile(await download.path(), 'utf8')).trim().split('\n');
  assert.ok(csv.length > 400 && csv[0].includes('type'), `${csv.length} rows`);
  assert.ok(csv.some((row) => row.includes(',breaker,')), 'breaker transitions are in the events');

  await page.screenshot({ path: join(ARTIFACTS, 'breaker-demo.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await page.close();
  await again.page.close();
});
