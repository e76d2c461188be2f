import { test } from "node:test";
import assert from "node:assert/strict";
import { BUCKET_EDGES, bucketIndex, bucketLabel, distribution, median, percentile } from "../../src/features/rtt/distribution.ts";
import { RttSamples, STALE_MS, type RttEntry } from "../../src/features/rtt/samples.ts";
import { PING_PREFIX, RttMeter } from "../../src/features/rtt/meter.ts";
import { rttAudienceReport, rttExport, RttPeak, rttReport } from "../../src/features/rtt/report.ts";
import { formatMs, scalePosition, standing } from "../../src/features/rtt/format.ts";
import { rttStrings } from "../../src/features/rtt/strings.ts";

test("buckets: <10, 10–20, 20–50, 50–100, 100–200, 200–500, ≥500; lower edge inclusive", () => {
  assert.deepEqual(
    distribution([]).buckets.map(bucketLabel),
    ["<10", "10–20", "20–50", "50–100", "100–200", "200–500", "≥500"],
  );
  const cases: [number, number][] = [
    [0, 0],
    [9.99, 0],
    [10, 1],
    [19.9, 1],
    [20, 2],
    [49, 2],
    [50, 3],
    [100, 4],
    [199.5, 4],
    [200, 5],
    [499.9, 5],
    [500, 6],
    [120_000, 6],
  ];
  for (const [ms, index] of cases) assert.equal(bucketIndex(ms), index, `${String(ms)} ms`);
  assert.equal(BUCKET_EDGES.length, 7);
  for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => bucketIndex(bad), RangeError);
});

test("percentile: nearest rank, always a measured value", () => {
  const sorted = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
  assert.equal(percentile(sorted, 50), 10);
  assert.equal(percentile(sorted, 95), 19);
  assert.equal(percentile(sorted, 100), 20);
  assert.equal(percentile(sorted, 0), 1);
  assert.equal(percentile([7], 50), 7);
  assert.equal(percentile([7], 95), 7);
  assert.equal(percentile([3, 9], 50), 3);
  assert.equal(percentile([3, 9], 95), 9);
  assert.equal(percentile([], 50), null);
  assert.throws(() => percentile(sorted, 101), RangeError);
  assert.throws(() => percentile(sorted, Number.NaN), RangeError);
});

