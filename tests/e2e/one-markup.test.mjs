// One source of page markup: the prerendered page a host serves and the
// page the app renders after it takes over are the same components
// (crates/views), so their main elements must match: the same elements, in
// the same order, with the same classes, ids, links and text. Checked on
// every route of the sitemap and the not-found page; the search page is
// left out, since its live form is interactive by design (results, status)
// and its prerendered one says what to do without JavaScript. Inside a demo
// slot the live demo replaces the picture, so only the slot itself counts;
// the copy buttons that js/theme-and-copy.js adds to code are left out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { appReady, DIST, newPage, useSite } from './harness.mjs';

const site = useSite();

/** Every route of sitemap.xml, as a path under the site's root. */
function routes() {
  const xml = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  assert.ok(locs.length > 10, `the sitemap has ${locs.length} routes`);
  return locs.filter((p) => p !== '/search/');
}

/**
 * The main element of `html` (a whole page, or null for the live page's
 * own) as lines: one per element (tag, sorted classes, id, href) and one
 * per run of text, whitespace collapsed, indented by depth.
 */
function outline(page, html) {
  return page.evaluate((source) => {
    const main = source === null
      ? document.querySelector('#app main')
      : new DOMParser().parseFromString(source, 'text/html').querySelector('#prerendered main');
    if (!main) return null;
    const lines = [];
    const walk = (node, depth) => {
      // Adjacent text is one run, however many text nodes (and comments)
      // the renderer made of it.
      let text = '';
      const flush = () => {
        const run = text.replace(/\s+/g, ' ').trim();
        if (run) lines.push(`${'  '.repeat(depth)}"${run}"`);
        text = '';
      };
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) text += child.textContent;
        if (child.nodeType !== Node.ELEMENT_NODE || child.matches('button.copy-code')) continue;
        flush();
        const classes = [...child.classList].sort().join('.');
        const id = child.id ? `#${child.id}` : '';
        const href = child.getAttribute('href') ? ` href=${child.getAttribute('href')}` : '';
        lines.push(`${'  '.repeat(depth)}<${child.localName}${classes ? `.${classes}` : ''}${id}${href}>`);
        if (!child.matches('.demo-slot')) walk(child, depth + 1);
      }
      flush();
    };
    walk(main, 0);
    return lines;
  }, html);
}

/** The first line where `live` and `built` part, with a few lines around. */
function firstDifference(live, built) {
  const at = live.findIndex((line, i) => line !== built[i]);
  const index = at === -1 ? Math.min(live.length, built.length) : at;
  const around = (lines) => lines.slice(Math.max(0, index - 3), index + 3).join('\n');
  return `line ${index + 1}:\n--- prerendered\n${around(built)}\n--- live\n${around(live)}`;
}

test('every kind of route: the prerendered main is the live main, element for element', async () => {
  const { page, errors } = await newPage(site.context);
  const paths = [...routes(), '/no-such-page/'];
  for (const path of paths) {
    const response = await page.goto(site.base + path);
    const served = await response.text();
    await appReady(page);
    const built = await outline(page, served);
    const live = await outline(page, null);
    assert.ok(built && built.length > 3, `${path}: the prerendered page has a main`);
    assert.ok(live && live.length > 3, `${path}: the live page has a main`);
    assert.deepEqual(live, built, `${path} differs at ${firstDifference(live, built)}`);
  }
  assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
  await page.close();
});
