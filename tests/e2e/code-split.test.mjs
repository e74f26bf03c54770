// A page fetches only the code it shows: the blog shell everywhere, a
// demo's module (its views and its simulation, which its worker runs too)
// only where that demo is on the page, the search module only on the
// search page; moving
// between pages with and without demos starts and ends workers cleanly;
// where no worker can start, the page computes the same numbers itself.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appReady, builtStats, liveDemo, newPage, resultShown, statsOf, useSite } from './harness.mjs';

const site = useSite();

const DEMO_POST = '/posts/retries-are-a-bet/';
/** Code that belongs to demos: a demo's module and the workers' script. */
const DEMO_CODE = /\/(demo_[a-z_]+(_bg)?\.(js|wasm)|sim-worker\.js)$/;
/** Code that belongs to the search page: its module and its Pagefind glue. */
const SEARCH_CODE = /\/search(_bg)?\.(js|wasm)$/;

/** Records every script and wasm the page (and its workers) fetch. */
function recordCode(page) {
  const fetched = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\.(js|wasm)$/.test(path)) fetched.push(path);
  });
  page.on('worker', (w) => fetched.push(new URL(w.url()).pathname));
  return fetched;
}

/** Records the page's console warnings (a worker that stopped says so). */
function recordWarnings(page) {
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return warnings;
}

/** A published post without a demo, from the site's own data. */
async function textOnlyPost() {
  const index = await (await fetch(`${site.base}/data/index.json`)).json();
  for (const post of index.posts) {
    const article = await (await fetch(`${site.base}/data/posts/${post.slug}.json`)).json();
    if (!article.blocks.some((b) => 'demo' in b)) return `/posts/${post.slug}/`;
  }
  throw new Error('every post has a demo');
}

/** Waits (a while) until the page has no worker left. */
async function noWorkers(page) {
  for (let i = 0; i < 50 && page.workers().length > 0; i++) await page.waitForTimeout(100);
  return page.workers().length === 0;
}

test('pages without a demo fetch no demo or simulation code, and only the search page fetches search', async () => {
  for (const route of ['/', await textOnlyPost(), '/archive/', '/tags/', DEMO_POST]) {
    const { page, errors } = await newPage(site.context);
    const fetched = recordCode(page);
    await page.goto(site.base + route);
    await appReady(page);
    await page.waitForTimeout(500);
    assert.ok(fetched.some((p) => /\/site-[0-9a-f]+_bg\.wasm$/.test(p)), `${route}: the shell loads (${fetched})`);
    assert.deepEqual(fetched.filter((p) => SEARCH_CODE.test(p)), [], `${route} fetched search code`);
    if (route !== DEMO_POST) {
      assert.deepEqual(fetched.filter((p) => DEMO_CODE.test(p)), [], `${route} fetched demo code`);
      assert.deepEqual(page.workers().length, 0, `${route} started a worker`);
    }
    assert.deepEqual(errors, [], route);
    await page.close();
  }
});

test("a demo post fetches its demo's module, once, and runs its demo on a worker", async () => {
  const { page, errors } = await newPage(site.context);
  const fetched = recordCode(page);
  const warnings = recordWarnings(page);
  await page.goto(site.base + DEMO_POST);
  await appReady(page);
  await resultShown(await liveDemo(page, 'retry'));
  // A change, computed by the worker too.
  await page.getByLabel('Server failure rate').focus();
  await page.keyboard.press('ArrowRight');
  await resultShown(await liveDemo(page, 'retry'));
  assert.deepEqual(warnings.filter((w) => /worker/.test(w)), [], 'the worker computed every run');
  for (const file of ['/demo_retry.js', '/demo_retry_bg.wasm', '/sim-worker.js']) {
    assert.ok(fetched.some((p) => p.endsWith(file)), `${file} fetched (${fetched})`);
  }
  // The worker runs the page's compiled module: no second fetch.
  assert.equal(fetched.filter((p) => p.endsWith('/demo_retry_bg.wasm')).length, 1, `${fetched}`);
  const others = fetched.filter((p) => DEMO_CODE.test(p) && !/\/(demo_retry(_bg)?\.(js|wasm)|sim-worker\.js)$/.test(p));
  assert.deepEqual(others, [], "no other demo's code");
  assert.equal(page.workers().length, 1, 'one worker for the one demo');
  assert.deepEqual(errors, []);
  await page.close();
});

