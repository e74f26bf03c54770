// The contention demo's full sweep (5 strategies x 20 client counts x
// `runs` runs) in Chromium: total time, where it ran, and the longest gap
// between animation frames while it ran, as the page itself reports them;
// then the same with workers refused (the page computes it). A
// measurement for BENCHMARKS.md, not a test.
import { appReady, newPage, open, sweepFinished } from '../e2e/harness.mjs';

const site = await open();
try {
  for (const [runs, workers] of [[20, true], [100, true], [100, false]]) {
    const { page, errors } = await newPage(site.context);
    if (!workers) {
      await page.route(/\/sim-worker\.js(\?|$)/, (r) => r.fulfill({ contentType: 'text/javascript', body: 'throw 0' }));
    }
    await page.goto(`${site.base}/posts/jitter-is-about-the-crowd/?d1.runs=${runs}`);
    await appReady(page);
    const status = await sweepFinished(page, 120_000);
    const caption = await page.textContent('#app [data-demo="contention"] figcaption');
    // A sweep the page refused would silently run the default instead.
    if (!caption.includes(`${runs} runs per point`)) throw new Error(`asked ${runs} runs: ${caption}`);
    console.log(`${runs} runs per point: ${status}`);
    if (errors.length) throw new Error(errors.join('\n'));
    await page.close();
  }
} finally {
  await site.close();
}
