// Both themes readable: on a page with a diagram and a demo, and one with
// code, the edges, arrow heads and labels of the diagrams, the code's
// colours and the demos' controls meet 3:1 against what is behind them
// (WCAG 1.4.11, non-text contrast; the code meets 4.5:1, its own unit test
// in crates/content/src/markdown/highlight.rs). Measured from computed styles in
// Chromium, light and dark. The charts of every kind of demo too: the
// build's SVG from its computed paint, the live canvas from its pixels,
// after the reader switches theme as well as on a page loaded in it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appReady, newPage, settled, showEveryChart, useSite } from './harness.mjs';

const site = useSite();
const PAGES = ['/posts/order-is-promised-per-key/', '/posts/jitter-is-about-the-crowd/'];
/** A post for each kind of demo. */
const DEMO_PAGES = [
  '/posts/retries-are-a-bet/',
  '/posts/when-retries-become-the-outage/',
  '/posts/a-breaker-is-a-decision-to-fail-fast/',
  '/posts/jitter-is-about-the-crowd/',
  '/posts/at-least-once-means-duplicates/',
  '/posts/talking-to-mars/',
  '/posts/leader-election-is-a-timeout-and-a-vote/',
];

const luminance = ([r, g, b]) => {
  const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
/** WCAG 2 contrast of two `[r, g, b]`. */
const ratio = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

/**
 * Each colour measured on the page with what is behind it and the contrast
 * it needs: `{ what, rgb, against, min }`.
 */
function pairsOnPage() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? { rgb: [+m[1], +m[2], +m[3]], a: m[4] === undefined ? 1 : +m[4] } : null;
  };
  /** The opaque colour behind `el`: the nearest ancestor background. */
  const behind = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c.rgb;
    }
    return [255, 255, 255];
  };
  const pairs = [];
  const check = (what, el, colour, against, min) => {
    const c = parse(colour);
    if (c && c.a > 0) pairs.push({ what, rgb: c.rgb, against, min });
  };
  for (const fig of document.querySelectorAll('#app figure.mermaid')) {
    const ground = behind(fig);
    for (const el of fig.querySelectorAll('path, line, polygon, marker path')) {
      const s = getComputedStyle(el);
      if (s.stroke !== 'none' && parseFloat(s.strokeWidth) > 0 && !el.closest('.node')) {
        check(`diagram edge ${el.getAttribute('class') ?? el.tagName}`, el, s.stroke, ground, 3);
      }
      if (el.closest('marker')) check('diagram arrow head', el, s.fill, ground, 3);
    }
    // Whatever paints the words: the element whose own text they are (a
    // `<text>` may only hold `<tspan>`s, painted with their own fill).
    const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    for (const el of fig.querySelectorAll('.nodeLabel, .edgeLabel, text, tspan')) {
      if (!ownText(el)) continue;
      // SVG text is painted with its fill; a label in a foreignObject is
      // HTML, painted with its colour.
      const s = getComputedStyle(el);
      const paint = el instanceof SVGElement ? s.fill : s.color;
      check(`diagram label "${el.textContent.trim()}"`, el, paint, behind(el), 3);
    }
  }
  for (const pre of document.querySelectorAll('#app pre.hl-code')) {
    const ground = behind(pre);
    for (const span of pre.querySelectorAll('span')) {
      if (span.childNodes.length && [...span.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) {
        check(`code "${span.textContent.trim().slice(0, 20)}"`, span, getComputedStyle(span).color, ground, 4.5);
      }
    }
  }
  for (const el of document.querySelectorAll('#app .demo button, #app .demo select, #app .demo input[type="number"]')) {
    const s = getComputedStyle(el);
    check(`control edge "${el.textContent.trim() || el.tagName}"`, el, s.borderTopColor, behind(el.parentElement), 3);
    check(`control text "${el.textContent.trim() || el.tagName}"`, el, s.color, behind(el), 4.5);
  }
  // The demos' numbers, as faded as their opacity (and their ancestors')
  // fades them: a figure computing a newer run keeps showing the last one,
  // and it must stay legible.
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity);
    return o;
  };
  for (const el of document.querySelectorAll('#app .demo-stats dt, #app .demo-stats dd')) {
    const c = parse(getComputedStyle(el).color);
    if (!c || !el.textContent.trim()) continue;
    const ground = behind(el);
    const o = opacity(el) * c.a;
    const seen = c.rgb.map((v, i) => v * o + ground[i] * (1 - o));
    pairs.push({ what: `number "${el.textContent.trim().slice(0, 20)}"`, rgb: seen, against: ground, min: 4.5 });
  }
  // The build's SVG charts (before a demo goes live): strokes and fills
  // drawn at full opacity (a faint grid is decoration), and the text.
  for (const svg of document.querySelectorAll('.demo-static .chart svg')) {
    const ground = behind(svg);
    for (const el of svg.querySelectorAll('polyline, path, line, rect, circle, polygon, text')) {
      const s = getComputedStyle(el);
      if (el.tagName === 'text') {
        if (el.textContent.trim()) check(`chart text "${el.textContent.trim()}"`, el, s.fill, ground, 4.5);
        continue;
      }
      const solid = (v) => v === undefined || parseFloat(v) >= 0.99;
      if (!solid(s.opacity)) continue;
      if (s.stroke !== 'none' && parseFloat(s.strokeWidth) > 0 && solid(s.strokeOpacity)) {
        check(`chart ${el.tagName} stroke`, el, s.stroke, ground, 3);
      }
      // A fill as wide as the chart is its ground, not a mark on it.
      const box = el.getBBox?.();
      const ground_sized = box && box.width >= svg.viewBox.baseVal.width * 0.9 && box.height >= svg.viewBox.baseVal.height * 0.9;
      if (s.fill !== 'none' && solid(s.fillOpacity) && !ground_sized && el.tagName !== 'line' && el.tagName !== 'polyline') {
        check(`chart ${el.tagName} fill`, el, s.fill, ground, 3);
      }
    }
  }
  // The live canvases: every colour painted over enough pixels to be a
  // line, a bar or a glyph. The canvas is transparent and getImageData
  // gives colours unpremultiplied, so an anti-aliased pixel of a line has
  // the line's own colour; faint pixels (alpha under one half: the grid,
  // translucent bands, the outer edge of a stroke) are left out.
  for (const canvas of document.querySelectorAll('#app canvas.chart')) {
    if (!canvas.width || !canvas.height) continue;
    const ground = behind(canvas);
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] < 128) continue;
      const key = `rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [colour, n] of counts) {
      if (n >= 20) check(`canvas ${canvas.className} ${n}px`, canvas, colour, ground, 3);
    }
  }
  return pairs;
}

/** The pairs below their minimum, as text, and how many of each kind were measured. */
function judge(pairs) {
  const problems = new Set();
  const checked = {};
  for (const { what, rgb, against, min } of pairs) {
    const kind = what.split(' ')[0];
    checked[kind] = (checked[kind] ?? 0) + 1;
    const r = ratio(rgb, against);
    if (r < min) problems.add(`${what}: rgb(${rgb}) on rgb(${against}) is ${r.toFixed(2)}:1`);
  }
  return { problems: [...problems], checked };
}

for (const scheme of ['light', 'dark']) {
  test(`diagrams, code and demo controls meet their contrast in the ${scheme} theme`, async () => {
    const { page, errors } = await newPage(site.context);
    await page.emulateMedia({ colorScheme: scheme });
    const problems = [];
    const seen = {};
    for (const path of PAGES) {
      await page.goto(site.base + path);
      await appReady(page);
      await settled(page, '#app');
      await showEveryChart(page);
      const { problems: found, checked } = judge(await page.evaluate(pairsOnPage));
      for (const p of found) problems.push(`${path} ${p}`);
      for (const [kind, n] of Object.entries(checked)) seen[kind] = (seen[kind] ?? 0) + n;
      // Again as the demos look while a newer run computes (what a long
      // run shows for seconds).
      await page.evaluate(() => {
        for (const f of document.querySelectorAll('#app figure.demo-live')) f.setAttribute('aria-busy', 'true');
      });
      for (const p of judge(await page.evaluate(pairsOnPage)).problems) problems.push(`${path} (updating) ${p}`);
    }
    // Something of each kind was measured: an empty page passes nothing.
    for (const kind of ['diagram', 'code', 'control', 'number']) assert.ok(seen[kind] > 10, `${kind}: ${seen[kind]}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/** Measures each demo page in `page`; returns the problems and the counts by kind. */
