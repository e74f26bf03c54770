// The simulations' module (src/bin/sim_worker.rs) on the page itself, for
// where no web worker can start (a policy forbids workers, or the worker's
// script failed): the page imports it once and computes runs here, the
// same module a worker would load, to the same numbers.
let module;

export function answerRunHere(url, task) {
  // The task is a view of the caller's memory: copy it before waiting.
  const copy = task.slice();
  module ??= import(url).then(async (m) => {
    await m.default();
    return m;
  });
  return module.then((m) => m.answer_run(copy));
}
