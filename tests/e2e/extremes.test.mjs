// Every demo driven to its extremes, by the keyboard and by the URL: each
// change ends with its result on screen, the page keeps answering while a
// worker computes the most expensive runs (the article scrolls, a click on
// another control is reflected), and the console stays clean. Nothing here
// asserts how long anything takes (a busy machine is slow, not wrong): the
// times are printed, and tests/bench/main-thread.mjs measures them.
// Demos are found from the site's own data, so a new demo is covered
// without editing this file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { URL_EXTREMES, withParams } from './extreme-links.mjs';
import { appReady, liveDemo, longestTask, newPage, open, resultShown, watchLongTasks } from './harness.mjs';

let site;
/** Demo name -> route of the first post that has it. */
const demoPosts = new Map();

before(async () => {
  site = await open();
  const index = await (await fetch(`${site.base}/data/index.json`)).json();
  for (const post of index.posts) {
    const article = await (await fetch(`${site.base}/data/posts/${post.slug}.json`)).json();
    for (const block of article.blocks) {
      // A demo block is keyed by the demo's name, as a post writes it (deep-space).
      const name = block.demo && Object.keys(block.demo.demo)[0];
      if (name && !demoPosts.has(name)) demoPosts.set(name, `/posts/${post.slug}/`);
    }
  }
});
after(async () => {
  await site?.close();
});

/** Records, for every key pressed, how long until the next frame. */
async function installProbe(page) {
  await page.evaluate(() => {
    window.__keyFrames = [];
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => window.__keyFrames.push(performance.now() - t0));
      },
      true,
    );
  });
}

/** A frame arrives: the page is not held up (how long it took is printed). */
async function nextFrame(page) {
  return page.evaluate(() => {
    const t0 = performance.now();
    return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - t0)));
  });
}

/** After a change: its result is on screen, frames come, the console is clean. */
async function assertAnswered(page, figure, what, errors, log) {
  await resultShown(figure);
  const keyFrame = await page.evaluate(() => window.__keyFrames.splice(0).pop() ?? 0);
  const frame = await nextFrame(page);
  log.push(`${what}: frame after the key ${keyFrame.toFixed(0)} ms, then ${frame.toFixed(0)} ms`);
  assert.deepEqual(errors, [], what);
}

/** Describes the demo's controls: ranges, selects, checkboxes, by label. */
async function controls(figure) {
  return figure.evaluate((root) => {
    const labelOf = (el) =>
      (el.labels?.[0]?.innerText ?? el.closest('label')?.innerText ?? el.id).trim();
    const pick = (selector) =>
      [...root.querySelectorAll(selector)].filter((el) => !el.disabled).map((el) => ({ id: el.id, label: labelOf(el) }));
    return {
      ranges: pick('input[type="range"]'),
      selects: pick('select'),
      checks: pick('input[type="checkbox"]'),
      seeds: pick('input[type="number"]'),
    };
  });
}

async function driveToExtremes(page, name, errors, log) {
  const figure = await liveDemo(page, name);
  const { ranges, selects, checks, seeds } = await controls(figure);
  assert.ok(ranges.length + selects.length + checks.length > 0, `${name} has controls`);
  const at = (id) => figure.locator(`[id="${id}"]`);

  // Every slider to its top, one after the other (ending with all at the
  // top together), then every one to its bottom.
  for (const key of ['End', 'Home']) {
    for (const r of ranges) {
      await at(r.id).focus();
      await page.keyboard.press(key);
      await assertAnswered(page, figure, `${name}: ${r.label} ${key}`, errors, log);
    }
  }
  for (const s of selects) {
    for (const key of ['End', 'Home']) {
      // A control can go with an earlier change (a smaller cluster has
      // fewer servers to put in groups).
      if ((await at(s.id).count()) === 0) continue;
      await at(s.id).focus();
      await page.keyboard.press(key);
      await assertAnswered(page, figure, `${name}: ${s.label} ${key}`, errors, log);
    }
  }
  for (const [n, c] of checks.entries()) {
    for (let i = 0; i < 2; i += 1) {
      await figure.locator('input[type="checkbox"]').nth(n).focus();
      await page.keyboard.press('Space');
      await assertAnswered(page, figure, `${name}: ${c.label} toggled`, errors, log);
    }
  }
  for (const s of seeds) {
    for (const value of ['0', '18446744073709551615', '-1', '99999999999999999999999']) {
      await at(s.id).fill(value);
      await page.keyboard.press('Enter');
      await assertAnswered(page, figure, `${name}: seed ${value}`, errors, log);
    }
  }
}

const NAMES = ['retry', 'storm', 'breaker', 'contention', 'queue', 'deep-space', 'consensus'];

for (const name of NAMES) {
  test(`${name}: every control at its extremes, by the keyboard`, async () => {
    const route = demoPosts.get(name);
    assert.ok(route, `a post has the ${name} demo`);
    const { page, errors } = await newPage(site.context);
    await page.goto(site.base + route);
    await appReady(page);
    await installProbe(page);
    const log = [];
    try {
      await driveToExtremes(page, name, errors, log);
    } finally {
      console.log(log.join('\n'));
    }
    await page.close();
  });
}

/** Values a garbled link may carry: every one is ignored. */
const GARBLED = {
  seed: '-1',
  requests: 'NaN',
  'client.max_attempts': '1e400',
  'scenario.arrival_rate': 'Infinity',
  runs: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  'server.failure_rate': '%ZZ',
  nope: '1',
};


for (const name of NAMES) {
  test(`${name}: the most expensive and the most garbled links`, async () => {
    const route = demoPosts.get(name);
    const log = [];
    for (const [kind, params] of [['expensive', URL_EXTREMES[name]], ['garbled', GARBLED]]) {
      const { page, errors } = await newPage(site.context);
      await watchLongTasks(page);
      const started = Date.now();
      await page.goto(site.base + withParams(route, params));
      await appReady(page);
      // While the worker computes, the reader scrolls and clicks: both
      // take effect (a page held up by the run would answer neither).
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(400, 400);
      await page.mouse.wheel(0, 600);
      await page.waitForFunction(
        () => window.scrollY > 0 || document.documentElement.scrollHeight <= window.innerHeight,
      );
      const theme = await page.evaluate(() => document.documentElement.dataset.theme ?? '');
      await page.locator('[data-theme-toggle]:visible').first().click();
      await page.waitForFunction((t) => (document.documentElement.dataset.theme ?? '') !== t, theme);
      const figure = await liveDemo(page, name, 180_000);
      await resultShown(figure, 180_000);
      const loaded = Date.now() - started;
      const frame = await nextFrame(page);
      const longest = await longestTask(page);
      log.push(
        `${name} ${kind}: result after ${loaded} ms (longest main-thread task ${longest.toFixed(0)} ms), then a frame in ${frame.toFixed(0)} ms`,
      );
      assert.deepEqual(errors, [], `${name} ${kind}`);
      await page.close();
    }
    console.log(log.join('\n'));
  });
}
