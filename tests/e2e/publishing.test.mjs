// The static output as a host serves it: every route in sitemap.xml is a
// real page with its own head, on python3's plain http.server; nothing is
// fetched from another origin; no internal link or anchor in dist/ is
// broken; the head carries the CSP and the scripts their integrity; the
// feed and sitemap are well-formed; the precompressed copies are exact.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname, posix } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { DIST, newPage, openBrowser, appReady, sweepFinished } from './harness.mjs';
import { plainServe } from './plain-server.mjs';
import { serve } from '../../scripts/lib/static-server.mjs';

const BASE_URL = readFileSync(join(DIST, '..', 'site/site.toml'), 'utf8').match(/^base_url\s*=\s*"([^"]+)"/m)[1];

let server;
let browser;
before(async () => {
  server = await plainServe(DIST);
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every <loc> of sitemap.xml, as a path on the local server. */
function sitemapPaths(dist = DIST, baseUrl = BASE_URL) {
  const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  assert.ok(locs.length > 10, `sitemap has ${locs.length} pages`);
  return locs.map((loc) => {
    assert.ok(loc.startsWith(baseUrl), `${loc} is under ${baseUrl}`);
    return new URL(loc).pathname;
  });
}

function attr(html, pattern) {
  return html.match(pattern)?.[1];
}

test('every sitemap route answers 200 on a plain server, with its own head', async () => {
  const paths = sitemapPaths();
  const titles = new Set();
  for (const path of paths) {
    const res = await fetch(server.url + path);
    assert.equal(res.status, 200, path);
    const html = await res.text();
    const title = attr(html, /<title>([^<]*)<\/title>/);
    assert.ok(title, `${path}: title`);
    assert.ok(!titles.has(title), `${path}: title "${title}" is used twice`);
    titles.add(title);
    assert.ok(attr(html, /<meta name="description" content="([^"]+)"/), `${path}: description`);
    assert.equal(attr(html, /<link rel="canonical" href="([^"]+)"/), BASE_URL + path.slice(1), `${path}: canonical`);
    for (const og of ['og:title', 'og:description', 'og:url', 'og:type']) {
      assert.ok(html.includes(`<meta property="${og}" content="`), `${path}: ${og}`);
    }
    // A post has its own picture (tests/e2e/writing.test.mjs checks it).
    const card = path.startsWith('/posts/') ? 'summary_large_image' : 'summary';
    assert.ok(html.includes(`<meta name="twitter:card" content="${card}">`), `${path}: twitter:card`);
    assert.ok(html.includes('<main id="main">'), `${path}: prerendered content`);
  }
  const notFound = readFileSync(join(DIST, '404.html'), 'utf8');
  assert.match(notFound, /<title>Page not found/);
});

test('the head has a CSP without unsafe-inline scripts, and integrity on scripts and wasm', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = attr(html, /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(csp, 'CSP meta tag');
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy precedes every script');
  const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src '));
  assert.ok(!scriptSrc.includes('unsafe-inline'), scriptSrc);
  assert.match(scriptSrc, /'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(scriptSrc, /'wasm-unsafe-eval'/);
  for (const tag of html.match(/<script[^>]*\ssrc=[^>]*>/g) ?? []) assert.match(tag, /integrity="sha384-/, tag);
  const styleSrc = csp.split("; ").find((d) => d.startsWith("style-src "));
  assert.match(styleSrc, /^style-src 'self' 'sha256-/, "the inline critical CSS is allowed by hash");
  // The wasm is not preloaded (the app starts after the page's first
  // paint); its start script fetches it with the integrity it carries.
  assert.doesNotMatch(html, /<link rel="preload"[^>]*_bg\.wasm/);
  assert.match(html, /<link rel="modulepreload" href="[^"]+\.js"[^>]*integrity="sha384-/);
  const [, wasm, wasmIntegrity] = html.match(/<script type="module" data-wasm="([^"]+_bg\.wasm)" data-integrity="(sha384-[^"]+)"/) ?? [];
  assert.ok(wasm, 'the start script names the wasm and its integrity');
  assert.equal(wasmIntegrity, `sha384-${createHash('sha384').update(readFileSync(join(DIST, wasm))).digest('base64')}`);
  // Each digest is the file's as shipped (trunk's pipelines race on the
  // snippets; crates/content/src/render/integrity.rs seals them again).
  for (const [, href, integrity] of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*integrity="([^"]+)"/g)) {
    const [algorithm] = integrity.split('-');
    const digest = createHash(algorithm).update(readFileSync(join(DIST, href))).digest('base64');
    assert.equal(integrity, `${algorithm}-${digest}`, href);
  }
  const headers = readFileSync(join(DIST, '_headers'), 'utf8');
  assert.ok(headers.includes(`Content-Security-Policy: ${csp}; frame-ancestors 'none'`));
  assert.match(headers, /_bg\.wasm\n {2}! Cache-Control\n {2}Cache-Control: public, max-age=31536000, immutable/);
});

test('under the headers _headers sets (as Netlify sends them), the workers and every demo still run', async () => {
  const strict = await serve(DIST, { headersFile: true });
  try {
    const res = await fetch(`${strict.url}/sim-worker.js`);
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, 'the policy is sent');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const { page, errors } = await newPage(browser.context);
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
    );
    await page.goto(`${strict.url}/posts/jitter-is-about-the-crowd/`);
    await appReady(page);
    assert.match(await sweepFinished(page), / on \d+ workers? /);
    for (const path of ['/posts/retries-are-a-bet/', '/posts/when-retries-become-the-outage/', '/posts/talking-to-mars/']) {
      await page.goto(strict.url + path);
      await appReady(page);
      await page.waitForSelector('#app [data-demo] canvas');
    }
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await strict.close();
  }
});

