// The storm demo: a blip, retries, and two runs side by side.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, ARTIFACTS, dataTable, newPage, settled, useSite } from './harness.mjs';

const POST = '/posts/when-retries-become-the-outage/';

const site = useSite();

async function stats(page, run) {
  await settled(page, '#app [data-demo="storm"]');
  return page.$$eval(`#app [data-run="${run}"] [data-stat]`, (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.stat, e.textContent])),
  );
}

function prerenderedStats(html) {
  const block = html.match(/data-run="configured">(.*?)<\/dl>/s)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/data-stat="(\w+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
}

test('storm: mounts, matches the build, follows the keyboard and the URL, exports', async () => {
  const html = await (await fetch(site.base + POST)).text();
  assert.match(html, /data-demo="storm"/);
  assert.match(html, /requests\/s for 30 s/, 'the parameters are in the text');
  const built = prerenderedStats(html);

  const { page, errors } = await newPage(site.context);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(site.base + POST);
  await appReady(page);
  await page.waitForSelector('#app [data-demo="storm"] canvas');
  const configured = await stats(page, 'configured');
  assert.deepEqual(configured, built, 'wasm reproduces the build-time run');
  const table = await dataTable(page, '#app [data-demo="storm"]');
  assert.equal(table.columns.length, 6);
  assert.equal(table.rows.length, 31, 'a row a second over the 30 s run, from 0');
  assert.ok(table.rows.every((r) => r.length === 6 && r.every((c) => /^\d+$/.test(c))), JSON.stringify(table.rows[0]));
  assert.equal(configured.verdict, 'stayed down (metastable)');
  assert.match((await stats(page, 'protected')).verdict, /^recovered in/);

  await page.getByLabel('Arrival rate').focus();
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowLeft');
  const slower = await stats(page, 'configured');
  assert.notDeepEqual(slower, configured);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('d1.scenario.arrival_rate'), '400');

  const again = await newPage(site.context);
  await again.page.goto(page.url());
  await appReady(again.page);
  assert.deepEqual(await stats(again.page, 'configured'), slower);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="export-events-csv"]'),
  ]);
  const csv = (await readFile(await download.path(), 'utf8')).trim().split('\n');
  assert.ok(csv[0].split(',').includes('succeeded'), csv[0]);
  assert.ok(csv.length - 1 >= 120, 'a row per 250 ms bucket over 30 s and the drain after');

  await page.screenshot({ path: join(ARTIFACTS, 'storm-demo.png'), fullPage: true });
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await page.close();
  await again.page.close();
});
