// axe-core (the engine behind Lighthouse's accessibility audit), every rule
// it runs by default, on every route of the sitemap: at desktop and phone
// widths, in the light and the dark theme, after the app has taken over and
// with every demo on the page live. Any violation, of any impact, fails.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, appReady, newPage, settled, useSite } from './harness.mjs';

const site = useSite();
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const THEMES = ['light', 'dark'];

/** The sitemap's routes as paths ("/", "/posts/x/", ...). */
async function routes() {
  const xml = await readFile(join(DIST, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

/** axe's violations on the page as one line each: rule, impact, first nodes. */
async function violations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not
  // govern (an injected <script> would be blocked, as it should be).
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}; at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`,
  );
}

for (const [name, viewport] of Object.entries(WIDTHS)) {
  test(`axe finds no violation on any route, ${name} width, light and dark`, async () => {
    const found = [];
    const { page, errors } = await newPage(site.context);
    await page.setViewportSize(viewport);
    for (const route of await routes()) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(site.base + route);
      await appReady(page);
      if (await page.locator('#app figure.demo').count()) await settled(page, '#app');
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await page.waitForFunction((t) => matchMedia(`(prefers-color-scheme: ${t})`).matches, theme);
        for (const v of await violations(page)) found.push(`${route} [${theme}] ${v}`);
      }
    }
    await page.close();
    assert.deepEqual(found, [], `axe violations:\n${found.join('\n')}`);
    assert.deepEqual(errors, []);
  });
}