test("median: middle value, or the mean of the two middle ones", () => {
  assert.equal(median([]), null);
  assert.equal(median([5]), 5);
  assert.equal(median([9, 1, 5]), 5);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test("distribution: count, p50, p95, max and the histogram of a room", () => {
  const values = [3, 4, 12, 15, 18, 30, 45, 80, 150, 600];
  const result = distribution([...values].reverse()); // order does not matter
  assert.equal(result.count, 10);
  assert.equal(result.p50, 18);
  assert.equal(result.p95, 600);
  assert.equal(result.max, 600);
  assert.deepEqual(
    result.buckets.map((bucket) => bucket.count),
    [2, 3, 2, 1, 1, 0, 1],
  );
  assert.deepEqual(result.buckets[0], { from: 0, to: 10, count: 2 });
  assert.deepEqual(result.buckets.at(-1), { from: 500, to: null, count: 1 });
  assert.equal(
    result.buckets.reduce((sum, bucket) => sum + bucket.count, 0),
    result.count,
  );
});

test("distribution: an empty room has no numbers, only empty buckets", () => {
  const empty = distribution([]);
  assert.deepEqual(
    { count: empty.count, p50: empty.p50, p95: empty.p95, max: empty.max },
    { count: 0, p50: null, p95: null, max: null },
  );
  assert.ok(empty.buckets.every((bucket) => bucket.count === 0));
});

function entry(ms: number, at: number, connection: string, phone = true): RttEntry {
  return { ms, at, connection, phone };
}

test("board: one entry per device; a newer report replaces the older", () => {
  const board = new RttSamples();
  board.put("p:alice", entry(30, 0, "c1"));
  board.put("p:alice", entry(12, 500, "c2")); // her second tab, or a reload
  board.put("p:bob", entry(80, 600, "c3"));
  assert.equal(board.size, 2);
  assert.deepEqual(
    board.fresh(1000).map((e) => e.ms).sort((a, b) => a - b),
    [12, 80],
  );
});

test("board: a connection that leaves takes only its own report with it", () => {
  const board = new RttSamples();
  board.put("p:alice", entry(12, 0, "c2"));
  board.put("p:bob", entry(80, 0, "c3"));
  assert.equal(board.leave("c1"), false, "alice's old tab closing does not remove her newer report");
  assert.equal(board.size, 2);
  assert.equal(board.leave("c3"), true);
  assert.deepEqual(
    board.fresh(0).map((e) => e.ms),
    [12],
  );
});

test("board: reports not refreshed for STALE_MS are dropped", () => {
  const board = new RttSamples();
  board.put("p:quiet", entry(20, 0, "c1"));
  board.put("p:busy", entry(40, 4_000, "c2"));
  assert.equal(board.fresh(STALE_MS).length, 2, "exactly STALE_MS old is still fresh");
  assert.equal(board.fresh(STALE_MS + 1).length, 1, "fresh() hides stale entries even before a prune");
  assert.equal(board.prune(STALE_MS), false);
  assert.equal(board.prune(STALE_MS + 1), true);
  assert.equal(board.size, 1);
  board.clear();
  assert.equal(board.size, 0);
});

test("reports: the projector gets the histogram and how many are phones; phones get the summary", () => {
  const entries = [entry(5, 0, "c1"), entry(25, 0, "c2"), entry(2, 0, "c3", false)];
  const report = rttReport(entries);
  assert.equal(report.count, 3);
  assert.equal(report.phones, 2);
  assert.equal(report.p50, 5);
  assert.equal(report.max, 25);
  assert.deepEqual(
    report.buckets.map((bucket) => bucket.count),
    [2, 0, 1, 0, 0, 0, 0],
  );
  assert.deepEqual(rttAudienceReport(entries), { count: 3, p50: 5, p95: 25, max: 25 });
});

test("meter: ids never look like the heartbeat's; each pong gives one sample", () => {
  const meter = new RttMeter({ window: 3 });
  const a = meter.nextId();
  const b = meter.nextId();
  assert.notEqual(a, b);
  assert.ok(a.startsWith(PING_PREFIX) && !a.startsWith("hb"));
  meter.sentAt(a, 100);
  meter.sentAt(b, 600);
  assert.equal(meter.answer(b, 612), 12, "pongs may come back in any order");
  assert.equal(meter.answer(a, 700), 600);
  assert.equal(meter.answer(a, 800), null, "a duplicate pong is ignored");
  assert.equal(meter.answer("hb123", 800), null, "the heartbeat's pongs are not ours");
  assert.equal(meter.sent, 2);
  assert.equal(meter.answered, 2);
  assert.equal(meter.last(), 600);
});

test("meter: reports the median of its latest window; lost pings time out", () => {
  const meter = new RttMeter({ window: 3, history: 4, timeoutMs: 1_000 });
  assert.equal(meter.current(), null);
  const rtts = [10, 12, 300, 11, 13];
  rtts.forEach((rtt, i) => {
    const id = meter.nextId();
    meter.sentAt(id, i * 500);
    meter.answer(id, i * 500 + rtt);
  });
  assert.equal(meter.current(), 13, "median of 300, 11, 13: the spike does not swing it");
  assert.deepEqual(meter.samples(), [12, 300, 11, 13], "the sparkline keeps `history` samples");

  const lost = meter.nextId();
  meter.sentAt(lost, 5_000);
  meter.expire(5_900);
  assert.equal(meter.lost, 0);
  meter.expire(6_001);
  assert.equal(meter.lost, 1);
  assert.equal(meter.answer(lost, 6_100), null, "too late: already counted as lost");
});

test("format: one decimal below 10 ms, whole ms above, a dash for nothing", () => {
  assert.equal(formatMs(null, "pt-br"), "—");
  assert.equal(formatMs(2.345, "pt-br"), "2,3");
  assert.equal(formatMs(9.96, "pt-br"), "10,0");
  assert.equal(formatMs(12.6, "pt-br"), "13");
  assert.equal(formatMs(1234, "pt-br"), "1.234");
});

test("format in English: decimal point, thousands comma", () => {
  assert.equal(formatMs(null, "en"), "—");
  assert.equal(formatMs(2.345, "en"), "2.3");
  assert.equal(formatMs(1234, "en"), "1,234");
});

test("the phone's sentences in both languages, with their plurals", () => {
  const [pt, en] = [rttStrings["pt-br"], rttStrings.en];
  assert.equal(pt.youAre(pt.standing[standing(5, 20)]), "Você está mais rápido que a mediana da sala.");
  assert.equal(en.youAre(en.standing[standing(5, 20)]), "You are faster than the room's median.");
  assert.equal(pt.devices(1), "1 aparelho medindo");
  assert.equal(en.devices(3), "3 devices measuring");
  assert.equal(en.phones(1), "1 phone");
  assert.equal(en.phones(2), "2 phones");
});

test("standing: faster, at or slower than the room's median, with a margin for jitter", () => {
  assert.equal(standing(5, 20), "faster");
  assert.equal(standing(19, 20), "median");
  assert.equal(standing(21.9, 20), "median");
  assert.equal(standing(23, 20), "slower");
  assert.equal(standing(1.3, 1), "median", "at 1 ms the margin is 0.5 ms, not 10%");
  assert.equal(standing(1.6, 1), "slower");
});

test("the phone's strip: log scale from 1 ms to 1 s, clamped at both ends", () => {
  assert.equal(scalePosition(1), 0);
  assert.equal(scalePosition(0.2), 0);
  assert.ok(Math.abs(scalePosition(10) - 1 / 3) < 1e-12);
  assert.ok(Math.abs(scalePosition(100) - 2 / 3) < 1e-12);
  assert.equal(scalePosition(1000), 1);
  assert.equal(scalePosition(60_000), 1);
});

test("the export keeps the busiest moment: the most devices at once, their newest numbers; a reset forgets it", () => {
  const entry = (ms: number, phone = true): RttEntry => ({ ms, at: 0, connection: `link-${ms}`, phone });
  const peak = new RttPeak();
  assert.deepEqual(rttExport(peak.entries), { devices: 0, phones: 0, p50: null, p95: null, max: null, buckets: distribution([]).buckets.map(({ from, to }) => ({ from, to, devices: 0 })) });
  peak.see([entry(12)]);
  peak.see([entry(12), entry(40), entry(2, false)]);
  peak.see([entry(12), entry(30)]); // one left: not kept
  peak.see([]);
  assert.deepEqual(peak.entries.map((e) => e.ms), [12, 40, 2]);
  peak.see([entry(11), entry(41), entry(3, false)]); // as many, newer: kept
  const kept = rttExport(peak.entries);
  assert.deepEqual({ ...kept, buckets: kept.buckets.map((bucket) => bucket.devices) }, { devices: 3, phones: 2, p50: 11, p95: 41, max: 41, buckets: [1, 1, 1, 0, 0, 0, 0] });
  peak.clear();
  assert.equal(rttExport(peak.entries).devices, 0);
});
