// The blog shell's way to the demos module (src/bin/demos.rs): imported
// the first time a page shows a demo, once per page load, so that a page
// without a demo fetches no demo or simulation code.
let demos;

export function mountDemo(url, host, spec, index) {
  demos ??= import(url).then(async (m) => {
    await m.default();
    return m;
  });
  return demos.then((m) => m.mount_demo(host, spec, index));
}
