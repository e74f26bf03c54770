// The queue demo: duplicates from redelivery, suppressed by an idempotency
// store; keyboard, URL, reload, export, reduced motion.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, ARTIFACTS, builtStats, dataTable, newPage, statsOf, useSite } from './harness.mjs';

const POST = '/posts/at-least-once-means-duplicates/';

const site = useSite();

const liveStats = (page) => statsOf(page, '#app [data-demo="queue"]');

async function openDemo(path = POST, setup = async () => {}) {
  const { page, errors } = await newPage(site.context);
  await setup(page);
  await page.goto(site.base + path);
  await appReady(page);
  await page.waitForSelector('#app [data-demo="queue"] canvas.queue-flow');
  return { page, errors };
}

test('queue: the build-time picture, then the live demo with the same numbers', async () => {
  const html = await (await fetch(site.base + POST)).text();
  assert.match(html, /data-demo="queue"/);
  assert.match(html, /200 messages\/s for 10 s over 20 keys and 4 partitions/);
  assert.match(html, /<svg/);
  const built = builtStats(html);
  assert.notEqual(built.duplicates, '0', 'the default run shows duplicates');

  const { page, errors } = await openDemo();
  assert.deepEqual(await liveStats(page), built, 'wasm reproduces the build-time run');
  const table = await dataTable(page, '#app [data-demo="queue"]');
  assert.deepEqual(table.columns.slice(0, 2), ['Time (s)', 'Highest lag']);
  assert.ok(table.rows.length >= 10, 'a row a second over at least the 10 s of producing');
  assert.deepEqual(table.rows.map((r) => r[0]), table.rows.map((_, i) => String(i + 1)));
  assert.ok(table.rows.every((r) => r.length === 6), JSON.stringify(table.rows[0]));
  assert.notEqual(table.rows.at(-1)[2], '0', 'the default run has duplicates by its end');
  assert.deepEqual(errors, []);
  await page.close();
});

test('queue: the idempotency store by keyboard suppresses duplicates; the URL keeps it', async () => {
  const { page, errors } = await openDemo();
  const before = await liveStats(page);
  await page.getByLabel('keeps an idempotency store').focus();
  await page.keyboard.press('Space');
  const stored = await liveStats(page);
  assert.equal(stored.duplicates, '0');
  assert.equal(stored.suppressed, before.duplicates, 'the same duplicates, now suppressed');
  assert.equal(new URL(page.url()).searchParams.get('d1.idempotency_store'), 'true');

  await page.getByLabel('Ack (visibility) timeout').focus();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowLeft');
  const shorter = await liveStats(page);
  assert.notDeepEqual(shorter, stored);
  assert.equal(new URL(page.url()).searchParams.get('d1.ack_timeout_ms'), '10');

  const again = await newPage(site.context);
  await again.page.goto(page.url());
  await appReady(again.page);
  await again.page.waitForSelector('#app [data-demo="queue"] canvas.queue-flow');
  assert.deepEqual(await liveStats(again.page), shorter, 'the link reproduces the run');
  assert.equal(await again.page.isChecked('#demo-1-idempotency'), true);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-events-csv"]')]);
  const rows = (await readFile(await download.path(), 'utf8')).trim().split('\n').map((l) => l.split(','));
  const header = rows[0];
  assert.ok(header.includes('type') && header.includes('message'), header.join());
  assert.ok(rows.every((r) => r.length === header.length));
  const types = new Set(rows.slice(1).map((r) => r[header.indexOf('type')]));
  for (const t of ['produced', 'enqueued', 'delivered', 'processed', 'redelivered', 'duplicate_suppressed']) {
    assert.ok(types.has(t), `events include ${t}`);
  }
  await page.screenshot({ path: join(ARTIFACTS, 'queue-demo.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await page.close();
  await again.page.close();
});

test('queue: playback animates the flow; reduced motion draws the end at once', async () => {
  const { page, errors } = await openDemo();
  await page.click('[data-testid="play"]');
  await page.getByRole('button', { name: 'Restart' }).click();
  assert.equal((await page.locator('.playhead').textContent()).trim(), 't = 0 ms');
  for (let i = 0; i < 20; i += 1) await page.click('[data-testid="step"]');
  assert.notEqual((await page.locator('.playhead').textContent()).trim(), 't = 0 ms');
  await page.close();

  const still = await openDemo(POST, (p) => p.emulateMedia({ reducedMotion: 'reduce' }));
  assert.equal(await still.page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'false');
  const shown = await still.page.locator('.playhead').textContent();
  await still.page.waitForTimeout(300);
  assert.equal(await still.page.locator('.playhead').textContent(), shown);
  assert.notEqual(shown.trim(), 't = 0 ms');
  assert.deepEqual(errors, []);
  assert.deepEqual(still.errors, []);
  await still.page.close();
});
