// Charts a reader can read: in every demo's chart no text sits on other
// text (an axis title on its tick labels, tick labels on each other), at
// desktop and phone widths. The build-time SVG charts are measured with the
// browser's own text boxes; the live canvases are drawn by the same
// plotters code and layout (crates/charts/src/frame.rs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSite } from './harness.mjs';

const site = useSite();

/** The routes of posts with a demo, from the built pages. */
async function demoPosts() {
  const index = await (await fetch(site.base + '/data/index.json')).json();
  const routes = [];
  for (const post of index.posts) {
    const route = `/posts/${post.slug}/`;
    const html = await (await fetch(site.base + route)).text();
    if (html.includes('class="demo')) routes.push(route);
  }
  return routes;
}

/** Every pair of overlapping texts in the page's demo charts. */
function overlaps() {
  const found = [];
  const charts = [...document.querySelectorAll('figure.demo svg')].filter(
    (svg) => svg.getBoundingClientRect().width > 120 && svg.querySelector('text'),
  );
  charts.forEach((svg, n) => {
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() !== '')
      .map((t) => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() }));
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const [a, b] = [texts[i].box, texts[j].box];
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        // Glyph boxes include the line's leading: a pixel of touch is not
        // an overlap a reader sees.
        if (x > 1 && y > 2) found.push(`chart ${n + 1}: "${texts[i].text}" on "${texts[j].text}"`);
      }
    }
  });
  return found;
}

/** Labels of the page's demo charts drawn under 9 CSS px: the build's
 * SVGs are scaled to their column, so a wide drawing in a phone's column
 * shrinks its text (it has a narrow drawing for that). */
function tinyLabels() {
  const found = [];
  for (const svg of document.querySelectorAll('figure.demo svg')) {
    const shown = svg.getBoundingClientRect().width;
    const drawn = svg.viewBox.baseVal?.width || shown;
    if (shown < 120) continue;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      const px = (parseFloat(getComputedStyle(t).fontSize) * shown) / drawn;
      if (px < 9) found.push(`"${t.textContent.trim()}" at ${px.toFixed(1)} px`);
    }
  }
  return found;
}

for (const [label, width, height] of [
  ['desktop', 1280, 900],
  ['phone', 390, 844],
]) {
  test(`no chart text overlaps other text, and none is too small to read (${label})`, async () => {
    const page = await site.context.newPage();
    await page.setViewportSize({ width, height });
    // The build-time charts, as a reader without JavaScript sees them.
    await page.route(/\.(js|wasm)$/, (route) => route.abort());
    const problems = [];
    let labels = 0;
    for (const route of await demoPosts()) {
      await page.goto(site.base + route);
      for (const p of await page.evaluate(overlaps)) problems.push(`${route} ${p}`);
      for (const p of await page.evaluate(tinyLabels)) problems.push(`${route} ${p}`);
      labels += await page.locator('figure.demo svg text').count();
    }
    await page.close();
    assert.ok(labels > 50, `chart labels on the demo posts: ${labels}`);
    assert.deepEqual(problems, []);
  });
}
