// The blog shell's way to its other wasm modules (src/lazy_module.rs): each
// demo's (src/bin/demo_<key>.rs) and the search page's (src/bin/search.rs), ES
// modules trunk builds beside the shell. Each is imported the first time a
// page needs it, once per page load, so a page fetches only the code it
// shows.
const started = new Map();

export function loadModule(url) {
  if (!started.has(url)) {
    started.set(url, import(url).then(async (m) => {
      await m.default();
      return m;
    }));
  }
  return started.get(url);
}
