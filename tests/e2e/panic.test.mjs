// A panic in the wasm never takes the page down: the demo box says "This
// demo stopped: ...", the console has the panic, the article stays readable
// and links still lead somewhere. The panic is triggered by the test-only
// `?demo-panic=<n>` (see src/panic_report.rs for why it is harmless).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, ARTIFACTS, newPage, useSite } from './harness.mjs';

const POST = '/posts/retries-are-a-bet/';

const site = useSite();

/** The visible text of the page's main content. */
async function visibleMain(page) {
  return page.evaluate(() => {
    const mains = [...document.querySelectorAll('main')].filter((m) => m.offsetParent !== null);
    return mains.map((m) => m.innerText).join('\n');
  });
}

/** The article's title and prose, as the app shows it. */
async function prose(page) {
  return page.evaluate(() => {
    const parts = [...document.querySelectorAll('#app article h1, #app .post-body .html-block')];
    return parts.map((p) => p.innerText).join('\n');
  });
}

async function waitStopped(page) {
  await page.waitForSelector('html[data-wasm-stopped="true"]', { timeout: 30_000 });
}

test('a panic as a demo mounts: the prerendered article stays, the demo box says why', async () => {
  const html = await (await fetch(site.base + POST)).text();
  const title = html.match(/<h1[^>]*>([^<]+)</)[1].trim();

  const { page, errors } = await newPage(site.context);
  await page.goto(`${site.base}${POST}?demo-panic=1:mount`);
  await appReady(page);
  await waitStopped(page);

  const note = page.locator('figure[data-demo][data-stopped] .demo-stopped').first();
  await note.waitFor({ state: 'visible' });
  assert.match(
    await note.innerText(),
    /^This demo stopped: a deliberate panic as demo 1 mounts \(demo-panic in the URL\)\./,
  );
  assert.equal(await note.getAttribute('role'), 'alert');

  const text = await visibleMain(page);
  assert.ok(text.includes(title), 'the title is on screen');
  assert.ok(text.length > 2000, `the article is on screen (${text.length} characters)`);
  assert.ok(
    errors.some((e) => e.includes('deliberate panic as demo 1 mounts')),
    `the console has the panic: ${errors.join('\n')}`,
  );
  await page.screenshot({ path: join(ARTIFACTS, 'panic-at-mount.png'), fullPage: true });
  await page.close();
});

test('a panic while a reader uses a demo: the live article stays, links still work', async () => {
  const { page, errors } = await newPage(site.context);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${site.base}${POST}?demo-panic=1`);
  await appReady(page);
  const before = await prose(page);
  assert.ok(before.length > 500, before);
  assert.deepEqual(errors, [], 'no panic before the change');

  await page.getByLabel('Server failure rate').focus();
  await page.keyboard.press('ArrowRight');
  await waitStopped(page);

  const figure = page.locator('#app figure[data-demo="retry"]').first();
  assert.equal(await figure.getAttribute('data-stopped'), 'true');
  assert.match(
    await figure.locator('.demo-stopped').innerText(),
    /^This demo stopped: a deliberate panic at the first change to demo 1/,
  );
  assert.equal(
    await figure.locator('.demo-controls').getAttribute('inert'),
    '',
    'its controls no longer call the stopped module',
  );
  assert.equal(await prose(page), before, 'the article is unchanged');
  assert.ok(errors.some((e) => e.includes('deliberate panic at the first change')), errors.join('\n'));

  // The page still responds (a frame comes), and a link loads its page
  // the ordinary way.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await page.screenshot({ path: join(ARTIFACTS, 'panic-on-change.png'), fullPage: true });
  const home = page.locator('header a[href="/"]').first();
  assert.match((await home.getAttribute('rel')) ?? '', /external/);
  await Promise.all([page.waitForURL(`${site.base}/`), home.click()]);
  await appReady(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.wasmStopped), undefined);
  await page.close();
});

test('without the parameter nothing panics', async () => {
  const { page, errors } = await newPage(site.context);
  await page.goto(`${site.base}${POST}?demo-panic=7`);
  await appReady(page);
  await page.getByLabel('Server failure rate').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.wasmStopped), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});
