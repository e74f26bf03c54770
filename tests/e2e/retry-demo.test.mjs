// The retry demo as a reader uses it: keyboard, shared links, downloads,
// playback and reduced motion.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, ARTIFACTS, dataTable, newPage, settled, useSite, statsOf } from './harness.mjs';

const POST = '/posts/retries-are-a-bet/';

const site = useSite();

const liveStats = (page) => statsOf(page, '#app');

async function openDemo(path = POST, setup = async () => {}) {
  const { page, errors } = await newPage(site.context);
  await setup(page);
  await page.goto(site.base + path);
  await appReady(page);
  await page.waitForSelector('#app [data-demo="retry"] canvas');
  return { page, errors };
}

test('a keyboard change goes into the URL, and the URL reproduces the run', async () => {
  const { page, errors } = await openDemo();
  const before = await liveStats(page);
  await page.getByLabel('Server failure rate').focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  await page.getByLabel('Retry policy').selectOption('decorrelated_jitter');
  const changed = await liveStats(page);
  assert.notDeepEqual(changed, before);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('d1.server.failure_rate'), '0.15');
  assert.equal(url.searchParams.get('d1.client.backoff'), 'decorrelated_jitter');

  const reloaded = await newPage(site.context);
  await reloaded.page.goto(page.url());
  await appReady(reloaded.page);
  assert.deepEqual(await liveStats(reloaded.page), changed, 'the link gives the same numbers');
  assert.equal((await reloaded.page.locator('#demo-1-failure-value').textContent()).trim(), '15 %');
  assert.deepEqual(errors, []);
  assert.deepEqual(reloaded.errors, []);
  await page.close();
  await reloaded.page.close();
});

test("the chart's table, opened, holds every successful request of the run", async () => {
  const { page, errors } = await openDemo();
  const demo = '#app [data-demo="retry"]';
  await liveStats(page);
  assert.equal(await page.locator(`${demo} details.data-table tbody tr`).count(), 0, 'folded, it draws no rows');
  const table = await dataTable(page, demo);
  assert.deepEqual(table.columns, ['Latency (ms)', 'First try', 'After retries']);
  const succeeded = Number((await page.textContent(`${demo} figcaption`)).match(/(\d+) succeeded/)[1]);
  const counted = table.rows.reduce((n, [, first, retried]) => n + Number(first) + Number(retried), 0);
  assert.equal(counted, succeeded);
  // Open, it follows the run.
  await page.getByLabel('Server failure rate').focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  const after = await dataTable(page, demo);
  const nowSucceeded = Number((await page.textContent(`${demo} figcaption`)).match(/(\d+) succeeded/)[1]);
  assert.equal(after.rows.reduce((n, [, first, retried]) => n + Number(first) + Number(retried), 0), nowSucceeded);
  assert.deepEqual(errors, []);
  await page.close();
});

