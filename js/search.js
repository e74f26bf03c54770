// The search page's engine: Pagefind's JS API over the bundle the build
// writes into dist/pagefind/ (scripts/build runs `pagefind` over the
// prerendered pages). Imported only by the search page, so no other page
// fetches any of it; Pagefind itself fetches only the index chunks a query
// needs. Runs under the site's CSP: a same-origin module, and wasm
// ('wasm-unsafe-eval').
let engine;

function load(bundle, base) {
  engine ??= import(`${bundle}pagefind.js`).then(async (pagefind) => {
    // Result URLs are site-relative; under a sub-path they need the base.
    await pagefind.options({ baseUrl: base, excerptLength: 30 });
    await pagefind.init();
    return pagefind;
  });
  return engine;
}

// Starts loading the engine and its index entry, so that the first query
// does not wait for them: called when the search page opens.
export function warmUp(bundle, base) {
  load(bundle, base).catch(() => { /* the first query reports the error */ });
}

// The best place on the page for a result: the section whose text has the
// most of the query's words (Pagefind's sub-results, one per heading), or
// the page itself when no section stands out.
export function bestSection(data) {
  let best = null;
  for (const sub of data.sub_results ?? []) {
    if (!best || (sub.locations?.length ?? 0) > (best.locations?.length ?? 0)) best = sub;
  }
  if (!best || !best.url.includes('#') || best.title === data.meta?.title) return null;
  return { url: best.url, title: best.title, excerpt: best.excerpt };
}

// Results best first: Pagefind's score (BM25 with its heading and title
// weights), and among equal scores the newest post first (`meta.date` is
// ISO 8601, so it sorts as text).
export function ranked(results) {
  return [...results].sort(
    (a, b) => b.score - a.score || (b.data.meta?.date ?? '').localeCompare(a.data.meta?.date ?? ''),
  );
}

// Pagefind marks the whole token around a matched word, punctuation and
// code included ("<mark>retries,</mark>", "<mark>retry&lt;T</mark>"): the
// mark is narrowed to the word (letters and digits, inner hyphens and
// apostrophes kept), the rest stays beside it. Pagefind escapes the text,
// so an entity ("&quot;") is one piece, never split.
export function tidyMarks(html) {
  return html.replace(/<mark>(.*?)<\/mark>/gsu, (whole, inner) => {
    const parts = inner.match(/^((?:&#?\w+;|[^\p{L}\p{N}&])*)([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)(.*)$/su);
    return parts ? `${parts[1]}<mark>${parts[2]}</mark>${parts[3]}` : whole;
  });
}

// Searches `query` and answers an object: the result count and the
// first `limit` results, best first (ties newest first), each with its
// title, date, area, URL, excerpt (HTML: text escaped by Pagefind, matched
// words in <mark>) and best section.
export async function searchPosts(bundle, base, query, limit) {
  const pagefind = await load(bundle, base);
  const found = await pagefind.search(query);
  const results = found?.results ?? [];
  const top = ranked(await Promise.all(
    results.slice(0, limit).map(async (r) => ({ score: r.score, data: await r.data() })),
  ));
  return {
    total: results.length,
    hits: top.map(({ data }) => {
      const section = bestSection(data);
      return {
        url: data.url,
        title: data.meta?.title ?? data.url,
        date: data.meta?.date ?? '',
        area: data.meta?.area ?? '',
        excerpt: tidyMarks(section?.excerpt ?? data.excerpt),
        section: section ? { url: section.url, title: section.title } : null,
      };
    }),
  };
}

// A word as `search-words.json` spells it: lowercase, accents dropped
// (canonical decomposition, combining marks removed), as the build's
// `content::search_words::fold` does with the same Unicode algorithm.
export function foldWord(word) {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