test('moving between posts with and without demos starts and ends workers', async () => {
  const textPost = await textOnlyPost();
  const { page, errors } = await newPage(site.context);
  const fetched = recordCode(page);
  await page.goto(site.base + textPost);
  await appReady(page);

  // In the app, to a demo post: the demo mounts and its worker starts.
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = 'to the demo';
    document.querySelector('#app main').append(a);
  }, DEMO_POST);
  await page.click(`#app main a[href="${DEMO_POST}"]`);
  await page.waitForURL(`**${DEMO_POST}`);
  await resultShown(await liveDemo(page, 'retry'));
  assert.equal(page.workers().length, 1);
  const htmlLoads = fetched.filter((p) => p.endsWith('.html')).length;
  assert.equal(htmlLoads, 0, 'no full page load');

  // Away again: the worker ends with its demo.
  await page.click('a[href="/archive/"]');
  await page.waitForURL('**/archive/');
  await page.waitForFunction(() => document.querySelector('#app h1')?.textContent.includes('Archive'));
  assert.ok(await noWorkers(page), 'no worker outlives its demo');

  // Back: the module is already loaded; the demo and a worker come back.
  await page.goBack();
  await page.waitForURL(`**${DEMO_POST}`);
  await resultShown(await liveDemo(page, 'retry'));
  assert.equal(page.workers().length, 1);
  assert.equal(fetched.filter((p) => p.endsWith('/demo_retry_bg.wasm')).length, 1, "the demo's module loads once");
  await page.goBack();
  await page.waitForURL(`**${textPost}`);
  assert.ok(await noWorkers(page), 'no worker after leaving again');
  assert.deepEqual(errors, []);
  await page.close();
});

test("from one demo's post to another's: the first demo's workers end, the second's module and workers start", async () => {
  const other = '/posts/leader-election-is-a-timeout-and-a-vote/';
  const { page, errors } = await newPage(site.context);
  const fetched = recordCode(page);
  const warnings = recordWarnings(page);
  await page.goto(site.base + DEMO_POST);
  await appReady(page);
  await resultShown(await liveDemo(page, 'retry'));
  const modulesOf = () => page.workers().map((w) => new URL(w.url()).searchParams.get('module'));
  assert.deepEqual(modulesOf(), ['demo_retry']);

  // In the app, to the consensus post (two demos, one module).
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = 'to the other demo';
    document.querySelector('#app main').append(a);
  }, other);
  await page.click(`#app main a[href="${other}"]`);
  await page.waitForURL(`**${other}`);
  await resultShown(await liveDemo(page, 'consensus'));
  for (let i = 0; i < 50 && modulesOf().includes('demo_retry'); i++) await page.waitForTimeout(100);
  const modules = modulesOf();
  assert.ok(modules.length > 0 && modules.every((m) => m === 'demo_consensus'), `workers: ${modules}`);
  const wasm = fetched.filter((p) => p.endsWith('_bg.wasm') && !/\/site-/.test(p));
  assert.deepEqual(wasm.map((p) => p.split('/').pop()), ['demo_retry_bg.wasm', 'demo_consensus_bg.wasm']);
  assert.deepEqual(warnings.filter((w) => /worker/.test(w)), [], 'the workers computed every run');
  assert.deepEqual(errors, []);
  await page.close();
});

test('where no worker can start, the page computes the same numbers itself', async () => {
  const html = await (await fetch(site.base + DEMO_POST)).text();
  const built = builtStats(html);
  const { page, errors } = await newPage(site.context);
  await page.route(/\/sim-worker\.js(\?|$)/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("no workers in this test");' }),
  );
  await page.goto(site.base + DEMO_POST);
  await appReady(page);
  const figure = await liveDemo(page, 'retry');
  await resultShown(figure);
  assert.deepEqual(await statsOf(page, '#app'), built, 'the numbers of the build-time run');

  // A change is computed too.
  await page.getByLabel('Server failure rate').focus();
  await page.keyboard.press('ArrowRight');
  const changed = await statsOf(page, '#app');
  assert.notDeepEqual(changed, built);
  assert.ok(await noWorkers(page));
  assert.deepEqual(errors, []);
  await page.close();
});
