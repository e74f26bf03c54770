// The blog shell's way to its other wasm modules (src/lazy_module.rs): the
// demos (src/bin/demos.rs) and the search page (src/bin/search.rs), ES
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
