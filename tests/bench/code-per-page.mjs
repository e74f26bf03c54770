// What each kind of page fetches as code (wasm + JS, brotli as shipped:
// the size of the `.br` file beside each one in dist/), and the longest
// main-thread task per demo at its default and at its most expensive link.
// A measurement for PERFORMANCE.md, not a test: nothing is asserted.
//
//   node tests/bench/code-per-page.mjs        (needs dist/: scripts/build)
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { URL_EXTREMES, withParams } from '../e2e/extreme-links.mjs';
import { appReady, DIST, liveDemo, longestTask, newPage, open, resultShown, watchLongTasks } from '../e2e/harness.mjs';

const site = await open();

/** The size a reader downloads for a dist/ path: its .br copy, or itself. */
function shipped(path) {
  const file = join(DIST, decodeURIComponent(path));
  if (existsSync(`${file}.br`)) return statSync(`${file}.br`).size;
  return existsSync(file) ? statSync(file).size : 0;
}

async function pages() {
  const index = await (await fetch(`${site.base}/data/index.json`)).json();
  // The search page with a query: its results shown, so the search module
  // and Pagefind's code are counted.
  const kinds = [['home', '/', []], ['search page', '/search/?q=retry', []]];
  const seen = new Set();
  for (const post of index.posts) {
    const article = await (await fetch(`${site.base}/data/posts/${post.slug}.json`)).json();
    const demos = article.blocks.filter((b) => 'demo' in b).map((b) => Object.keys(b.demo.demo)[0]);
    const route = `/posts/${post.slug}/`;
    if (demos.length === 0 && !seen.has('text')) {
      seen.add('text');
      kinds.push([`text-only post (${post.slug})`, route, []]);
    }
    for (const name of demos) {
      if (!seen.has(name)) {
        seen.add(name);
        kinds.push([`${name} post (${post.slug})`, route, demos]);
      }
    }
  }
  return kinds;
}

async function measure(route, demos, { settle = 1000 } = {}) {
  const { page } = await newPage(site.context);
  const code = new Map();
  const record = (url) => {
    const path = new URL(url).pathname;
    if (/\.(js|wasm)$/.test(path)) code.set(path, shipped(path));
  };
  page.on('request', (r) => record(r.url()));
  page.on('worker', (w) => record(w.url()));
  await watchLongTasks(page);
  // Every long task, to split them at the demo module's request: before
  // it, the page's own layout and the shell taking over; after, the demo.
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const started = Date.now();
  await page.goto(site.base + route);
  await appReady(page);
  if (route.startsWith('/search/')) await page.locator('.search-hit').first().waitFor();
  for (const name of new Set(demos)) {
    const figure = await liveDemo(page, name, 300_000);
    // As a reader looks at it: a demo draws its charts only on the screen.
    await figure.scrollIntoViewIfNeeded();
    await resultShown(figure, 300_000);
  }
  const ready = Date.now() - started;
  await page.waitForTimeout(settle);
  const longest = await longestTask(page);
  const [shell, demo] = await page.evaluate(() => {
    const module = performance.getEntriesByType('resource').find((r) => /\/demo_[a-z_]+\.js$/.test(r.name));
    const from = module ? module.startTime : Infinity;
    const max = (tasks) => Math.max(0, ...tasks.map(([, d]) => d));
    return [max(window.__tasks.filter(([t]) => t < from)), max(window.__tasks.filter(([t]) => t >= from))];
  });
  return { page, code, ready, longest, shell, demo };
}

const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
console.log('| page | code fetched (brotli) | files |');
console.log('|---|---:|---|');
const demoPosts = [];
for (const [kind, route, demos] of await pages()) {
  const { page, code } = await measure(route, demos);
  const total = [...code.values()].reduce((a, b) => a + b, 0);
  const files = [...code.entries()].map(([p, s]) => `${p.split('/').pop()} ${kb(s)}`).join(', ');
  console.log(`| ${kind} | ${kb(total)} | ${files} |`);
  if (demos.length) demoPosts.push([demos[0], route]);
  await page.close();
}

console.log(
  '\n| demo | default: ready, longest task (page and shell / demo) | most expensive link: ready, longest task (page and shell / demo) | a slider to its end there: longest task |',
);
console.log('|---|---|---|---|');
const tasks = (m) => `${m.ready} ms, ${m.longest.toFixed(0)} ms (${m.shell.toFixed(0)} / ${m.demo.toFixed(0)})`;
for (const [name, route] of demoPosts) {
  const plain = await measure(route, [name]);
  await plain.page.close();
  const params = URL_EXTREMES[name];
  const hard = await measure(withParams(route, params), [name]);
  const figure = await liveDemo(hard.page, name);
  await longestTask(hard.page, { reset: true });
  const range = figure.locator('input[type="range"]').first();
  let slider = 'no slider';
  if ((await range.count()) > 0) {
    await range.focus();
    await hard.page.keyboard.press('End');
    await resultShown(figure, 300_000);
    await hard.page.waitForTimeout(500);
    slider = `${(await longestTask(hard.page)).toFixed(0)} ms`;
  }
  console.log(
    `| ${name} | ${tasks(plain)} | ${tasks(hard)} | ${slider} |`,
  );
  await hard.page.close();
}
await site.close();
