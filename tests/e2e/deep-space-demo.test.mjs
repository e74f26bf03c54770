// The deep-space demo: end to end against custody on the same messages; a
// timeout under one round trip shows spurious retransmissions.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, ARTIFACTS, newPage, settled, useSite } from './harness.mjs';

const POST = '/posts/talking-to-mars/';

const site = useSite();

async function liveStats(page) {
  await settled(page, '#app [data-demo="deep-space"]');
  return page.$$eval('#app [data-demo="deep-space"] [data-stat]', (els) =>
    Object.fromEntries(els.map((e) => [`${e.dataset.run}.${e.dataset.stat}`, e.textContent])),
  );
}

async function openDemo(path = POST, setup = async () => {}) {
  const { page, errors } = await newPage(site.context);
  await setup(page);
  await page.goto(site.base + path);
  await appReady(page);
  await page.waitForSelector('#app [data-demo="deep-space"] canvas.deep-space-path');
  return { page, errors };
}

test('deep space: build-time table, live demo, keyboard, URL, export', async () => {
  const html = await (await fetch(site.base + POST)).text();
  assert.match(html, /data-demo="deep-space"/);
  assert.match(html, /12\.5 min one way/);
  const built = Object.fromEntries(
    [...html.matchAll(/data-run="(\w+)" data-stat="(\w+)">([^<]*)</g)].map((m) => [`${m[1]}.${m[2]}`, m[3]]),
  );
  assert.equal(built['end_to_end.delivered'], '40 of 40');
  assert.equal(built['end_to_end.spurious'], '0', 'a patient timeout resends only what was lost');

  const { page, errors } = await openDemo();
  assert.deepEqual(await liveStats(page), built, 'wasm reproduces the build-time run');
  const speeds = await page.$$eval('#demo-1-speed option', (os) => os.map((o) => o.value));
  assert.deepEqual(speeds, ['1', '60', '600', '3600']);
  assert.match(await page.locator('.playhead').textContent(), /min/);

  await page.getByLabel('Retransmission timeout').focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowLeft');
  const impatient = await liveStats(page);
  assert.equal(new URL(page.url()).searchParams.get('d1.timeout_factor'), '0.25');
  assert.ok(Number(impatient['end_to_end.spurious']) > 0, JSON.stringify(impatient));
  assert.ok(Number(impatient['custody.spurious']) > 0);

  const again = await newPage(site.context);
  await again.page.goto(page.url());
  await appReady(again.page);
  await again.page.waitForSelector('#app [data-demo="deep-space"] canvas.deep-space-path');
  assert.deepEqual(await liveStats(again.page), impatient, 'the link reproduces the run');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-events-csv"]')]);
  const rows = (await readFile(await download.path(), 'utf8')).trim().split('\n').map((l) => l.split(','));
  const header = rows[0];
  assert.ok(header.includes('recovery') && header.includes('type'), header.join());
  const runs = new Set(rows.slice(1).map((r) => r[header.indexOf('recovery')]));
  assert.deepEqual([...runs].sort(), ['custody', 'end_to_end']);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  const run = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(run.demo, 'deep-space');
  assert.equal(run.events.length, rows.length - 1);

  await page.screenshot({ path: join(ARTIFACTS, 'deep-space-demo.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await page.close();
  await again.page.close();
});

test('deep space: reduced motion draws the end at once', async () => {
  const still = await openDemo(POST, (p) => p.emulateMedia({ reducedMotion: 'reduce' }));
  assert.equal(await still.page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'false');
  const shown = await still.page.locator('.playhead').textContent();
  await still.page.waitForTimeout(300);
  assert.equal(await still.page.locator('.playhead').textContent(), shown);
  assert.deepEqual(still.errors, []);
  await still.page.close();
});
