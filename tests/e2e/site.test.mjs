// What a reader does, in headless Chromium, against the release dist/ on a
// plain static server: open a deep link, read, play with the demo, navigate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { appReady, ARTIFACTS, builtStats, newPage, statsOf, useSite } from './harness.mjs';

const POST = '/posts/retries-are-a-bet/';
const POST_TITLE = 'Retries are a bet on the next attempt';
const POST_TEXT = 'Every retry loop makes the same quiet assumption';

const site = useSite();

const liveStats = (page) => statsOf(page, '#app');

test('a deep link answers with the whole article in its raw HTML', async () => {
  const res = await fetch(site.base + POST);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, new RegExp(`<title>${POST_TITLE}`));
  assert.match(html, /<meta name="description" content="A retry assumes the failure was temporary\./);
  assert.ok(html.includes(POST_TEXT), 'article text is in the HTML');
  assert.match(html, /<svg[^>]*>/, 'the demo has a build-time picture');
  assert.deepEqual(Object.keys(builtStats(html)), ['success', 'p50', 'p95', 'p99', 'attempts']);
});

test('the home page lists the posts newest first with summary, date, area and tags', async () => {
  const res = await fetch(site.base + '/');
  assert.equal(res.status, 200);
  const html = await res.text();
  const first = html.indexOf(POST_TITLE);
  const second = html.indexOf('Why this log exists');
  assert.ok(first > 0 && second > first, 'newest post first');
  assert.ok(html.includes('A retry assumes the failure was temporary.'));
  assert.ok(html.includes('datetime="2026-11-20"'));
  assert.ok(html.includes('Systems and craft'));
  assert.ok(html.includes('<li class="tag"><a href="/tags/retries/">retries</a></li>'));
});

test('an unknown path answers 404 with a real not-found page', async () => {
  const res = await fetch(site.base + '/posts/no-such-post/');
  assert.equal(res.status, 404);
  assert.match(await res.text(), /<title>[^<]*[Nn]ot found/);
});

test('the live demo takes over, agrees with the build, and follows the keyboard', async () => {
  const prerendered = builtStats(await (await fetch(site.base + POST)).text());
  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + POST);
  await appReady(page);

  await page.waitForSelector('#app [data-demo="retry"] canvas');
  assert.equal(await page.locator('#prerendered').count(), 0, 'prerendered copy replaced');
  assert.ok((await page.textContent('#app article')).includes(POST_TEXT));
  // Same scenario and seed: wasm reproduces the native build's numbers.
  const before = await liveStats(page);
  assert.deepEqual(before, prerendered);

  const slider = page.getByLabel('Link latency');
  const shown = page.locator('#demo-1-latency-value');
  assert.equal((await shown.textContent()).trim(), '20 ms');
  await slider.focus();
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowRight');
  assert.equal((await shown.textContent()).trim(), '30 ms');
  const after = await liveStats(page);
  assert.notDeepEqual(after, before, 'numbers follow the slider');

  // The chart is drawn (some pixels are not the background).
  // Every chart is drawn (some pixels are not the background).
  const inked = await page.$$eval('#app canvas', (canvases) =>
    canvases.map((c) => {
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      const distinct = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) distinct.add(data.slice(i, i + 4).join());
      return distinct.size;
    }),
  );
  assert.ok(inked.length >= 2 && inked.every((n) => n > 2), `colours per chart: ${inked}`);

  await page.screenshot({ path: join(ARTIFACTS, 'retry-demo.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the policy selector and seed rerun the demo', async () => {
  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + POST);
  await appReady(page);
  const start = await liveStats(page);
  await page.getByLabel('Retry policy').selectOption('exponential');
  const exponential = await liveStats(page);
  assert.notDeepEqual(exponential, start, 'another policy, other numbers');
  const attempts = page.getByLabel('Max attempts');
  await attempts.focus();
  await page.keyboard.press('Home');
  const noRetry = await liveStats(page);
  assert.equal(noRetry.attempts, '1.00');
  assert.notEqual(noRetry.success, start.success);
  await page.getByRole('button', { name: 'Reset' }).click();
  assert.deepEqual(await liveStats(page), start);
  await page.getByRole('button', { name: 'New seed' }).click();
  assert.notDeepEqual(await liveStats(page), start);
  assert.deepEqual(errors, []);
  await page.close();
});

test('links navigate inside the app without reloading the page', async () => {
  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + POST);
  await appReady(page);
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  await page.click('#app header a.site-title');
  await page.waitForSelector('#app .post-list');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.click(`#app .post-list a:has-text("Why this log exists")`);
  await page.waitForSelector('#app article h1:has-text("Why this log exists")');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full reload');
  assert.equal(await page.title(), 'Why this log exists · Retry until success');
  assert.deepEqual(errors, []);
  await page.close();
});
