// What an author writes, as a reader meets it: maths drawn as MathML,
// footnotes that link both ways, highlighted code, a link preview image for
// every post, and a footer without placeholders.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, ARTIFACTS, newPage, useSite } from './harness.mjs';

const site = useSite();
const JITTER = '/posts/jitter-is-about-the-crowd/';

/** The jitter post's formulas on `page`, under `root`, as drawn. */
async function checkMaths(page, root) {
  const block = page.locator(`${root}.math-display math[display="block"]`).first();
  await block.scrollIntoViewIfNeeded();
  const box = await block.boundingBox();
  // Four aligned rows of formulas: drawn as maths (rows stacked), not as
  // one line of source text.
  assert.ok(box && box.height > 80 && box.width > 200, `block formula drawn: ${JSON.stringify(box)}`);
  assert.ok((await page.locator(`${root}p math:not([display])`).count()) >= 3, 'inline formulas');
  assert.equal(
    await page.locator(`${root}math annotation[encoding="application/x-tex"]`).first().textContent(),
    'n',
  );
}

test('maths is MathML the browser draws, before the wasm and after', async () => {
  // Scripts blocked: the prerendered page as a reader without JavaScript
  // sees it.
  const plain = await site.context.newPage();
  await plain.route(/\.(js|wasm)$/, (route) => route.abort());
  await plain.goto(site.base + JITTER);
  await checkMaths(plain, '');
  await plain.screenshot({ path: join(ARTIFACTS, 'maths-no-js.png') });
  await plain.close();

  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + JITTER);
  await appReady(page);
  await checkMaths(page, '#app ');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a footnote citation leads to its note, and the note leads back', async () => {
  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + JITTER);
  await appReady(page);
  const citation = page.locator('#app sup.footnote-ref a').first();
  assert.equal(await citation.textContent(), '1');
  await citation.click();
  await page.waitForFunction(() => location.hash === '#fn-1');
  const note = page.locator('#app .footnotes li#fn-1');
  assert.match(await note.textContent(), /Exponential Backoff And Jitter/);
  assert.ok(await note.isVisible());
  const inView = (sel) =>
    page.evaluate((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, sel);
  assert.ok(await inView('#app #fn-1'), 'the note is on screen');
  await page.screenshot({ path: join(ARTIFACTS, 'footnote.png') });
  await note.locator('a.footnote-back').click();
  await page.waitForFunction(() => location.hash === '#fnref-1');
  assert.ok(await inView('#app #fnref-1'), 'back at the citation');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the code in a post is highlighted, Rust and Python', async () => {
  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + JITTER);
  await appReady(page);
  for (const lang of ['rust', 'python']) {
    const block = page.locator(`#app pre[data-lang="${lang}"]`).first();
    assert.ok((await block.locator(`span.hl-${lang}`).count()) > 0, `${lang} is highlighted`);
    const colours = await block.evaluate((pre) =>
      new Set([...pre.querySelectorAll('span')].map((s) => getComputedStyle(s).color)).size,
    );
    assert.ok(colours >= 3, `${lang}: ${colours} colours`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page links only the stylesheets its content needs; the app links them when it shows such content', async () => {
  const { page, errors } = await newPage(site.context);
  const sheets = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname.split('/').pop()).sort(),
    );
  await page.goto(site.base + '/');
  await appReady(page);
  assert.deepEqual(await sheets(), [], 'the home page has no code, diagram or formula');
  // Inside the app, to a post with code and formulas: their styles arrive
  // with them.
  await page.locator(`#app a[href$="${JITTER}"]`).first().click();
  await page.waitForSelector('#app pre[data-lang="rust"]');
  assert.deepEqual(await sheets(), ['diagrams.css', 'highlight.css']);
  await page.waitForFunction(() => {
    const pre = document.querySelector('#app pre[data-lang="rust"]');
    return new Set([...pre.querySelectorAll('span')].map((s) => getComputedStyle(s).color)).size >= 3;
  });
  // Loaded directly, a post with diagrams and no code links only theirs.
  await page.goto(site.base + '/posts/order-is-promised-per-key/');
  assert.deepEqual(await sheets(), ['diagrams.css']);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The width and height in a PNG's header. */
function pngSize(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  assert.equal(String.fromCharCode(...bytes.slice(1, 4)), 'PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

test('every post has a 1200x630 link preview image', async () => {
  const index = await (await fetch(site.base + '/data/index.json')).json();
  for (const post of index.posts) {
    const html = await (await fetch(`${site.base}/posts/${post.slug}/`)).text();
    const meta = (key) =>
      html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];
    const url = meta('og:image');
    assert.ok(url?.startsWith('https://'), `${post.slug}: og:image is absolute: ${url}`);
    assert.equal(meta('twitter:card'), 'summary_large_image', post.slug);
    assert.equal(meta('og:image:width'), '1200');
    assert.equal(meta('og:image:height'), '630');
    assert.ok(meta('og:image:alt')?.length > 10, `${post.slug}: alt text`);
    const path = new URL(url).pathname;
    const res = await fetch(site.base + path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('content-type'), 'image/png');
    assert.deepEqual(pngSize(new Uint8Array(await res.arrayBuffer())), [1200, 630], path);
  }
});

test('the footer names the site and links the feed, with no placeholder', async () => {
  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + '/');
  await appReady(page);
  const footer = page.locator('footer.site-footer');
  const text = await footer.textContent();
  assert.doesNotMatch(text, /The author/);
  assert.match(text, /^Retry until success · Atom feed · No trackers/);
  const feed = await footer.getByRole('link', { name: 'Atom feed' }).getAttribute('href');
  assert.equal((await fetch(site.base + feed)).status, 200);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the theme button sits in line with the navigation, and previous/next on their own sides', async () => {
  const { page, errors } = await newPage(site.context);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(site.base + '/posts/retries-are-a-bet/');
    await appReady(page);
    const box = (sel) => page.locator(sel).first().boundingBox();
    const [title, nav, toggle] = await Promise.all([
      box('#app .site-title'),
      box('#app .site-header nav'),
      box('#app .theme-toggle'),
    ]);
    const middle = toggle.y + toggle.height / 2;
    assert.ok(middle > nav.y && middle < nav.y + nav.height, `${width}px: the button is on the navigation's row`);
    assert.ok(toggle.y >= title.y + title.height - 1, `${width}px: the button is under the title`);
    assert.ok(toggle.x >= nav.x + nav.width - 1, `${width}px: the button follows the navigation`);
    // Previous and next: two links, one at each side, neither running
    // into the other.
    const [previous, next] = await Promise.all([box('#app .post-nav a.previous'), box('#app .post-nav a.next')]);
    const article = await box('#app .post-nav');
    assert.ok(previous.x - article.x < 2, `${width}px: previous starts at the left`);
    assert.ok(article.x + article.width - (next.x + next.width) < 2, `${width}px: next ends at the right`);
    assert.ok(previous.x + previous.width <= next.x, `${width}px: they do not overlap`);
    assert.match(await page.locator('#app .post-nav a.previous').textContent(), /^← Previous /);
    assert.match(await page.locator('#app .post-nav a.next').textContent(), /^Next → /);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
