// Every demo driven to its extremes, by the keyboard and by the URL: the
// page keeps responding (an animation frame arrives within 100 ms once the
// change is made) and the console stays clean. Demos are found from the
// site's own data, so a new demo is covered without editing this file.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appReady, newPage, open } from './harness.mjs';

/** A frame must come within this long of asking, once a change is made. */
const FRAME_MS = 100;
/** A change (the sim rerun and the redraw) must be on screen within this. */
const CHANGE_MS = 1500;
/** No task may hold the page longer than this, even loading the most
 * expensive link (each run stops at its event budget; about 2.2 s is the
 * worst measured: two 20M-event storms, or a queue or deep-space run to its
 * budget; the contention sweep runs on web workers and holds nothing). */
const LONGEST_TASK_MS = 6000;

let site;
/** Demo name -> route of the first post that has it. */
const demoPosts = new Map();

before(async () => {
  site = await open();
  const index = await (await fetch(`${site.base}/data/index.json`)).json();
  for (const post of index.posts) {
    const article = await (await fetch(`${site.base}/data/posts/${post.slug}.json`)).json();
    for (const block of article.blocks) {
      // The data file names demos in snake_case; the page, as in a post.
      const name = block.demo?.name?.replaceAll('_', '-');
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

/** Time from the last key press to the frame after it. */
async function keyToFrame(page) {
  await page.waitForFunction(() => window.__keyFrames.length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => window.__keyFrames.splice(0).pop());
}

/** Time from asking for a frame to getting it, the worst of a few. */
async function idleFrame(page) {
  return page.evaluate(async () => {
    let worst = 0;
    for (let i = 0; i < 5; i += 1) {
      const t0 = performance.now();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      worst = Math.max(worst, performance.now() - t0);
    }
    return worst;
  });
}

async function assertResponsive(page, what, errors, log) {
  const change = await keyToFrame(page);
  const idle = await idleFrame(page);
  log.push(`${what}: change ${change.toFixed(0)} ms, frame ${idle.toFixed(0)} ms`);
  assert.ok(change < CHANGE_MS, `${what}: the change showed after ${change.toFixed(0)} ms`);
  assert.ok(idle < FRAME_MS, `${what}: a frame took ${idle.toFixed(0)} ms`);
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
  const figure = page.locator(`#app figure[data-demo="${name}"]`).first();
  await figure.waitFor();
  const { ranges, selects, checks, seeds } = await controls(figure);
  assert.ok(ranges.length + selects.length + checks.length > 0, `${name} has controls`);
  const at = (id) => figure.locator(`[id="${id}"]`);

  // Every slider to its top, one after the other (ending with all at the
  // top together), then every one to its bottom.
  for (const key of ['End', 'Home']) {
    for (const r of ranges) {
      await at(r.id).focus();
      await page.keyboard.press(key);
      await assertResponsive(page, `${name}: ${r.label} ${key}`, errors, log);
    }
  }
  for (const s of selects) {
    for (const key of ['End', 'Home']) {
      await at(s.id).focus();
      await page.keyboard.press(key);
      await assertResponsive(page, `${name}: ${s.label} ${key}`, errors, log);
    }
  }
  for (const [n, c] of checks.entries()) {
    for (let i = 0; i < 2; i += 1) {
      await figure.locator('input[type="checkbox"]').nth(n).focus();
      await page.keyboard.press('Space');
      await assertResponsive(page, `${name}: ${c.label} toggled`, errors, log);
    }
  }
  for (const s of seeds) {
    for (const value of ['0', '18446744073709551615', '-1', '99999999999999999999999']) {
      await at(s.id).fill(value);
      await page.keyboard.press('Enter');
      await assertResponsive(page, `${name}: seed ${value}`, errors, log);
    }
  }
}

const NAMES = ['retry', 'storm', 'breaker', 'contention', 'queue', 'deep-space'];

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

/** The most expensive runs a link can ask for: every field at the edge
 * of its range that makes the most work. */
const URL_EXTREMES = {
  retry: {
    requests: '10000',
    interval_ms: '0',
    'server.failure_rate': '1',
    'client.max_attempts': '100',
    'client.backoff': 'none',
    'client.base_ms': '0',
    'client.timeout_ms': '3600000',
  },
  storm: {
    'scenario.arrival_rate': '100000',
    'scenario.duration_ms': '600000',
    'scenario.bucket_ms': '10',
    'scenario.client.max_attempts': '100',
    'scenario.client.backoff': 'none',
  },
  breaker: {
    requests: '10000',
    interval_ms: '1',
    failure_rate: '1',
    timeout_ms: '600000',
  },
  contention: {
    clients_from: '10000',
    clients_to: '10000',
    runs: '1',
    strategies: '["none"]',
    base_ms: '0',
  },
  queue: {
    producer_rate: '100000',
    duration_ms: '600000',
    keys: '100000',
    partitions: '1000',
    consumers: '1000',
    bucket_ms: '10',
    crash_probability: '1',
  },
  'deep-space': {
    messages: '100000',
    interval_ms: '0',
    timeout_factor: '0.1',
    hops: '[{"light_ms":3600000,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99}]',
  },
};

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

function withParams(route, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) query.append(`d1.${k}`, v);
  return `${route}?${query}`;
}

for (const name of NAMES) {
  test(`${name}: the most expensive and the most garbled links`, async () => {
    const route = demoPosts.get(name);
    const log = [];
    for (const [kind, params] of [['expensive', URL_EXTREMES[name]], ['garbled', GARBLED]]) {
      const { page, errors } = await newPage(site.context);
      await page.addInitScript(() => {
        window.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const started = Date.now();
      await page.goto(site.base + withParams(route, params));
      await appReady(page);
      await page.locator(`#app figure[data-demo="${name}"]`).first().waitFor();
      const loaded = Date.now() - started;
      const idle = await idleFrame(page);
      // Let a playback or a sweep run a while, then ask again.
      await page.waitForTimeout(1000);
      const later = await idleFrame(page);
      const longest = await page.evaluate(() => window.__longest);
      log.push(
        `${name} ${kind}: ready after ${loaded} ms (longest task ${longest.toFixed(0)} ms), frame ${idle.toFixed(0)} ms, a second on ${later.toFixed(0)} ms`,
      );
      assert.ok(idle < FRAME_MS && later < FRAME_MS, log.at(-1));
      assert.ok(longest < LONGEST_TASK_MS, log.at(-1));
      assert.deepEqual(errors, [], `${name} ${kind}`);
      await page.close();
    }
    console.log(log.join('\n'));
  });
}
