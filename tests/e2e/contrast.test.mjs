// Both themes readable: on a page with a diagram and a demo, and one with
// code, the edges, arrow heads and labels of the diagrams, the code's
// colours and the demos' controls meet 3:1 against what is behind them
// (WCAG 1.4.11, non-text contrast; the code meets 4.5:1, its own unit test
// in crates/content/src/highlight.rs). Measured from computed styles in
// Chromium, light and dark. (Not covered: the chart lines, drawn on canvas
// from one palette for both themes.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appReady, newPage, settled, useSite } from './harness.mjs';

const site = useSite();
const PAGES = ['/posts/order-is-promised-per-key/', '/posts/jitter-is-about-the-crowd/'];

/** Every pair below 3:1 (4.5:1 for code) on the page, as text. */
function lowContrast() {
  const parse = (c) => {
    const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
    return m ? { rgb: [+m[1], +m[2], +m[3]], a: m[4] === undefined ? 1 : +m[4] } : null;
  };
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  /** The opaque colour behind `el`: the nearest ancestor background. */
  const behind = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c.rgb;
    }
    return [255, 255, 255];
  };
  const problems = [];
  const checked = {};
  const check = (what, el, colour, against, min) => {
    const c = parse(colour);
    if (!c || c.a === 0) return;
    const kind = what.split(' ')[0];
    checked[kind] = (checked[kind] ?? 0) + 1;
    const r = ratio(c.rgb, against);
    if (r < min) problems.push(`${what}: ${colour} on rgb(${against}) is ${r.toFixed(2)}:1`);
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
  return { problems: [...new Set(problems)], checked };
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
      const { problems: found, checked } = await page.evaluate(lowContrast);
      for (const p of found) problems.push(`${path} ${p}`);
      for (const [kind, n] of Object.entries(checked)) seen[kind] = (seen[kind] ?? 0) + n;
    }
    // Something of each kind was measured: an empty page passes nothing.
    for (const kind of ['diagram', 'code', 'control']) assert.ok(seen[kind] > 10, `${kind}: ${seen[kind]}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
