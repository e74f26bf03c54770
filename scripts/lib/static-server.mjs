// A plain static file server over dist/, like any static host: files as
// they are, `dir/` answered by `dir/index.html`, and a missing path answered
// by 404.html with status 404. No rewrite rules. Used by the browser tests,
// the benchmarks and the dev server (scripts/dev-server.mjs).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

async function resolve(root, urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0]);
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      if (!decoded.endsWith('/')) return { redirect: `${decoded}/` };
      return { file: join(path, 'index.html') };
    }
    return { file: path };
  } catch {
    return null;
  }
}

// A file name with trunk's content hash: cached for a year, as _headers says.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

/** The headers `_headers` gives every path (its first block), by name. */
async function headersFileRules(root) {
  const text = await readFile(join(root, '_headers'), 'utf8');
  const block = text.split(/\n(?=\S)/)[0];
  return Object.fromEntries(
    block
      .split('\n')
      .slice(1)
      .map((line) => line.trim().match(/^([\w-]+):\s*(.+)$/))
      .filter(Boolean)
      .map((m) => [m[1], m[2]]),
  );
}

/**
 * Starts serving `root` on 127.0.0.1 at a free port; resolves to { url, close }.
 * With `precompressed`, it behaves like nginx with `brotli_static on`: the
 * `.br` copy when the client accepts brotli, and the cache headers of
 * `_headers` (what the Lighthouse report measures). With `headersFile`, it
 * sends every response the headers `_headers` sets for every path (the
 * CSP with frame-ancestors, nosniff, ...), as Netlify or Cloudflare Pages
 * would. `route(req, res)` may answer a request first (true when it did),
 * and `html(text)` rewrites every HTML page served (the dev server's
 * reload script).
 */
export async function serve(root, { precompressed = false, headersFile = false, port = 0, route, html } = {}) {
  const always = headersFile ? await headersFileRules(root) : {};
  const server = createServer(async (req, res) => {
    if (route?.(req, res)) return;
    const found = await resolve(root, req.url ?? '/');
    if (found?.redirect) {
      res.writeHead(301, { Location: found.redirect });
      res.end();
      return;
    }
    try {
      let body = await readFile(found?.file ?? '');
      if (html && found.file.endsWith('.html')) body = html(body.toString('utf8'));
      const headers = { ...always, 'Content-Type': TYPES[extname(found.file)] ?? 'application/octet-stream' };
      if (precompressed) {
        headers['Cache-Control'] = HASHED.test(found.file) ? 'public, max-age=31536000, immutable' : 'no-cache';
        if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
          const packed = await readFile(found.file + '.br').catch(() => null);
          if (packed) {
            res.writeHead(200, { ...headers, 'Content-Encoding': 'br', Vary: 'Accept-Encoding' });
            res.end(packed);
            return;
          }
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      let page = await readFile(join(root, '404.html'), 'utf8').catch(() => 'not found');
      if (html) page = html(page);
      res.writeHead(404, { ...always, 'Content-Type': TYPES['.html'] });
      res.end(page);
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const bound = server.address().port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    }),
  };
}
