// The consensus demo: the run replays at the playhead, actions at the
// playhead fork history and go into the URL, the safety properties follow
// the election restriction, and the whole thing is a keyboard's.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, builtStats, liveDemo, newPage, resultShown, useSite } from './harness.mjs';

const POST = '/posts/leader-election-is-a-timeout-and-a-vote/';

const site = useSite();

const stats = (figure) =>
  figure.locator('[data-stat]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.stat, e.textContent])));

/** Moves the demo's playhead to `ms` with its time slider. */
async function seek(figure, ms) {
  await figure.getByLabel('Time', { exact: true }).fill(String(ms));
}

test('consensus: replays, forks at the playhead, keeps it in the URL, shows safety', async () => {
  const html = await (await fetch(site.base + POST)).text();
  const figures = html.split(/<figure[^>]*data-demo="consensus"/);
  assert.equal(figures.length - 1, 2, 'two demos prerendered');
  assert.match(html, /S2 is leader for term 1 with votes from S1, S2 and S3/, 'the story without JavaScript');
  // The first demo's figure only (the second one's numbers follow it).
  const built = builtStats(figures[1]);

  const { page, errors } = await newPage(site.context);
  await page.goto(site.base + POST);
  const first = await liveDemo(page, 'consensus');
  await resultShown(first);
  await seek(first, 10000);
  assert.deepEqual(await stats(first), built, 'wasm at the end of the run shows the build-time numbers');

  // The safety list ticks as the run goes: more checks later, all held.
  const checked = async () =>
    Number((await first.locator('[data-property="LogMatching"]').textContent()).match(/checked (\d+) times?\./)[1]);
  const atEnd = await checked();
  await seek(first, 2000);
  assert.ok((await checked()) < atEnd, 'fewer checks earlier in the run');
  assert.equal(await first.locator('ul.safety li.held').count(), 4);

  // At 4 s, S1 leads term 2 and S2 is cut off, still leader of term 1.
  await seek(first, 4000);
  assert.equal(await first.locator('tr[data-server="1"]').getAttribute('data-role'), 'leader');
  assert.match(await first.locator('.partition-state').textContent(), /S2$/);
  // Stop S1 from the keyboard: the run forks there.
  await first.locator('tr[data-server="1"] button[data-action="power"]').focus();
  await page.keyboard.press('Enter');
  await resultShown(first);
  const interventions = JSON.parse(new URL(page.url()).searchParams.get('d1.interventions'));
  assert.deepEqual(interventions.at(-1), { kind: 'crash', at_ms: 4000, server: 1 });
  assert.deepEqual(interventions.map((i) => i.kind), ['partition', 'request', 'crash'], 'the heal after 4 s is forgotten: history forked');
  assert.equal(await first.locator('tr[data-server="1"]').getAttribute('data-role'), 'stopped');
  await seek(first, 6000);
  const forked = await stats(first);
  assert.match(forked.leader, /\(term 3\)$/, 'the servers left elect a leader for term 3');

  // The link replays the same run.
  const again = await newPage(site.context);
  await again.page.goto(page.url());
  const replay = await liveDemo(again.page, 'consensus');
  await resultShown(replay);
  await seek(replay, 6000);
  assert.deepEqual(await stats(replay), forked);

  // The second demo breaks the vote's log check: two properties turn red.
  const second = page.locator('#app figure.demo-live[data-demo="consensus"]').nth(1);
  await second.scrollIntoViewIfNeeded();
  await resultShown(second);
  await seek(second, 10000);
  assert.equal(await second.locator('ul.safety li.broken').count(), 2);
  assert.match(await second.locator('[data-property="LeaderCompleteness"]').textContent(), /without committed entry 5/);
  await second.getByLabel(/Votes check the candidate's log/).check();
  await resultShown(second);
  await seek(second, 10000);
  assert.equal(await second.locator('ul.safety li.broken').count(), 0);
  assert.equal(await second.locator('ul.safety li.held').count(), 4);

  const [download] = await Promise.all([page.waitForEvent('download'), second.locator('[data-testid="export-json"]').click()]);
  const run = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(run.demo, 'consensus');
  assert.ok(run.events.some((e) => e.kind.kind === 'leader'));

  await first.screenshot({ path: join(ARTIFACTS, 'consensus-demo.png') });
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await page.close();
  await again.page.close();
});
