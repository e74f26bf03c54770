// scripts/lighthouse: Lighthouse on the home page and a demo post, mobile
// (Lighthouse's default: a mid-range phone on slow 4G, simulated) and
// desktop. Prints a Markdown table of the four scores and the transferred
// weight by type, for PERFORMANCE.md.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/lib/static-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LIGHTHOUSE = join(root, 'tools/lighthouse/node_modules/.bin/lighthouse');
const OUT = join(root, 'target/lighthouse');
const PAGES = [
  ['home', '/'],
  ['demo post', '/posts/retries-are-a-bet/'],
  ['sweep post (workers)', '/posts/jitter-is-about-the-crowd/'],
];
const FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';

const server = await serve(join(root, 'dist'), { precompressed: true });
const kb = (bytes) => (bytes / 1024).toFixed(1);
const rows = [];
try {
  for (const [name, path] of PAGES) {
    for (const preset of ['mobile', 'desktop']) {
      const file = join(OUT, `${name.replace(' ', '-')}-${preset}.json`);
      // Async: the server runs in this process and must keep answering.
      await promisify(execFile)(
        LIGHTHOUSE,
        [
          server.url + path,
          '--output=json',
          `--output-path=${file}`,
          `--chrome-flags=${FLAGS}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          '--quiet',
          ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        ],
        { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 },
      );
      const report = JSON.parse(readFileSync(file, 'utf8'));
      const score = (c) => Math.round(report.categories[c].score * 100);
      const weight = Object.fromEntries(
        report.audits['resource-summary'].details.items.map((i) => [i.resourceType, i.transferSize]),
      );
      const metric = (id) => report.audits[id].displayValue.replace(/\u00a0/g, ' ');
      rows.push(
        `| ${name} (${path}) | ${preset} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} | ${metric('first-contentful-paint')} | ${metric('largest-contentful-paint')} | ${metric('total-blocking-time')} | ${kb(weight.document ?? 0)} | ${kb(weight.stylesheet ?? 0)} | ${kb(weight.script ?? 0)} | ${kb(weight.other ?? 0)} | ${kb(weight.total ?? 0)} |`,
      );
      const failing = Object.values(report.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id} (${a.score})`);
      if (failing.length) console.error(`${name} ${preset}: audits under 0.9: ${failing.join(', ')}`);
    }
  }
} finally {
  await server.close();
}
console.log('| page | device | performance | accessibility | best practices | SEO | FCP | LCP | TBT | HTML KB | CSS KB | JS KB | wasm+data KB | total KB |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