test('no page asks any origin but its own, and none fails or logs an error', async () => {
  const { page, errors } = await newPage(browser.context);
  const foreign = [];
  const origin = new URL(server.url).origin;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
  });
  const paths = sitemapPaths();
  for (const path of paths) {
    await page.goto(server.url + path);
    await appReady(page);
  }
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(errors, []);
  await page.close();
});

/** Every file under `dir`, relative, with `/` separators. */
function walk(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? walk(full, root) : [relative(root, full).split('\\').join('/')];
  });
}

test('no internal link, asset or anchor in dist/ is broken', () => {
  const files = new Set(walk(DIST));
  const pages = [...files].filter((f) => f.endsWith('.html'));
  const ids = new Map();
  const idsOf = (file) => {
    if (!ids.has(file)) {
      const html = readFileSync(join(DIST, file), 'utf8');
      ids.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
    }
    return ids.get(file);
  };
  const broken = [];
  let checked = 0;
  for (const file of pages) {
    const html = readFileSync(join(DIST, file), 'utf8');
    for (const [, url] of html.matchAll(/\s(?:href|src|action)="([^"]+)"/g)) {
      if (/^[a-z]+:/i.test(url) || url.startsWith('//')) continue;
      checked += 1;
      const [pathPart, anchor] = url.replaceAll('&amp;', '&').split('#');
      const clean = pathPart.split('?')[0];
      let target;
      if (clean === '') target = file;
      else {
        const resolved = clean.startsWith('/') ? clean.slice(1) : posix.join(dirname(file), clean);
        target = resolved === '' || resolved.endsWith('/') ? `${resolved}index.html` : resolved;
      }
      if (!files.has(target)) broken.push(`${file}: ${url} (no ${target})`);
      else if (anchor && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(anchor))) {
        broken.push(`${file}: ${url} (no id "${anchor}" in ${target})`);
      }
    }
  }
  assert.ok(checked > 500, `checked ${checked} links`);
  assert.deepEqual(broken, []);
});

