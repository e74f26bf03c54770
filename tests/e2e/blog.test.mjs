// The blog as a reader uses it: theme toggle (remembered), search, tag and
// archive navigation, and the banner on a corrected post.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, ARTIFACTS, newPage, useSite } from './harness.mjs';

const site = useSite();

test('the theme toggle switches and is remembered across pages', async () => {
  const { page, errors } = await newPage(site.context);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(site.base + '/');
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), null, 'follows the system at first');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.locator('[data-theme-toggle]').first().focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.notEqual(await bg(), light);
  await page.goto(site.base + '/archive/');
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'remembered');
  await page.screenshot({ path: join(ARTIFACTS, 'archive-dark.png'), fullPage: true });
  await page.click('[data-theme-toggle]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  assert.deepEqual(errors, []);
  await page.close();
});

test('tags and the archive lead to posts and back', async () => {
  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + '/posts/retries-are-a-bet/');
  await appReady(page);
  const tag = page.locator('#app .tags a').first();
  const tagName = (await tag.textContent()).trim();
  await tag.click();
  await page.waitForURL(/\/tags\/[a-z0-9-]+\/$/);
  await page.waitForSelector('#app .tag-page h1');
  assert.match(await page.locator('#app .tag-page h1').textContent(), new RegExp(tagName));
  const listed = await page.locator('#app .post-list h2 a').allTextContents();
  assert.ok(listed.length >= 1);
  await page.getByRole('link', { name: 'Archive', exact: true }).click();
  await page.waitForURL(/\/archive\/$/);
  await page.waitForSelector('#app .archive-year h2');
  assert.match(await page.locator('#app .archive-year h2').first().textContent(), /^\d{4}$/);
  const count = await page.locator('#app .archive-year li').count();
  const index = await (await fetch(site.base + '/data/index.json')).json();
  assert.equal(count, index.posts.length, 'every published post is in the archive');
  await page.locator('#app .archive-year li a').first().click();
  await page.waitForSelector('#app article.post h1');
  // Each list page is a real file too.
  for (const path of ['/tags/', '/archive/', '/about/', '/focus/', '/search/']) {
    const res = await fetch(site.base + path);
    assert.equal(res.status, 200, path);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a corrected post carries a banner to its correction, before and after the wasm', async () => {
  const index = await (await fetch(site.base + '/data/index.json')).json();
  let pair;
  for (const p of index.posts.filter((x) => x.kind === 'correction')) {
    const article = await (await fetch(`${site.base}/data/posts/${p.slug}.json`)).json();
    if (article.corrects) pair = { correction: p, corrected: article.corrects };
  }
  assert.ok(pair, 'the site has a correction');
  const path = `/posts/${pair.corrected.slug}/`;
  const html = await (await fetch(site.base + path)).text();
  assert.match(html, /class="correction-banner"/);
  assert.ok(html.includes(`/posts/${pair.correction.slug}/`), 'the prerendered banner links the correction');

  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + path);
  await appReady(page);
  const banner = page.locator('#app .correction-banner');
  assert.match(await banner.textContent(), /Corrected on \d{4}-\d{2}-\d{2}/);
  await banner.locator('a').click();
  await page.waitForURL(new RegExp(pair.correction.slug));
  await page.waitForSelector('#app .corrects-note');
  assert.deepEqual(errors, []);
  await page.close();
});
