// The contention demo's full sweep (5 strategies x 20 client counts x
// `runs` runs) in Chromium: total time and longest frame, as the page
// itself reports them. A measurement for BENCHMARKS.md, not a test.
import { appReady, newPage, open } from '../e2e/harness.mjs';

const site = await open();
try {
  for (const runs of [20, 100]) {
    const { page, errors } = await newPage(site.context);
    await page.goto(`${site.base}/posts/jitter-is-about-the-crowd/?d1.runs=${runs}`);
    await appReady(page);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sweep-status"]')?.textContent.startsWith('done'),
      null,
      { timeout: 120_000 },
    );
    console.log(`${runs} runs per point: ${await page.textContent('[data-testid="sweep-status"]')}`);
    if (errors.length) throw new Error(errors.join('\n'));
    await page.close();
  }
} finally {
  await site.close();
}
