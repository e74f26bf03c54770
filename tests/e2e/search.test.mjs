// Search as a reader uses it: typed queries of every kind the issue names
// (natural language with stop words, word forms, accents, a misspelt word),
// the first result and its marked excerpt, the keyboard (`/`, arrows,
// Enter), and what is fetched when.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { appReady, DIST, newPage, useSite } from './harness.mjs';

const site = useSite();

const BREAKER_POST = 'A circuit breaker is a decision to fail fast';
const JITTER_POST = 'Jitter is about the crowd, not the client';
const PAYMENT_POST = 'Design: a retry policy for the payment client';

/** A new page on the search page (`path` may carry a query), the app ready. */
async function openSearch(path = '/search/') {
  const opened = await newPage(site.context);
  await opened.page.goto(site.base + path);
  await appReady(opened.page);
  return opened;
}

/** Types `query` into the box and waits for the results of exactly it. */
async function search(page, query) {
  await page.getByLabel('Search the posts').fill(query);
  await page.waitForFunction(
    (q) => {
      const status = document.querySelector('#search-status');
      return status?.getAttribute('aria-busy') === 'false' && new URL(location.href).searchParams.get('q') === q;
    },
    query,
  );
  return page.$$eval('.search-hit', (hits) =>
    hits.map((h) => ({
      title: h.querySelector('h2 a').textContent,
      href: h.querySelector('h2 a').getAttribute('href'),
      marked: [...h.querySelectorAll('.excerpt mark')].map((m) => m.textContent.toLowerCase()),
      section: h.querySelector('.search-section a')?.getAttribute('href') ?? null,
      sectionTitle: h.querySelector('.search-section a')?.textContent ?? null,
      excerpt: h.querySelector('.excerpt').textContent,
    })),
  );
}

test('nothing of search is fetched before it opens; `/` opens it from any page with the box focused', async () => {
  const { page, errors } = await newPage(site.context);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(site.base + '/posts/retries-are-a-bet/');
  await appReady(page);
  const searchCode = (p) => p.includes('pagefind') || p.includes('search-words') || /\/search(_bg)?\.(js|wasm)$/.test(p);
  assert.ok(!fetched.some(searchCode), fetched.join('\n'));
  await page.keyboard.press('/');
  await page.waitForURL(/\/search\/$/);
  await page.waitForFunction(() => document.activeElement?.id === 'search-q');
  await page.keyboard.type('jitter');
  await page.locator('.search-hit').first().waitFor();
  assert.ok(fetched.some((p) => p.endsWith('/pagefind/pagefind.js')), 'the engine loads when search opens');
  assert.ok(fetched.some((p) => p.endsWith('/search_bg.wasm')), 'the search module loads when search opens');
  assert.deepEqual(errors, []);
  await page.close();
});