test('the feed and the sitemap are well-formed XML, and robots.txt names the sitemap', () => {
  const check = (file) =>
    execFileSync('python3', ['-c', 'import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot(); print(r.tag, len(r))', join(DIST, file)], {
      encoding: 'utf8',
    }).trim();
  assert.match(check('feed.xml'), /^\{http:\/\/www\.w3\.org\/2005\/Atom\}feed \d+$/);
  assert.match(check('sitemap.xml'), /^\{http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9\}urlset \d+$/);
  const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
  assert.ok(robots.includes(`Sitemap: ${BASE_URL}sitemap.xml`));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.ok(html.includes('<link rel="alternate" type="application/atom+xml"'));
});

test('each .br and .gz copy decompresses to its file', () => {
  const files = walk(DIST);
  const copies = files.filter((f) => f.endsWith('.br') || f.endsWith('.gz'));
  assert.ok(copies.some((f) => f.endsWith('_bg.wasm.br')), 'the wasm has a brotli copy');
  assert.ok(copies.some((f) => f === 'index.html.gz'));
  for (const copy of copies) {
    const original = readFileSync(join(DIST, copy.slice(0, -3)));
    const packed = readFileSync(join(DIST, copy));
    const unpacked = copy.endsWith('.br') ? brotliDecompressSync(packed) : gunzipSync(packed);
    assert.ok(unpacked.equals(original), copy);
  }
});

const SUB = join(DIST, '..', 'dist-blog');
test('the same site built for a sub-path works there: pages, wasm, navigation, feed', { skip: !existsSync(SUB) && 'dist-blog is missing: scripts/test builds it' }, async () => {
  // Serve a folder whose `blog/` is the sub-path build.
  const { mkdtempSync, symlinkSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const root = mkdtempSync(join(tmpdir(), 'site-subpath-'));
  symlinkSync(SUB, join(root, 'blog'));
  const sub = await plainServe(root);
  try {
    const base = readFileSync(join(SUB, 'robots.txt'), 'utf8').match(/Sitemap: (.*)sitemap\.xml/)[1];
    assert.match(base, /\/blog\/$/);
    const paths = sitemapPaths(SUB, base);
    assert.ok(paths.every((p) => p.startsWith('/blog/')));
    const { page, errors } = await newPage(browser.context);
    const outside = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol.startsWith('http') && !url.pathname.startsWith('/blog/')) outside.push(url.pathname);
    });
    await page.goto(sub.url + '/blog/');
    await appReady(page);
    const first = page.locator('#app .post-list h2 a').first();
    const href = await first.getAttribute('href');
    assert.match(href, /^\/blog\/posts\/[a-z0-9-]+\/$/);
    await first.click();
    await page.waitForURL(new RegExp(href));
    await page.waitForSelector('#app article.post h1');
    await page.goto(sub.url + '/blog/posts/retries-are-a-bet/');
    await appReady(page);
    await page.waitForSelector('#app figure.demo canvas');
    // The sweep's workers load from under the sub-path too.
    await page.goto(sub.url + '/blog/posts/jitter-is-about-the-crowd/');
    await appReady(page);
    assert.match(await sweepFinished(page), / on \d+ workers? /);
    await page.getByRole('link', { name: 'Archive', exact: true }).click();
    await page.waitForURL(/\/blog\/archive\/$/);
    await page.waitForSelector('#app .archive-year li a');
    // Search: its module, its index and its results' links, all under /blog/.
    await page.keyboard.press('/');
    await page.waitForURL(/\/blog\/search\/$/);
    await page.getByLabel('Search the posts').fill('jitter');
    await page.waitForURL(/\/blog\/search\/\?q=jitter$/);
    const hit = page.locator('.search-hit-link').first();
    assert.match(await hit.getAttribute('href'), /^\/blog\/posts\//);
    assert.deepEqual(outside, [], 'requests outside /blog/');
    assert.deepEqual(errors, []);
    await page.close();
    const feed = readFileSync(join(SUB, 'feed.xml'), 'utf8');
    assert.ok(!/href="\/(?!\/)/.test(feed.replaceAll('&quot;', '"')), 'feed links are absolute');
    assert.ok(feed.includes(`<id>${base}posts/`));
  } finally {
    await sub.close();
    rmSync(root, { recursive: true, force: true });
  }
});
