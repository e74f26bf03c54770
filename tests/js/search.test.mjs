// Unit tests of the search page's own logic in js/search.js (ranking ties,
// the section a result points to, folding); Pagefind's stemming and BM25 are
// exercised through the engine in tests/e2e/search.test.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestSection, foldWord, ranked, tidyMarks } from '../../js/search.js';

const result = (score, date, title = date) => ({ score, data: { meta: { date, title } } });

test('a higher score ranks first, whatever the dates', () => {
  const order = ranked([result(1.5, '2026-12-01'), result(3.0, '2020-01-01'), result(2.0, '2026-11-01')]);
  assert.deepEqual(order.map((r) => r.score), [3.0, 2.0, 1.5]);
});

test('equal scores: the newest post first', () => {
  const order = ranked([result(2, '2025-03-09'), result(2, '2026-11-20'), result(2, '2026-01-31'), result(5, '2001-01-01')]);
  assert.deepEqual(order.map((r) => r.data.meta.date), ['2001-01-01', '2026-11-20', '2026-01-31', '2025-03-09']);
});

test('ranking leaves its input as it was', () => {
  const input = [result(1, 'a'), result(2, 'b')];
  ranked(input);
  assert.deepEqual(input.map((r) => r.score), [1, 2]);
});

test('the best section is the one with the most matched words, never the page itself', () => {
  const data = {
    meta: { title: 'Post' },
    url: '/posts/p/',
    excerpt: 'page',
    sub_results: [
      { url: '/posts/p/', title: 'Post', locations: [1, 2, 3, 4], excerpt: 'top' },
      { url: '/posts/p/#a', title: 'A', locations: [5], excerpt: 'in a' },
      { url: '/posts/p/#b', title: 'B', locations: [6, 7], excerpt: 'in b' },
    ],
  };
  // The page's own sub-result has the most words: no section stands out.
  assert.equal(bestSection(data), null);
  data.sub_results[0].locations = [1];
  assert.deepEqual(bestSection(data), { url: '/posts/p/#b', title: 'B', excerpt: 'in b' });
  assert.equal(bestSection({ meta: { title: 'x' }, sub_results: [] }), null);
});

test('folding drops accents and case, as the build folds the posts\' words', () => {
  assert.equal(foldWord('Zürich'), 'zurich');
  assert.equal(foldWord('naïve'), 'naive');
  assert.equal(foldWord('JÏTTÉR'), 'jitter');
  assert.equal(foldWord('plain'), 'plain');
});

test('a mark holds its word only: punctuation and code beside it go outside, entities stay whole', () => {
  assert.equal(tidyMarks('fewer <mark>retries,</mark> then <mark>timeout.</mark>'), 'fewer <mark>retries</mark>, then <mark>timeout</mark>.');
  assert.equal(tidyMarks('<mark>retry:</mark>”'), '<mark>retry</mark>:”');
  assert.equal(tidyMarks('fn <mark>retry&lt;T,</mark> E&gt;('), 'fn <mark>retry</mark>&lt;T, E&gt;(');
  assert.equal(tidyMarks('<mark>&quot;jitter&quot;,</mark>'), '&quot;<mark>jitter</mark>&quot;,');
  assert.equal(tidyMarks('<mark>at-least-once</mark> and <mark>naïve</mark> <mark>Zürich’s</mark>'), '<mark>at-least-once</mark> and <mark>naïve</mark> <mark>Zürich’s</mark>');
  assert.equal(tidyMarks('<mark>--</mark>'), '<mark>--</mark>');
  assert.equal(tidyMarks('plain text'), 'plain text');
});