test('what a reader types while the live search loads is searched, and leaving search unmounts it', async () => {
  const { page, errors } = await newPage(site.context);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/search_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(site.base + '/search/');
  await appReady(page);
  // The page the app shows first is the page without it: its box takes
  // typing at once.
  await page.getByLabel('Search the posts').fill('jitter');
  release();
  await page.waitForFunction(
    () => new URL(location.href).searchParams.get('q') === 'jitter' && document.querySelector('.search-hit'),
  );
  assert.equal(await page.getByLabel('Search the posts').inputValue(), 'jitter');
  assert.equal(await page.locator('#search-q').count(), 1, 'one search box');
  // Away, in the app: the live search is gone with its page; back, it
  // mounts again with the query of the address.
  await page.locator('a[href="/archive/"]').first().click();
  await page.waitForURL('**/archive/');
  assert.equal(await page.locator('#search-q').count(), 0);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#search-status')?.getAttribute('aria-busy') === 'false');
  assert.equal(await page.getByLabel('Search the posts').inputValue(), 'jitter');
  await page.locator('.search-hit').first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('natural-language queries: stop words never make a query fail', async () => {
  const { page, errors } = await openSearch();
  const hits = await search(page, 'retries and timeouts');
  assert.ok(hits.length > 0, 'found');
  assert.ok(hits[0].marked.some((m) => m.startsWith('retr')), JSON.stringify(hits[0]));
  assert.match(await page.textContent('#search-status'), /^\d+ posts? match “retries and timeouts”/);
  // "and" is left out of what is searched, so no excerpt marks it; a mark
  // holds its word only, not the comma after it or the code around it.
  const marks = hits.flatMap((h) => h.marked);
  assert.ok(marks.length > 0 && !marks.some((m) => /^and$/i.test(m)), JSON.stringify(marks));
  assert.ok(marks.every((m) => /^[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*$/u.test(m)), JSON.stringify(marks));
  const the = await search(page, 'what is the retry budget');
  assert.ok(the.length > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('word forms match, a title match comes first, and the excerpt marks the words', async () => {
  const { page, errors } = await openSearch();
  const breakers = await search(page, 'breakers');
  assert.equal(breakers[0].title, BREAKER_POST, 'breakers finds breaker, and the post about it first');
  assert.ok(breakers[0].marked.includes('breaker'), JSON.stringify(breakers[0]));
  const jittered = await search(page, 'jittered');
  assert.equal(jittered[0].title, JITTER_POST);
  const retried = await search(page, 'retried');
  assert.ok(retried.length >= 3, 'retried finds the posts about retries');
  assert.ok(retried.every((h) => h.marked.some((m) => m.startsWith('retr'))), JSON.stringify(retried));
  assert.deepEqual(errors, []);
  await page.close();
});

test('accents fold both ways: an accented query finds the plain word, a plain one the accented', async () => {
  const { page, errors } = await openSearch();
  const hits = await search(page, 'jïttér');
  assert.equal(hits[0]?.title, JITTER_POST);
  // The payment post writes "naïve"; a reader types it without the diaeresis.
  const naive = await search(page, 'naive policy');
  assert.equal(naive[0]?.title, PAYMENT_POST);
  assert.ok(naive[0].marked.includes('naïve'), JSON.stringify(naive[0]));
  // The headings' `#` self-links are not indexed: not in a section's name
  // nor in an excerpt.
  assert.equal(naive[0].sectionTitle, 'B. Retry at once, up to five times', JSON.stringify(naive[0]));
  assert.ok(!naive[0].excerpt.includes(' # '), JSON.stringify(naive[0]));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a misspelt word still finds its post, and the page offers the right spelling', async () => {
  const { page, errors } = await openSearch('/search/?q=brekaer');
  await page.locator('.did-you-mean').waitFor();
  assert.match(await page.textContent('.did-you-mean'), /Did you mean breaker\?/);
  assert.equal(await page.locator('.search-hit h2 a').first().textContent(), BREAKER_POST);
  assert.ok(
    (await page.locator('.search-hit').first().locator('.excerpt mark').allTextContents()).some((m) => /breaker/i.test(m)),
  );
  await page.locator('.did-you-mean a').click();
  await page.waitForURL(/q=breaker$/);
  await page.locator('.did-you-mean').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a result can point to the section of the match; arrows and Enter move through results', async () => {
  const { page, errors } = await openSearch();
  const hits = await search(page, 'idempotency key');
  const withSection = hits.find((h) => h.section);
  assert.ok(withSection, JSON.stringify(hits));
  assert.match(withSection.section, /^\/posts\/[^/]+\/#[\w-]+$/);
  assert.equal(await page.locator('.search-hit-link').count(), hits.length);
  await page.getByLabel('Search the posts').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), hits[0].title);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), hits[1].title);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-q', 'up from the first goes back to the box');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === hits[0].href);
  await page.waitForSelector('#app article.post h1');
  assert.deepEqual(errors, []);
  await page.close();
});

test('every heading ends its sentence in the index, so no excerpt runs it into the next paragraph', () => {
  // Pagefind's fragments (gzip, a `pagefind_dcd` signature, then JSON): a
  // page's text as excerpts quote it, and its headings as sections.
  const dir = join(DIST, 'pagefind', 'fragment');
  const runOn = [];
  let headings = 0;
  for (const file of readdirSync(dir)) {
    const raw = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{')));
    for (const { element, text } of fragment.anchors ?? []) {
      if (!/^h[2-6]$/.test(element)) continue;
      headings += 1;
      const at = fragment.content.indexOf(text);
      const next = fragment.content[at + text.length];
      if (at < 0 || !/[.?!:]/.test(text.at(-1) ?? '') && next !== '.') runOn.push(`${fragment.url}: "${fragment.content.slice(at, at + text.length + 30)}"`);
    }
  }
  assert.ok(headings > 20, `only ${headings} headings indexed`);
  assert.deepEqual(runOn, [], 'headings run into the text after them');
});

test('the result count is a live region, and a query nothing matches says so', async () => {
  const { page, errors } = await openSearch();
  assert.equal(await page.getAttribute('#search-status', 'role'), 'status');
  assert.equal(await page.getAttribute('#search-status', 'aria-live'), 'polite');
  const none = await search(page, 'zzzqqq');
  assert.equal(none.length, 0);
  assert.match(await page.textContent('#search-status'), /No post matches “zzzqqq”/);
  assert.deepEqual(errors, []);
  await page.close();
});
