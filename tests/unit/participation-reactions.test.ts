import { test } from "node:test";
import assert from "node:assert/strict";
import { REACTIONS, type Reaction } from "../../src/features/reactions/protocol.ts";
import { floats, ReactionTally, restoreTotals, sumCounts, type ReactionCounts } from "../../src/features/reactions/tally.ts";
import { REACT_COUNT_MAX, REACT_EVERY_MS, TapBatch } from "../../src/features/reactions/batch.ts";

/** A deterministic stream of numbers (no Math.random in tests). */
function numbers(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % max;
  };
}

test("totals stay exact across many batches", () => {
  const next = numbers(7);
  const tally = new ReactionTally();
  const expected = Object.fromEntries(REACTIONS.map((r) => [r, 0])) as Record<Reaction, number>;
  for (let i = 0; i < 5_000; i++) {
    const counts: ReactionCounts = {};
    for (const reaction of REACTIONS) {
      if (next(3) === 0) continue;
      const n = 1 + next(50);
      counts[reaction] = n;
      expected[reaction] += n;
    }
    if (Object.keys(counts).length > 0) tally.add(counts);
  }
  const report = tally.report();
  assert.deepEqual(report.totals, expected);
  assert.equal(report.total, sumCounts(expected));
  tally.clear();
  assert.equal(tally.report().total, 0);
  assert.equal(tally.report().batches, 0);
});

test("what a screen floats between reports adds up to the totals, however the reports were merged", () => {
  const tally = new ReactionTally();
  let seen: ReactionCounts = {};
  let floated = 0;
  const next = numbers(3);
  for (let i = 0; i < 300; i++) {
    tally.add({ "👏": 1 + next(5), "🐍": 1 + next(2) });
    if (next(4) === 0) continue; // this report was merged into the next one (or missed)
    const totals = tally.report().totals;
    floated += sumCounts(floats(seen, totals));
    seen = totals;
  }
  floated += sumCounts(floats(seen, tally.report().totals));
  assert.equal(floated, tally.report().total);
  // A reset shrinks the totals: nothing floats.
  assert.deepEqual(floats({ "👏": 9 }, { "👏": 0 }), {});
});

test("stored totals are read back defensively", () => {
  assert.deepEqual(restoreTotals({ "👏": 3, "🔥": -1, "🐍": 2.5, x: 9 }), { ...restoreTotals(null), "👏": 3 });
  assert.equal(sumCounts(restoreTotals("garbage")), 0);
});

test("a phone batches taps: one message per window, every tap sent once", () => {
  const batch = new TapBatch();
  const sent: ReactionCounts[] = [];
  let taps = 0;
  const next = numbers(11);
  for (let now = 0; now < 10_000; now += 10) {
    for (let k = next(4); k > 0; k--) {
      batch.tap(REACTIONS[next(REACTIONS.length)]!);
      taps += 1;
    }
    const counts = batch.take(now);
    if (counts) sent.push(counts);
  }
  for (let now = 10_000; batch.wait(now) !== null; now += REACT_EVERY_MS) {
    const counts = batch.take(now);
    if (counts) sent.push(counts);
  }
  assert.equal(sent.reduce((sum, counts) => sum + sumCounts(counts), 0), taps);
  assert.ok(sent.length <= 10_000 / REACT_EVERY_MS + 2, `${sent.length} messages`);
  for (const counts of sent) for (const n of Object.values(counts)) assert.ok(n >= 1 && n <= REACT_COUNT_MAX);
});

test("a batch never breaks the protocol's 50 per reaction; the rest waits, and a failed send is put back", () => {
  const batch = new TapBatch(300);
  batch.tap("🔥", 120);
  assert.deepEqual(batch.take(0), { "🔥": 50 });
  assert.equal(batch.take(100), null, "too soon");
  assert.equal(batch.wait(100), 200);
  const second = batch.take(300)!;
  assert.deepEqual(second, { "🔥": 50 });
  batch.putBack(second);
  assert.equal(batch.size, 70);
  assert.equal(batch.wait(600), 0);
  assert.equal(new TapBatch().wait(0), null, "nothing waits");
});