async function measureDemos(page, prepare) {
  const problems = [];
  const seen = {};
  for (const path of DEMO_PAGES) {
    await page.goto(site.base + path);
    await prepare(page);
    const { problems: found, checked } = judge(await page.evaluate(pairsOnPage));
    for (const p of found) problems.push(`${path} ${p}`);
    for (const [kind, n] of Object.entries(checked)) seen[kind] = (seen[kind] ?? 0) + n;
  }
  return { problems, seen };
}

for (const scheme of ['light', 'dark']) {
  test(`the build's chart pictures meet their contrast in the ${scheme} theme (JavaScript off)`, async () => {
    // Scripts blocked: the prerendered page as a reader without JavaScript
    // sees it, in the system's scheme.
    const page = await site.context.newPage();
    await page.route(/\.(js|wasm)$/, (route) => route.abort());
    await page.emulateMedia({ colorScheme: scheme });
    const { problems, seen } = await measureDemos(page, async () => {});
    assert.ok(seen.chart > 50, `chart marks measured: ${seen.chart}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('live charts meet their contrast in both themes, redrawn when the reader switches theme', async () => {
  const { page, errors } = await newPage(site.context);
  // Reduced motion: each demo shows its whole run at once (the playhead at
  // the end), so every line is on the canvas.
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  // Each page opens in the system's (light) theme, whatever the toggle
  // remembered from the page before.
  await page.addInitScript(() => localStorage.removeItem('theme'));
  const live = async (p) => {
    await appReady(p);
    await settled(p, '#app');
    // Every chart has been drawn at its size (a frame after the last run).
    await showEveryChart(p);
  };
  const light = await measureDemos(page, live);
  const dark = await measureDemos(page, async (p) => {
    await live(p);
    await p.click('[data-theme-toggle]');
    await p.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await showEveryChart(p);
  });
  for (const { seen } of [light, dark]) assert.ok(seen.canvas >= 40, `canvas colours measured: ${seen.canvas}`);
  assert.deepEqual([...light.problems, ...dark.problems], []);
  assert.deepEqual(errors, []);
  await page.close();
});
