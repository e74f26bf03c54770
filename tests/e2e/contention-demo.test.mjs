// The contention demo: a sweep computed by web workers (or, without them,
// in the page between frames).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, ARTIFACTS, builtStats, newPage, statsOf, sweepFinished, useSite } from './harness.mjs';

const POST = '/posts/jitter-is-about-the-crowd/';
const STATUS = '[data-testid="sweep-status"]';

const site = useSite();

async function sweepDone(page) {
  await sweepFinished(page);
  return statsOf(page, '#app [data-demo="contention"]');
}

test('contention: the sweep runs in the page, matches the build, and follows the controls', async () => {
  const html = await (await fetch(site.base + POST)).text();
  assert.match(html, /data-demo="contention"/);
  const built = builtStats(html);
  assert.equal(Object.keys(built).length, 5);

  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + POST);
  await appReady(page);
  const live = await sweepDone(page);
  assert.deepEqual(live, built, 'wasm reproduces the build-time sweep');
  console.log(`    sweep (20 runs per point): ${await page.textContent(STATUS)}`);
  const calls = (key) => Number(live[key].split(' ')[0]);
  assert.ok(calls('exponential') > 1.5 * calls('full_jitter'), JSON.stringify(live));

  await page.getByLabel('Runs per point').focus();
  await page.keyboard.press('ArrowUp'); // 20 -> 10
  const fewer = await sweepDone(page);
  assert.notDeepEqual(fewer, live);
  assert.equal(new URL(page.url()).searchParams.get('d1.runs'), '10');

  const again = await newPage(site.context);
  await again.page.goto(page.url());
  await appReady(again.page);
  assert.deepEqual(await sweepDone(again.page), fewer);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-events-csv"]')]);
  const csv = (await readFile(await download.path(), 'utf8')).trim().split('\n');
  assert.equal(csv.length - 1, 5 * 20, 'one row per strategy and client count');
  assert.ok(csv[0].split(',').includes('calls.mean'), csv[0]);

  await page.screenshot({ path: join(ARTIFACTS, 'contention-demo.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await page.close();
  await again.page.close();
});

test('contention: the sweep pauses, steps one point at a time and resumes', async () => {
  const { page, errors } = await newPage(site.context);
  await page.goto(`${site.base}${POST}?d1.runs=100`);
  await appReady(page);
  await page.click('[data-testid="play"]'); // pause
  assert.equal(new URL(page.url()).searchParams.get('d1.runs'), '100', 'the largest sweep offered is accepted');
  const done = () => page.$eval('#demo-1-progress', (p) => Number(p.value));
  const paused = await done();
  await page.waitForTimeout(400);
  assert.equal(await done(), paused, 'nothing moves while paused');
  await page.click('[data-testid="step"]');
  await page.click('[data-testid="step"]');
  await page.waitForFunction((n) => Number(document.querySelector('#demo-1-progress').value) >= n, paused + 1);
  assert.ok((await done()) > paused);
  assert.equal(await page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'false');
  await page.click('[data-testid="play"]'); // resume
  await page.waitForFunction(() => Number(document.querySelector('#demo-1-progress').value) > 10);
  assert.deepEqual(errors, []);
  await page.close();
});

test('contention: the full sweep runs on workers, and a page without them computes the same numbers', async () => {
  const url = `${site.base}${POST}?d1.runs=100`;

  const withWorkers = await newPage(site.context);
  await withWorkers.page.goto(url);
  await appReady(withWorkers.page);
  const onWorkers = await sweepDone(withWorkers.page);
  const workerStatus = await withWorkers.page.textContent(STATUS);
  console.log(`    sweep (100 runs per point): ${workerStatus}`);
  assert.match(workerStatus, /^done: 100 points in \d+ ms on \d+ workers? /);
  assert.match(await withWorkers.page.textContent('#app [data-demo="contention"] figcaption'), /100 runs per point/);
  assert.ok(withWorkers.page.workers().length >= 1);

  // A worker that cannot start (here: its loader throws): the page
  // computes the sweep itself, between frames, to the same numbers.
  const without = await newPage(site.context);
  await without.page.route(/\/sim-worker\.js(\?|$)/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("no workers in this test");' }),
  );
  await without.page.goto(url);
  await appReady(without.page);
  const inPage = await sweepDone(without.page);
  const pageStatus = await without.page.textContent(STATUS);
  console.log(`    sweep (100 runs per point, no workers): ${pageStatus}`);
  assert.match(pageStatus, / in the page /);
  assert.deepEqual(inPage, onWorkers);

  // Leaving the post ends its workers.
  await withWorkers.page.click('a[href="/archive/"]');
  await withWorkers.page.waitForURL('**/archive/');
  await withWorkers.page.waitForFunction(() => document.querySelector('#app h1'));
  for (let i = 0; i < 30 && withWorkers.page.workers().length > 0; i++) await withWorkers.page.waitForTimeout(100);
  assert.equal(withWorkers.page.workers().length, 0, 'no worker outlives its demo');

  assert.deepEqual(withWorkers.errors, []);
  assert.deepEqual(without.errors, []);
  await withWorkers.page.close();
  await without.page.close();
});
