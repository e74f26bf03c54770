// Search at scale: a generated corpus of 1,000 posts (in a temporary
// folder, never committed), built by the site's own content step (which
// writes search-words.json and runs Pagefind), then queried in Chromium
// through the same engine module the search page uses (js/search.js).
// Reports what a search downloads (brotli, as a host would ship it) and how
// long queries take. A benchmark, not a test: it asserts nothing.
//
//   node tests/bench/search-scale.mjs [posts]      (default 1000)
//
// Needs `cargo build -p content` (it runs that binary, release if built) and the
// npm packages (pagefind, playwright-core).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { openBrowser } from '../e2e/harness.mjs';
import { serve } from '../../scripts/lib/static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const POSTS = Number(process.argv[2] ?? 1000);

// A deterministic generator (mulberry32), so every run indexes the same corpus.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(2026);

// Words: the real posts' vocabulary, plus made-up technical words so that
// the corpus has the long tail of a big blog (names, jargon), drawn with a
// Zipf-like law (a few words everywhere, most words rare).
const real = [...new Set(
  readFileSync(join(ROOT, 'posts', 'jitter-is-about-the-crowd.md'), 'utf8')
    .concat(readFileSync(join(ROOT, 'posts', 'when-retries-become-the-outage.md'), 'utf8'))
    .toLowerCase()
    .match(/[a-z]{2,}/g),
)];
const syllables = ['ka', 'to', 'ri', 'mon', 'zel', 'vor', 'an', 'quo', 'lis', 'tern', 'pax', 'dur', 'ix', 'eb', 'sal'];
const invented = Array.from({ length: 20000 }, () => {
  const n = 2 + Math.floor(random() * 3);
  return Array.from({ length: n }, () => syllables[Math.floor(random() * syllables.length)]).join('');
});
const vocabulary = [...real, 'Zürich', 'café', 'naïve', ...invented];
const zipf = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(random() * Math.log(vocabulary.length))) - 1)];
const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(random() * 14) }, zipf);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
};

function post(i) {
  const paragraphs = [];
  for (let s = 0; s < 5; s += 1) {
    paragraphs.push(`## ${zipf()} ${zipf()} ${zipf()}\n`);
    for (let p = 0; p < 3; p += 1) paragraphs.push(Array.from({ length: 5 }, sentence).join(' ') + '\n');
  }
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  return `+++
title = "Post ${i}: ${zipf()} ${zipf()} ${zipf()}"
date = ${2000 + Math.floor(i / 336)}-${month}-${day}
summary = "${sentence()}"
tags = ["${zipf()}", "retries"]
area = "systems"
kind = "essay"
+++

${paragraphs.join('\n')}`;
}

