// The simulations' web worker (a module worker): loads the sim module
// built from src/bin/sim_worker.rs beside this file and answers the page.
// A run task arrives as bytes and its reply goes back as bytes (transferred,
// not copied); a sweep task is text and so is its answer. Messages that
// arrive while the module loads wait for it; "ready" tells the page it has
// loaded, "failed: ..." that it could not (a rejected promise inside a
// worker would not reach the page on its own).
import init, { answer_run, answer_sweep } from './sim_worker.js';

const loaded = init({ module_or_path: new URL('./sim_worker_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  await loaded;
  if (typeof event.data === 'string') {
    self.postMessage(answer_sweep(event.data));
  } else {
    const reply = answer_run(new Uint8Array(event.data));
    self.postMessage(reply.buffer, [reply.buffer]);
  }
};

loaded.then(
  () => self.postMessage('ready'),
  (e) => self.postMessage('failed: ' + e),
);
