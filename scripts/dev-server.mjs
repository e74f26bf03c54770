// The writing loop behind `scripts/serve`, as `zola serve` has it: save a
// post and the open page shows it at once.
//
//   node scripts/dev-server.mjs [--port 8080]
//   node scripts/dev-server.mjs --no-app --root DIR --dist DIR --shell FILE [--port 0]
//
// - The app (wasm, JS, CSS, the shell index.html) is trunk's: `trunk watch`
//   rebuilds it when the code changes, with the content hook skipped
//   (SITE_CONTENT_HOOK=skip). With `--no-app`, no trunk: the content of the
//   project at `--root` is built into `--dist` around the shell `--shell`
//   (how the browser test of this loop runs, on a copy of the posts).
// - The content is one long-running `build-content --watch-stdin` (built
//   optimised by scripts/serve), fed a line per change: a saved post renders
//   only that post again; site.toml, about, focus or an image rebuilds all.
// - Every HTML page served gets a same-origin reload script (the CSP allows
//   'self'), which an EventSource tells to reload once the rebuilt files are
//   written; the console says how long save-to-written took.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, watch } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/static-server.mjs';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT_TOOL = join(PROJECT, 'target', 'release', 'build-content');
const WATCHED = ['posts', 'site', 'public'];

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const port = Number(option('--port', 8080));
const withApp = !args.includes('--no-app');
const ROOT = resolve(option('--root', PROJECT));
const DIST = resolve(option('--dist', join(PROJECT, 'dist')));
// trunk's shell, kept apart: each content build overwrites dist/index.html.
const SHELL = resolve(option('--shell', join(PROJECT, 'target', 'dev', 'shell.html')));
const log = (line) => console.log(`[serve] ${line}`);

// Browsers waiting to be told to reload. Each content build has a number;
// a page knows the number it was served with and reloads when the server's
// differs, including on connecting, so a build that finished while the page
// was loading (no listener connected yet) is not missed.
const listeners = new Set();
let generation = 0;
function reloadBrowsers() {
  generation += 1;
  for (const res of listeners) res.write(`data: ${generation}\n\n`);
}
const RELOAD_SCRIPT = `const served = new URL(import.meta.url).searchParams.get('g');
new EventSource('/__dev/events').onmessage = (e) => { if (e.data !== served) location.reload(); };
`;
const route = (req, res) => {
  if (req.url === '/__dev/events') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.write(`data: ${generation}\n\n`);
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
    return true;
  }
  if (req.url.startsWith('/__dev/reload.js')) {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(RELOAD_SCRIPT);
    return true;
  }
  return false;
};
const html = (page) => page.replace('</body>', `<script type="module" src="/__dev/reload.js?g=${generation}"></script></body>`);

// The content build: one process, a line per change, `built <ms>` back.
let content = null;
let pending = null; // what the next build must redo: 'post' or 'all'
let busy = false;
let savedAt = 0;
function startContent() {
  content?.kill();
  if (withApp) copyFileSync(join(DIST, 'index.html'), SHELL);
  const child = spawn(
    CONTENT_TOOL,
    ['--root', ROOT, '--out', DIST, '--shell', SHELL, '--drafts', '--watch-stdin'],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` } },
  );
  busy = true;
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const [answer, ms] = buffered.slice(0, newline).split(' ');
      buffered = buffered.slice(newline + 1);
      busy = false;
      const since = savedAt ? `, ${Date.now() - savedAt} ms after the save` : '';
      log(answer === 'built' ? `content built in ${ms} ms${since}; reloading` : `content failed (above); the pages are as they were`);
      savedAt = 0;
      if (answer === 'built') reloadBrowsers();
      next();
    }
  });
  child.on('exit', (code, signal) => {
    if (content === child && signal !== 'SIGTERM') log(`build-content stopped (${code ?? signal})`);
  });
  content = child;
}
function next() {
  if (busy || !pending || !content) return;
  busy = true;
  content.stdin.write(`${pending}\n`);
  pending = null;
}
// An editor's save is often two file events (truncate, write): the build
// waits for 25 ms of quiet, so one save is one build and one reload.
let quiet;
function changed(kind) {
  savedAt ||= Date.now();
  pending = pending === 'all' || kind === 'all' ? 'all' : 'post';
  clearTimeout(quiet);
  quiet = setTimeout(next, 25);
}

for (const dir of WATCHED) {
  if (!existsSync(join(ROOT, dir))) continue;
  watch(join(ROOT, dir), { recursive: true }, (_event, file) => {
    if (!file || /(^|\/)\.|~$|\.swp$/.test(file)) return; // editors' temporary files
    const path = relative(ROOT, join(ROOT, dir, file));
    changed(dir === 'posts' && path.endsWith('.md') ? 'post' : 'all');
  });
}

mkdirSync(dirname(SHELL), { recursive: true });
const server = await serve(DIST, { port, route, html });
if (withApp) {
  // trunk's first build, then one per code change; each brings a new shell
  // (new asset names), so the content build starts again from it.
  // trunk copies public/ into dist/ (copy-dir), so it watches public/ too;
  // posts/ and site/ are the content build's alone.
  const trunk = spawn('trunk', ['watch', '--offline', '--ignore', 'posts', '--ignore', 'site'], {
    cwd: PROJECT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, SITE_CONTENT_HOOK: 'skip' },
  });
  trunk.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (/success/.test(chunk.toString())) startContent();
  });
  trunk.on('exit', (code) => {
    log(`trunk stopped (${code})`);
    process.exit(code ?? 1);
  });
} else {
  startContent();
}
log(`${server.url}/ (posts/, site/ and public/ are watched)`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    content?.kill();
    server.close().then(() => process.exit(0));
  });
}
