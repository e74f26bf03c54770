// A node:test reporter that prints one line per test, the failures in full,
// and a closing `N passed, N failed` line that CI reads.
export default async function* reporter(source) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  for await (const event of source) {
    const data = event.data ?? {};
    // Count tests, not the files or suites that hold them.
    const isLeaf = data.details?.type !== 'suite' && data.nesting >= 0 && data.file && data.name && !data.name.endsWith('.mjs');
    if (event.type === 'test:pass' && isLeaf && !data.skip) {
      passed += 1;
      yield `ok    ${data.name} (${Math.round(data.details.duration_ms)} ms)\n`;
    } else if (event.type === 'test:fail' && isLeaf) {
      failed += 1;
      const error = data.details?.error;
      const cause = error?.cause ?? error;
      failures.push(`${data.name}\n${cause?.stack ?? cause?.message ?? String(cause)}`);
      yield `FAIL  ${data.name}\n`;
    } else if (event.type === 'test:fail' && data.details?.type !== 'suite' && data.name) {
      // A file that fails outside its tests (it exits with an error, a hook
      // throws, work goes on after its last test): node exits non-zero, so
      // say which file and why, or CI shows "0 failed" and a red exit.
      failed += 1;
      const error = data.details?.error;
      const cause = error?.cause ?? error;
      failures.push(`${data.name} (outside its tests)\n${cause?.stack ?? cause?.message ?? String(cause)}`);
      yield `FAIL  ${data.name} (outside its tests)\n`;
    } else if (event.type === 'test:diagnostic' && !/^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(data.message)) {
      // What the runner says beside the tests: work left running after a
      // test ended, with the error it raised.
      yield `note  ${data.message}\n`;
    } else if (event.type === 'test:stderr' || event.type === 'test:stdout') {
      yield data.message;
    }
  }
  for (const failure of failures) {
    yield `\n--- ${failure}\n`;
  }
  yield `\n${passed} passed, ${failed} failed\n`;
}