test('garbled or out-of-range URL values are ignored', async () => {
  const clean = await openDemo();
  const expected = await liveStats(clean.page);
  await clean.page.close();
  const query = '?d1.client.max_attempts=banana&d1.link.loss=7&d1.seed=xyz&d1.nope=1&d1.server.failure_rate=-3';
  const { page, errors } = await openDemo(POST + query);
  assert.deepEqual(await liveStats(page), expected);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the run downloads as parseable CSV and JSON', async () => {
  const { page, errors } = await openDemo();
  const save = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  const events = await save('export-events-csv');
  assert.equal(events.name, 'retry-seed-42-events.csv');
  const rows = events.text.trim().split('\n').map((line) => line.split(','));
  const header = rows[0];
  assert.ok(header.includes('at') && header.includes('type') && header.includes('request'), header.join());
  assert.ok(rows.length > 500, `${rows.length} rows`);
  assert.ok(rows.every((r) => r.length === header.length), 'every row has every column');

  const metrics = await save('export-metrics-csv');
  assert.match(metrics.text, /^metric,value\n/);
  assert.match(metrics.text, /\nsucceeded,\d+\n/);

  const run = JSON.parse((await save('export-json')).text);
  assert.equal(run.demo, 'retry');
  assert.equal(run.seed, 42);
  assert.equal(run.events.length, rows.length - 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('playback waits while the demo is scrolled away, and goes on when it is back', async () => {
  // At phone size, where the article above the demo is longer than a screen.
  const { page, errors } = await openDemo(POST, (p) => p.setViewportSize({ width: 390, height: 640 }));
  const playhead = () => page.locator('#app .playhead').textContent();
  // At the slowest speed the run plays for a good while.
  await page.getByLabel('Speed').selectOption('0.1');
  await page.getByRole('button', { name: 'Restart' }).click();
  await page.click('[data-testid="play"]');
  await page.waitForFunction(() => document.querySelector('#app .playhead').textContent.trim() !== 't = 0 ms');

  // Scrolled so that no part of the demo's slot is on the screen.
  const away = await page.evaluate(() => {
    const slot = document.querySelector('#app .demo-slot').getBoundingClientRect();
    const [top, bottom] = [slot.top + window.scrollY, slot.bottom + window.scrollY];
    window.scrollTo(0, top > window.innerHeight ? 0 : bottom + 1);
    const now = document.querySelector('#app .demo-slot').getBoundingClientRect();
    return now.bottom <= 0 || now.top >= window.innerHeight;
  });
  assert.ok(away, 'the page scrolls the demo out of view');
  // Once the page has seen it go, the playhead holds still, and the demo
  // is still playing (it did not run to its end unseen).
  let held = await playhead();
  for (;;) {
    await page.waitForTimeout(300);
    const now = await playhead();
    if (now === held) break;
    held = now;
  }
  assert.equal(await page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'true', 'still playing');

  await page.locator('#app .playhead').scrollIntoViewIfNeeded();
  await page.waitForFunction((t) => document.querySelector('#app .playhead').textContent !== t, held);
  assert.deepEqual(errors, []);
  await page.close();
});

/** How many pixels each of the retry demo's charts has drawn on. */
function inkIn(canvases) {
  return [...canvases].map((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n += 1;
    return n;
  });
}
const inkPerChart = (page) => page.$$eval('#app [data-demo="retry"] canvas', inkIn);

/** What the retry demo's histogram shows (it follows the run, not the playhead). */
const histogram = (page) => page.$$eval('#app [data-demo="retry"] canvas', (cs) => cs[1].toDataURL());

test('charts are drawn only while the demo is on the screen, again when it comes back changed, and for print', async () => {
  // At phone size the demo loads below the fold (its module comes one
  // screen early). Not scrolled through: the page stays at its top.
  const phone = (p) => p.setViewportSize({ width: 390, height: 640 });
  const { page, errors } = await newPage(site.context);
  await phone(page);
  await page.goto(site.base + POST);
  await page.waitForSelector('#app[data-ready="true"]');
  await page.waitForSelector('#app figure.demo-live[data-demo="retry"] canvas');
  await settled(page, '#app');
  await page.waitForTimeout(300); // past the tasks a chart's drawing waits for
  const below = await page.$eval('#app .demo-slot', (s) => s.getBoundingClientRect().top >= window.innerHeight);
  assert.ok(below, 'the demo starts below the fold');
  assert.deepEqual(await inkPerChart(page), [0, 0], 'nothing drawn off the screen');

  await page.locator('#app [data-demo="retry"] canvas').first().scrollIntoViewIfNeeded();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#app [data-demo="retry"] canvas')].every((c) => !c.hasAttribute('data-stale')),
  );
  const ink = await inkPerChart(page);
  assert.ok(ink.every((n) => n > 0), `drawn on the screen: ${ink}`);
  const light = await histogram(page);

  // Changed while away (the theme: the charts' text takes its colour): not
  // drawn then, drawn again once back.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('[data-theme-toggle]');
  await page.waitForTimeout(300);
  assert.equal(await histogram(page), light, 'not drawn while away');
  await page.locator('#app [data-demo="retry"] canvas').first().scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (before) => {
      const canvases = document.querySelectorAll('#app [data-demo="retry"] canvas');
      return canvases[1].toDataURL() !== before;
    },
    light,
  );
  assert.deepEqual(errors, []);
  await page.close();

  // Printed without ever being scrolled to: the print style keeps the live
  // figure, so its charts are drawn for the print, at once; its playback
  // does not start for it.
  const printed = await newPage(site.context);
  await phone(printed.page);
  await printed.page.goto(site.base + POST);
  await printed.page.waitForSelector('#app figure.demo-live[data-demo="retry"] canvas');
  await settled(printed.page, '#app');
  await printed.page.waitForTimeout(300);
  assert.deepEqual(await inkPerChart(printed.page), [0, 0]);
  // Drawn at once: before any task could run (the print does not wait).
  const printedInk = await printed.page.evaluate(async () => {
    window.dispatchEvent(new Event('beforeprint'));
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    return [...document.querySelectorAll('#app [data-demo="retry"] canvas')].map((c) => {
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      return data.some((v, i) => i % 4 === 3 && v > 0) ? 1 : 0;
    });
  });
  assert.ok(printedInk.every((n) => n > 0), `drawn for print: ${printedInk}`);
  await printed.page.waitForTimeout(300);
  assert.equal((await printed.page.locator('#app .playhead').textContent()).trim(), 't = 0 ms', 'no playback for the print');
  await printed.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.deepEqual(printed.errors, []);
  await printed.page.close();
});

test('playback steps through events; reduced motion shows the end at once', async () => {
  const { page, errors } = await openDemo();
  await page.click('[data-testid="play"]'); // pause the autoplay
  await page.getByRole('button', { name: 'Restart' }).click();
  const t0 = await page.locator('.playhead').textContent();
  assert.equal(t0.trim(), 't = 0 ms');
  await page.click('[data-testid="step"]');
  await page.click('[data-testid="step"]');
  const t1 = await page.locator('.playhead').textContent();
  assert.notEqual(t1, t0);
  await page.screenshot({ path: join(ARTIFACTS, 'retry-timeline.png'), fullPage: true });
  await page.close();

  const still = await openDemo(POST, (p) => p.emulateMedia({ reducedMotion: 'reduce' }));
  assert.equal(await still.page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'false');
  const shown = await still.page.locator('.playhead').textContent();
  await still.page.waitForTimeout(300);
  assert.equal(await still.page.locator('.playhead').textContent(), shown, 'nothing moves');
  assert.notEqual(shown.trim(), 't = 0 ms', 'the final state is drawn');
  assert.deepEqual(errors, []);
  assert.deepEqual(still.errors, []);
  await still.page.close();
});
