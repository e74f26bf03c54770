// A demo's web worker (a module worker): runs the demo's own wasm module
// (src/bin/demo_<key>.rs), the one the page mounted the demo with. The
// page starts it as sim-worker.js?module=demo_<key> and posts that module,
// compiled, as its first message: the worker imports the module's JS glue
// beside this file and starts it on the page's compiled module, so the
// module is fetched and compiled once. Then a run task arrives as bytes
// and its reply goes back as bytes (transferred, not copied); a sweep task
// is text and so is its answer. Messages that arrive while the module
// starts wait for it. "ready" tells the page it has started; "failed: ..."
// that it could not, or that an answer failed (a trap in the module): the
// worker then closes, and the page computes without it (a rejected promise
// inside a worker would not reach the page on its own).
const name = new URL(self.location.href).searchParams.get('module') ?? '';
let started = null;

async function start(compiled) {
  if (!/^demo_[a-z_]+$/.test(name)) throw new Error(`no demo module named "${name}"`);
  if (!(compiled instanceof WebAssembly.Module)) throw new Error('the first message is not the compiled module');
  const module = await import(`./${name}.js`);
  await module.default({ module_or_path: compiled });
  return module;
}

function fail(error) {
  self.postMessage('failed: ' + error);
  self.close();
}

self.onmessage = async (event) => {
  if (started === null) {
    started = start(event.data);
    started.then(() => self.postMessage('ready'), fail);
    return;
  }
  let module;
  try {
    module = await started;
  } catch {
    return; // already reported
  }
  try {
    if (typeof event.data === 'string') {
      self.postMessage(module.answer_sweep(event.data));
    } else {
      const reply = module.answer_run(new Uint8Array(event.data));
      self.postMessage(reply.buffer, [reply.buffer]);
    }
  } catch (e) {
    fail(e);
  }
};
