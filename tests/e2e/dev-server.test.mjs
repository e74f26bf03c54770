// The writing loop of `scripts/serve` as an author lives it: a post open in
// the browser, the Markdown file saved, the page showing the new text by
// itself. Runs scripts/dev-server.mjs on a copy of the posts (never the
// repository's), without trunk (`--no-app`: the shell is the source
// index.html, so the pages are the prerendered ones); needs the optimised
// content tool that scripts/build leaves in target/release. How long a save
// takes to show is printed as a figure, not asserted.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { newPage, openBrowser } from './harness.mjs';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const POST = 'retries-are-a-bet';

let work;
let server;
let browser;
let base;
let output = '';

/** Resolves when the dev server's log has a line matching `pattern` after `from`. */
function logLine(pattern, from = output.length) {
  return new Promise((ok, fail) => {
    const check = () => {
      if (pattern.test(output.slice(from))) {
        clearInterval(timer);
        ok();
      }
    };
    const timer = setInterval(check, 20);
    server.on('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`the dev server stopped (${code}):\n${output}`));
    });
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'dev-server-'));
  for (const dir of ['posts', 'site', 'public']) cpSync(join(PROJECT, dir), join(work, dir), { recursive: true });
  // trunk's links are left as they are, but the icon's is given the path
  // trunk would write (and the file trunk would copy), or it would 404.
  const shell = readFileSync(join(PROJECT, 'index.html'), 'utf8').replace(/<link data-trunk rel="icon"[^>]*>/, '<link rel="icon" href="/favicon.svg">');
  writeFileSync(join(work, 'shell.html'), shell);
  cpSync(join(PROJECT, 'public', 'favicon.svg'), join(work, 'dist', 'favicon.svg'));
  server = spawn(
    process.execPath,
    [join(PROJECT, 'scripts/dev-server.mjs'), '--no-app', '--root', work, '--dist', join(work, 'dist'), '--shell', join(work, 'shell.html'), '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout.on('data', (c) => { output += c; });
  server.stderr.on('data', (c) => { output += c; });
  await logLine(/content built/, 0);
  base = output.match(/(http:\/\/127\.0\.0\.1:\d+)\//)[1];
  browser = await openBrowser();
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill();
    await exited;
  }
  // The server ends its content build as it goes, but that build may still
  // write a last file into dist/ as the folder is removed (ENOTEMPTY, seen
  // in CI): try again rather than fail the run.
  rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

/** Saves the post with `from` replaced by `to`. */
function edit(from, to) {
  const path = join(work, 'posts', `${POST}.md`);
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `the post has "${from}"`);
  writeFileSync(path, text.replace(from, to));
}

test('saving a post shows the new text in the open page, by itself, every time', async (t) => {
  const { page, errors } = await newPage(browser.context);
  await page.goto(`${base}/posts/${POST}/`);
  await page.getByText('Every retry loop makes the same quiet assumption').waitFor();
  const shown = [];
  let previous = 'Every retry loop makes the same quiet assumption';
  for (const version of ['first', 'second', 'third']) {
    const text = `Every retry loop (${version} edit) makes the same quiet assumption`;
    const saved = Date.now();
    edit(previous, text);
    await page.getByText(text).waitFor({ timeout: 30_000 });
    shown.push(Date.now() - saved);
    previous = text;
  }
  t.diagnostic(`save to new text on the page: ${shown.join(', ')} ms`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a post saved broken leaves the page as it was and says why; fixed, it shows again', async () => {
  const { page } = await newPage(browser.context);
  await page.goto(`${base}/posts/${POST}/`);
  const heading = await page.locator('h1').textContent();
  const from = output.length;
  edit('+++\ntitle', '+++\ntitle = \ntitle');
  await logLine(/content failed/, from);
  assert.match(output.slice(from), new RegExp(`posts/${POST}\\.md:2`), 'the error names the file and line');
  assert.equal(await page.locator('h1').textContent(), heading, 'the page is as it was');
  edit('+++\ntitle = \ntitle', '+++\ntitle');
  await logLine(/content built/, from);
  await page.locator('h1').waitFor();
  assert.equal(await page.locator('h1').textContent(), heading);
  await page.close();
});
