import { test } from "node:test";
import assert from "node:assert/strict";
import { LINEAR_FLOOR, LOG_FLOOR, barScale, formatTick } from "../../src/diagrams/barScale.ts";

const close = (actual: number, expected: number, message?: string): void => {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${message ?? ""} ${String(actual)} ≈ ${String(expected)}`);
};

test("linear: value over the largest value", () => {
  const { widths, ticks } = barScale([871, 200], "linear");
  close(widths[0] ?? Number.NaN, 1);
  close(widths[1] ?? Number.NaN, 200 / 871);
  assert.deepEqual(ticks, []);
  assert.deepEqual(barScale([50, 100, 25]).widths, [0.5, 1, 0.25], "linear is the default");
});

test("linear: a tiny positive value is still a hairline; zero is nothing", () => {
  const { widths } = barScale([1_000_000, 1, 0], "linear");
  assert.equal(widths[1], LINEAR_FLOOR);
  assert.equal(widths[2], 0);
  assert.equal(
    barScale([871, 2], "linear").widths[1],
    LINEAR_FLOOR,
    "2 of 871 would be thinner than a hairline",
  );
});

test("log: the largest bar is full, the smallest is a visible sliver", () => {
  const { widths } = barScale([871, 2], "log");
  close(widths[0] ?? Number.NaN, 1);
  close(widths[1] ?? Number.NaN, LOG_FLOOR);
});

test("log: lengths are proportional to log(value) from one origin", () => {
  const values = [665000, 1526, 6600, 15];
  const { widths } = barScale(values, "log");
  // Equal ratios give equal steps: 10× apart is always the same distance.
  const a = barScale([1, 10, 100], "log").widths;
  close((a[1] ?? 0) - (a[0] ?? 0), (a[2] ?? 0) - (a[1] ?? 0), "decades are evenly spaced");
  // The order of lengths follows the order of values.
  const sorted = [...values].sort((x, y) => x - y).map((value) => widths[values.indexOf(value)] ?? 0);
  assert.deepEqual(
    sorted,
    [...sorted].sort((x, y) => x - y),
  );
  for (const width of widths) assert.ok(width >= LOG_FLOOR - 1e-12 && width <= 1 + 1e-12);
});

test("log: tiny values like 0.015 stay visible next to 871", () => {
  const { widths, ticks } = barScale([871, 2, 0.015], "log");
  close(widths[2] ?? Number.NaN, LOG_FLOOR);
  assert.ok((widths[1] ?? 0) > (widths[2] ?? 0));
  assert.deepEqual(
    ticks.map((tick) => tick.value),
    [0.01, 0.1, 1, 10, 100],
  );
  for (const tick of ticks) assert.ok(tick.position > 0 && tick.position < 1);
  // A tick at value v sits exactly where a bar of value v would end.
  const [tenWidth] = barScale([10, 871, 0.015], "log").widths;
  close(ticks.find((tick) => tick.value === 10)?.position ?? Number.NaN, tenWidth ?? Number.NaN);
});

test("log: all values equal, or a single value, fill the track", () => {
  assert.deepEqual(barScale([5, 5], "log").widths, [1, 1]);
  assert.deepEqual(barScale([5], "log").widths, [1]);
});

test("zeros and empty input", () => {
  assert.deepEqual(barScale([0, 0], "log"), { widths: [0, 0], ticks: [] });
  assert.deepEqual(barScale([], "linear"), { widths: [], ticks: [] });
  assert.equal(barScale([0, 10, 100], "log").widths[0], 0);
});

test("invalid values throw RangeError", () => {
  assert.throws(() => barScale([1, -1]), RangeError);
  assert.throws(() => barScale([Number.NaN]), RangeError);
  assert.throws(() => barScale([Number.POSITIVE_INFINITY], "log"), RangeError);
});

test("formatTick: Brazilian Portuguese numbers", () => {
  assert.equal(formatTick(0.01), "0,01");
  assert.equal(formatTick(1), "1");
  assert.equal(formatTick(1000), "1.000");
  assert.equal(formatTick(100000), "100.000");
  assert.equal(formatTick(1e6), "1 mi");
});

test("formatTick: English numbers on English pages; Portuguese when asked by name", () => {
  assert.equal(formatTick(0.01, "en"), "0.01");
  assert.equal(formatTick(1000, "en"), "1,000");
  assert.equal(formatTick(2.5e6, "en"), "2.5M");
  assert.equal(formatTick(1000, "pt-br"), "1.000");
  assert.equal(formatTick(2.5e6, "pt-br"), "2,5 mi");
});
