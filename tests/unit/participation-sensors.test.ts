import { test } from "node:test";
import assert from "node:assert/strict";
import { MIN_INTERVAL_MS, TiltSamples, SLICE_MS, stats, TRACES_MAX, WINDOW_MS } from "../../src/features/sensors/samples.ts";
import { sensorsStrings } from "../../src/features/sensors/strings.ts";

test("stats: mean and population standard deviation", () => {
  assert.equal(stats([]), null);
  assert.deepEqual(stats([10]), { mean: 10, spread: 0 });
  assert.deepEqual(stats([2, 4, 4, 4, 5, 5, 7, 9]), { mean: 5, spread: 2 });
});

test("a board reports each phone's latest tilt: mean and spread over phones, not samples", () => {
  const board = new TiltSamples();
  board.put("phone-aaaa", "c1", { beta: 0, gamma: 90, at: 0 }); // superseded below
  board.put("phone-aaaa", "c1", { beta: 10, gamma: -30, at: 100 });
  board.put("phone-bbbb", "c2", { beta: 30, gamma: 30, at: 200 });
  const report = board.report(300);
  assert.equal(report.phones, 2);
  assert.deepEqual(report.beta, { mean: 20, spread: 10 });
  assert.deepEqual(report.gamma, { mean: 0, spread: 30 });
  assert.equal(report.samples, 3);
  assert.equal(report.windowMs, WINDOW_MS);
});

test("samples faster than ~10 a second are dropped", () => {
  const board = new TiltSamples();
  assert.equal(board.put("phone-aaaa", "c1", { beta: 0, gamma: 0, at: 1000 }), true);
  assert.equal(board.put("phone-aaaa", "c1", { beta: 0, gamma: 5, at: 1000 + MIN_INTERVAL_MS - 1 }), false);
  assert.equal(board.put("phone-aaaa", "c1", { beta: 0, gamma: 5, at: 1000 + MIN_INTERVAL_MS }), true);
  assert.equal(board.report(1100).samples, 2);
});

test("the series slices the window: the room's mean over time, from each phone's sample then", () => {
  const board = new TiltSamples();
  board.put("phone-aaaa", "c1", { beta: 0, gamma: -10, at: 0 });
  board.put("phone-bbbb", "c2", { beta: 0, gamma: 10, at: 0 });
  board.put("phone-aaaa", "c1", { beta: 0, gamma: 50, at: 1000 });
  const { series } = board.report(1000);
  assert.equal(series.at(-1)!.t, 0);
  assert.deepEqual(series.at(-1)!.gamma, { mean: 30, spread: 20 });
  const before = series.find((point) => point.t === -SLICE_MS)!;
  assert.deepEqual(before.gamma, { mean: 0, spread: 10 });
  assert.ok(series.every((point, i) => i === 0 || point.t > series[i - 1]!.t), "oldest first");
  assert.ok(series.length <= WINDOW_MS / SLICE_MS);
});

test("traces: at most five phones, named in order of arrival, times relative to now", () => {
  const board = new TiltSamples();
  for (let i = 0; i < 7; i++) board.put(`phone-000${i}`, `c${i}`, { beta: i, gamma: -i, at: 100 * i });
  const report = board.report(1000);
  assert.equal(report.phones, 7);
  assert.equal(report.traces.length, TRACES_MAX);
  assert.deepEqual(report.traces.map((trace) => trace.phone), [1, 2, 3, 4, 5]);
  assert.deepEqual(report.traces.map((trace) => sensorsStrings["pt-br"].phone(trace.phone)), ["celular 1", "celular 2", "celular 3", "celular 4", "celular 5"]);
  assert.equal(sensorsStrings.en.phone(report.traces[0]!.phone), "phone 1");
  assert.deepEqual(report.traces[1]!.samples, [{ t: -900, beta: 1, gamma: -1 }]);
  assert.ok(!JSON.stringify(report).includes("phone-"), "participant ids never reach the projector");
});

test("quiet phones age out of the window; a closed connection leaves at once; reset clears", () => {
  const board = new TiltSamples();
  board.put("phone-aaaa", "c1", { beta: 1, gamma: 1, at: 0 });
  board.put("phone-bbbb", "c2", { beta: 2, gamma: 2, at: 4000 });
  assert.equal(board.report(WINDOW_MS + 1).phones, 1);
  assert.equal(board.leave("c2"), true);
  assert.equal(board.leave("c2"), false);
  const empty = board.report(WINDOW_MS + 2);
  assert.deepEqual([empty.phones, empty.beta, empty.gamma, empty.series, empty.traces], [0, null, null, [], []]);
  board.put("phone-cccc", "c3", { beta: 0, gamma: 0, at: 9000 });
  board.clear();
  assert.equal(board.size, 0);
  board.put("phone-dddd", "c4", { beta: 0, gamma: 0, at: 9100 });
  assert.equal(board.report(9100).traces[0]!.phone, 1);
});
