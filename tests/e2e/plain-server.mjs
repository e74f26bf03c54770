// `python3 -m http.server`: the plainest static host there is (no rewrite
// rules, no 404 page, no compression). If the site works here, it works on
// any host that serves files.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Serves `root` with python3's http.server; resolves to { url, close }. */
export async function plainServe(root) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      await fetch(url + '/');
      return {
        url,
        close: () => new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill();
        }),
      };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill();
  throw new Error(`python3 -m http.server did not start on port ${port}`);
}
