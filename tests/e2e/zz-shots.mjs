import { openBrowser } from './harness.mjs';
import { serve } from '../../scripts/lib/static-server.mjs';
const server = await serve('/work/main/dist');
const b = await openBrowser();
const shots = [
  ['post-end', '/posts/retries-are-a-bet/', 'bottom'],
  ['correction', '/posts/a-retry-that-succeeds-is-still-noticed/', 'top'],
  ['search-naive', '/search/?q=naive%20policy', 'top'],
  ['home', '/', 'top'],
  ['focus', '/focus/', 'top'],
];
for (const [name, path, where] of shots) {
  for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
    for (const scheme of ['light', 'dark']) {
      for (const js of [true, false]) {
        if (!js && (scheme === 'dark' || tag === 'phone')) continue;
        const ctx = await b.context.browser().newContext({ viewport: { width: w, height: h }, colorScheme: scheme, javaScriptEnabled: js });
        const page = await ctx.newPage();
        await page.goto(server.url + path);
        if (js) await page.waitForSelector('#app[data-ready="true"]', { timeout: 30000 });
        if (js && name === 'search-naive') await page.waitForSelector('.search-hit', { timeout: 30000 });
        if (where === 'bottom') await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForTimeout(400);
        await page.screenshot({ path: `/tmp/shots/${name}-${tag}-${scheme}-${js ? 'js' : 'nojs'}.png` });
        await ctx.close();
      }
    }
  }
}
await b.close(); await server.close();