const work = mkdtempSync(join(tmpdir(), 'search-scale-'));
try {
  mkdirSync(join(work, 'posts'));
  mkdirSync(join(work, 'out'));
  cpSync(join(ROOT, 'site'), join(work, 'site'), { recursive: true });
  // The focus page links real posts by slug; none of them is in this corpus.
  const focus = join(work, 'site', 'focus.toml');
  writeFileSync(focus, readFileSync(focus, 'utf8').replace(/^posts = .*\n/gm, ''));
  cpSync(join(ROOT, 'public'), join(work, 'public'), { recursive: true });
  for (let i = 0; i < POSTS; i += 1) writeFileSync(join(work, 'posts', `post-${i}.md`), post(i));
  // The shell trunk would have written: the source index.html has the markers.
  cpSync(join(ROOT, 'index.html'), join(work, 'out', 'index.html'));
  const started = performance.now();
  const binary = ['release', 'debug'].map((p) => join(ROOT, 'target', p, 'build-content')).find((b) => {
    try { return statSync(b).isFile(); } catch { return false; }
  });
  execFileSync(binary, ['--root', work, '--out', join(work, 'out')], {
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const buildSeconds = (performance.now() - started) / 1000;
  cpSync(join(ROOT, 'js', 'search.js'), join(work, 'out', 'search.js'));

  const out = join(work, 'out');
  const brotli = (path) =>
    brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const server = await serve(out);
  const browser = await openBrowser();
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/about/`);
  const queries = ['retries and timeouts', 'breakers', 'jittered', 'zurich', 'kavortern', 'the backoff policy', 'salixeb quomon', 'retry'];
  const rows = [];
  const typedRows = [];
  // Every request, the engine's worker's included (Resource Timing in the
  // page does not see a worker's fetches).
  let fetched = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.includes('/pagefind/') || p === '/search.js') fetched.push(p);
  });
  // As the search page does when it opens (the reader is still typing).
  await page.evaluate(async () => (await import('/search.js')).warmUp('/pagefind/', '/'));
  await page.waitForTimeout(1000);
  for (const query of queries) {
    fetched = [];
    const answer = await page.evaluate(async (q) => {
      const pagefind = await import('/pagefind/pagefind.js');
      const engine = await import('/search.js');
      const t0 = performance.now();
      const json = await engine.searchPosts('/pagefind/', '/', q, 10);
      const t1 = performance.now();
      // Again, now that every chunk and fragment is cached: the index
      // lookup alone, and with the ten results' data.
      const t2 = performance.now();
      const again = await pagefind.search(q);
      const t3 = performance.now();
      await Promise.all(again.results.slice(0, 10).map((r) => r.data()));
      const t4 = performance.now();
      return { ms: t1 - t0, lookup: t3 - t2, data: t4 - t3, total: json.total };
    }, query);
    // Pagefind's index files are already gzip inside; a host compresses the rest.
    const bytes = fetched.reduce((sum, p) => sum + (p.includes('/pagefind/') && !p.endsWith('.js') && !p.endsWith('.json') ? statSync(join(out, p)).size : brotli(join(out, p))), 0);
    rows.push({ query, results: answer.total, ms: answer.ms.toFixed(1), lookup: answer.lookup.toFixed(1), data: answer.data.toFixed(1), files: fetched.length, kb: (bytes / 1000).toFixed(1) });
  }
  // The same queries typed by a reader, a key every 120 ms, each into a new
  // browser (nothing cached), as the search page asks: the engine starts
  // loading when the page opens, and every keystroke searches (an older
  // answer is dropped). The figure is from the last key to the answer.
  for (const query of queries) {
    const fresh = await openBrowser();
    const typing = await fresh.context.newPage();
    await typing.goto(`${server.url}/about/`);
    typedRows.push(await typing.evaluate(async (q) => {
      const engine = await import('/search.js');
      engine.warmUp('/pagefind/', '/');
      await new Promise((r) => setTimeout(r, 1000));
      let last;
      for (let i = 1; i <= q.length; i += 1) {
        last = engine.searchPosts('/pagefind/', '/', q.slice(0, i), 10);
        if (i < q.length) await new Promise((r) => setTimeout(r, 120));
      }
      const t0 = performance.now();
      await last;
      return { query: q, ms: performance.now() - t0 };
    }, query));
    await fresh.close();
  }
  const words = brotli(join(out, 'search-words.json'));
  const indexFiles = execFileSync('find', [join(out, 'pagefind'), '-type', 'f']).toString().trim().split('\n');
  const indexTotal = indexFiles.reduce((s, f) => s + (f.endsWith('.js') || f.endsWith('.json') ? brotli(f) : statSync(f).size), 0);
  console.log(`${POSTS} generated posts; content build with Pagefind: ${buildSeconds.toFixed(1)} s`);
  console.log(`Pagefind bundle on disk: ${indexFiles.length} files, ${(indexTotal / 1000).toFixed(0)} KB (brotli/gzip as shipped)`);
  console.log(`search-words.json: ${(words / 1000).toFixed(1)} KB brotli (fetched once, for a query with a word of 5+ letters)`);
  console.log('\n| query (in this order) | results | first answer, 10 results (ms) | again: lookup (ms) | again: 10 results\' data (ms) | files fetched | KB fetched |\n|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.query} | ${r.results} | ${r.ms} | ${r.lookup} | ${r.data} | ${r.files} | ${r.kb} |`);
  console.log('\n| query, typed (fresh engine, a key every 120 ms) | last key to answer (ms) |\n|---|---:|');
  for (const r of typedRows) console.log(`| ${r.query} | ${r.ms.toFixed(1)} |`);
  await browser.close();
  await server.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
