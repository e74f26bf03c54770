// How long the retry demo takes from a slider change to redrawn numbers and
// charts, at 1,000 requests, measured in Chromium with the Performance API
// (input event dispatched, then the app's effects flushed, which includes
// the sim run, the DOM update and both canvas draws). A measurement for
// BENCHMARKS.md, not a test. Needs a release dist/ (scripts/bench builds it).
import { appReady, newPage, open } from '../e2e/harness.mjs';

const site = await open();
try {
  const { page, errors } = await newPage(site.context);
  await page.emulateMedia({ reducedMotion: 'reduce' }); // no playback frames competing
  await page.goto(`${site.base}/posts/retries-are-a-bet/?d1.requests=1000`);
  await appReady(page);
  await page.waitForTimeout(500);
  const times = await page.evaluate(async () => {
    const slider = document.querySelector('#demo-1-failure');
    const out = [];
    for (let i = 0; i < 40; i += 1) {
      const t0 = performance.now();
      slider.value = String((i % 20) / 100 + 0.05);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      out.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => r()));
    }
    return out;
  });
  times.sort((a, b) => a - b);
  const requests = await page.$eval('#app figcaption', (f) => f.textContent);
  console.log(requests);
  console.log(
    `slider change to redrawn numbers and charts over ${times.length} changes: ` +
      `median ${times[times.length >> 1].toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`,
  );
  if (errors.length) throw new Error(errors.join('\n'));
} finally {
  await site.close();
}
