// Shared set-up of the browser tests: the release dist/ on a static server
// and Debian's Chromium, headless, with a fresh profile and no network
// chatter (this machine has no internet).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/lib/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = resolve(here, '../../dist');
export const ARTIFACTS = join(here, 'artifacts');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium, headless, with a fresh profile; `close()` removes it. */
export async function openBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'site-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1100, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Serves dist/ and opens a browser; `close()` undoes both. */
export async function open() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build first (trunk build --release)`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await serve(DIST);
  const browser = await openBrowser();
  return {
    base: server.url,
    context: browser.context,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A new page that records every console error and uncaught exception. */
export async function newPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  return { page, errors };
}

/**
 * Waits until the app has taken over the prerendered page, then scrolls each
 * demo near the screen and back, as a reader scrolling through would: a live
 * demo loads only when its slot comes near the screen (src/demo_slot.rs).
 */
export async function appReady(page) {
  await page.waitForSelector('#app[data-ready="true"]', { timeout: 30_000 });
  await scrollThroughDemos(page);
}

/** Brings every demo slot on the page into view in turn, then goes back. */
export async function scrollThroughDemos(page) {
  await page.evaluate(async () => {
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const slots = [...document.querySelectorAll('#app .demo-slot')];
    if (slots.length === 0) return;
    const [x, y] = [window.scrollX, window.scrollY];
    for (const slot of slots) {
      slot.scrollIntoView({ block: 'center' });
      await frames();
    }
    window.scrollTo(x, y);
    await frames();
  });
}

/**
 * Brings every live chart on the page into view in turn, each until it has
 * drawn what it shows (a canvas behind it carries `data-stale`), then goes
 * back: a demo draws its charts only while it is on the screen, so
 * afterwards each shows what it is now.
 */
export async function showEveryChart(page) {
  const [x, y] = await page.evaluate(() => [window.scrollX, window.scrollY]);
  const count = await page.locator('#app figure.demo-live canvas').count();
  for (let i = 0; i < count; i += 1) {
    const canvas = await page.locator('#app figure.demo-live canvas').nth(i).elementHandle();
    await canvas.evaluate((c) => c.scrollIntoView({ block: 'center' }));
    await page.waitForFunction((c) => !c.hasAttribute('data-stale'), canvas);
  }
  await page.evaluate(([x, y]) => window.scrollTo(x, y), [x, y]);
}

/**
 * The site and browser for a whole test file: opened before its first test,
 * closed after its last. Returns an object that has `base`, `context` and
 * `close` once the tests run.
 */
export function useSite() {
  const site = {};
  before(async () => {
    Object.assign(site, await open());
  });
  after(async () => {
    await site.close?.();
  });
  return site;
}

/**
 * Waits until every demo under `scope` is live (not its static picture) and
 * shows the run of its newest settings (runs arrive from a worker).
 */
export async function settled(page, scope) {
  await page.waitForFunction(
    (s) => {
      const figures = [...document.querySelectorAll(s)].flatMap((e) =>
        e.matches('figure.demo') ? [e] : [...e.querySelectorAll('figure.demo')],
      );
      return figures.length > 0 && figures.every((f) => f.classList.contains('demo-live') && f.getAttribute('aria-busy') !== 'true');
    },
    scope,
    { timeout: 60_000 },
  );
}

/** A demo's numbers as the app shows them, settled: `data-stat` name -> text, under `scope`. */
export async function statsOf(page, scope) {
  await settled(page, scope);
  return page.$$eval(`${scope} [data-stat]`, (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.stat, e.textContent])),
  );
}

/** The same numbers as a prerendered page has them (its first demo's, in order). */
export function builtStats(html) {
  return Object.fromEntries([...html.matchAll(/data-stat="(\w+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
}

/** Waits for the contention demo's sweep to finish; its status line ("done: ..."). */
export async function sweepFinished(page, timeout = 60_000) {
  const status = '[data-testid="sweep-status"]';
  await page.waitForFunction((s) => document.querySelector(s)?.textContent.startsWith('done'), status, { timeout });
  return page.textContent(status);
}

/** A demo's "numbers as a table": its column names and its rows of cell texts. */
export async function dataTable(page, scope) {
  await settled(page, scope);
  // As a reader does: the rows are drawn once the table is opened.
  const summary = page.locator(`${scope} details.data-table summary`).first();
  if (!(await page.$eval(`${scope} details.data-table`, (d) => d.open))) await summary.click();
  await page.waitForFunction(
    (s) => document.querySelector(`${s} details.data-table tbody tr`) !== null,
    scope,
  );
  return page.$eval(`${scope} details.data-table table`, (t) => ({
    columns: [...t.querySelectorAll('thead th')].map((th) => th.textContent),
    rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
  }));
}

/**
 * The live demo `name` once it has replaced its static picture (its first
 * run has come from its worker): a locator of its figure.
 */
export async function liveDemo(page, name, timeout = 60_000) {
  await page.waitForSelector('#app[data-ready="true"]', { timeout });
  await scrollThroughDemos(page);
  const figure = page.locator(`#app figure.demo-live[data-demo="${name}"]`).first();
  await figure.waitFor({ timeout });
  return figure;
}

/** Waits until the demo shows the run of its newest settings (not busy). */
export async function resultShown(figure, timeout = 60_000) {
  await figure.locator('xpath=self::*[@aria-busy="false"]').waitFor({ timeout });
}

/**
 * Records the longest task on the page's main thread from its first load
 * (`PerformanceObserver`, `longtask`); read it with `longestTask`. Call
 * before `page.goto`.
 */
export async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest main-thread task so far, in ms; `reset` starts over. */
export async function longestTask(page, { reset = false } = {}) {
  return page.evaluate((r) => {
    const longest = window.__longest ?? 0;
    if (r) window.__longest = 0;
    return longest;
  }, reset);
}
