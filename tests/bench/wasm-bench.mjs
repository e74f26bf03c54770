// Times the sim's benchmark workloads in wasm in headless Chromium and sets
// them beside criterion's native figures for the same workloads and seed.
// Usage: node tests/bench/wasm-bench.mjs <dir with pkg/> (scripts/bench).
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { newPage, openBrowser } from '../e2e/harness.mjs';
import { serve } from '../../scripts/lib/static-server.mjs';

const WORKLOADS = ['storm', 'contention', 'contention_1000', 'retry'];
const CRITERION = {
  storm: 'storm',
  contention: 'contention',
  contention_1000: 'contention_1000',
  retry: 'retry_traced',
};
const root = resolve(process.argv[2] ?? 'target/wasm-bench');

const PAGE = `<!DOCTYPE html><meta charset="utf-8"><title>sim wasm bench</title><link rel="icon" href="data:,">
<script type="module">
import init, * as sim from './pkg/wasm_bench.js';
await init();
window.bench = (name, minMs) => {
  const run = sim[name + '_events'];
  // Warm up, and find how many runs make one sample of 20 ms or more
  // (the browser's clock is coarse).
  let batch = 1;
  let events = 0;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i += 1) events = run(1);
    if (performance.now() - t0 >= 20) break;
    batch *= 2;
  }
  const times = [];
  const start = performance.now();
  while (times.length < 7 || performance.now() - start < minMs) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i += 1) run(1);
    times.push((performance.now() - t0) / batch);
  }
  times.sort((a, b) => a - b);
  return { events, runs: times.length * batch, median_ms: times[Math.floor(times.length / 2)] };
};
window.ready = true;
</script>`;

async function nativeMs(name) {
  const file = `target/criterion/scenarios/${CRITERION[name]}/new/estimates.json`;
  try {
    const estimates = JSON.parse(await readFile(file, 'utf8'));
    return estimates.median.point_estimate / 1e6;
  } catch {
    return null;
  }
}

await writeFile(join(root, 'index.html'), PAGE);
const server = await serve(root);
const browser = await openBrowser();
try {
  const { page, errors } = await newPage(browser.context);
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => window.ready === true);
  const rows = [];
  for (const name of WORKLOADS) {
    const wasm = await page.evaluate(([n]) => window.bench(n, 3000), [name]);
    const native = await nativeMs(name);
    rows.push({
      workload: name,
      events: wasm.events,
      wasm_ms: +wasm.median_ms.toFixed(3),
      wasm_events_per_s: Math.round(wasm.events / (wasm.median_ms / 1000)),
      native_ms: native && +native.toFixed(3),
      native_events_per_s: native && Math.round(wasm.events / (native / 1000)),
      wasm_over_native: native && +(wasm.median_ms / native).toFixed(2),
    });
  }
  if (errors.length) throw new Error(errors.join('\n'));
  console.table(rows);
  await writeFile(join(root, 'results.json'), JSON.stringify(rows, null, 2));
} finally {
  await browser.close();
  await server.close();
}
