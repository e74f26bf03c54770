// Same scenario, same seed: the same run, event for event, natively and in
// wasm in the browser. Each side prints a digest of the whole traced run
// (`sim --digest` natively, crates/wasm-bench in Chromium), for every demo
// the registry has (`sim --list`, from `sim::Demo::ALL`).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { newPage, openBrowser } from './harness.mjs';
import { serve } from '../../scripts/lib/static-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PKG_DIR = join(root, 'target/wasm-bench');
const SIM = join(root, 'target/debug/sim');
/** Every demo's key, from the registry (the CLI prints it). */
const SCENARIOS = existsSync(SIM) ? execFileSync(SIM, ['--list'], { encoding: 'utf8' }).trim().split('\n') : [];
const SEEDS = 3;

let browser;
let server;
let page;
before(async () => {
  for (const needed of [join(PKG_DIR, 'pkg/wasm_bench.js'), SIM]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run scripts/test (it builds both)`);
  }
  await writeFile(
    join(PKG_DIR, 'digest.html'),
    `<!DOCTYPE html><meta charset="utf-8"><title>digests</title><link rel="icon" href="data:,">
<script type="module">
import init, { demo_keys, run_digest } from './pkg/wasm_bench.js';
await init();
window.runDigest = run_digest;
window.demoKeys = demo_keys;
</script>`,
  );
  server = await serve(PKG_DIR);
  browser = await openBrowser();
  ({ page } = await newPage(browser.context));
  await page.goto(`${server.url}/digest.html`);
  await page.waitForFunction(() => typeof window.runDigest === 'function');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the wasm knows the same demos as the CLI, all six of them at least', async () => {
  assert.ok(SCENARIOS.length >= 6, SCENARIOS.join(' '));
  assert.ok(SCENARIOS.includes('breaker') && SCENARIOS.includes('deep-space'), SCENARIOS.join(' '));
  assert.deepEqual((await page.evaluate(() => window.demoKeys())).split('\n'), SCENARIOS);
});

for (const name of SCENARIOS) {
  test(`${name}: wasm in Chromium reproduces the native run exactly (${SEEDS} seeds)`, async () => {
    const native = execFileSync(SIM, [name, '--digest', '--runs', String(SEEDS), '--seed', '1'], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[2]);
    const wasm = [];
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      wasm.push(await page.evaluate(([n, s]) => window.runDigest(n, s), [name, seed]));
    }
    assert.equal(native.length, SEEDS);
    assert.deepEqual(wasm, native);
  });
}
