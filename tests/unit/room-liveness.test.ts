import { test } from "node:test";
import assert from "node:assert/strict";
import { GONE_AFTER_MS, PROBE_AFTER_MS, SWEEP_EVERY_MS, presenterLiveness } from "../../src/room/liveness.ts";

test("a quiet presenter is fine, then asked, then gone", () => {
  assert.equal(presenterLiveness(0), "fine");
  assert.equal(presenterLiveness(PROBE_AFTER_MS - 1), "fine");
  assert.equal(presenterLiveness(PROBE_AFTER_MS), "probe");
  assert.equal(presenterLiveness(GONE_AFTER_MS - 1), "probe");
  assert.equal(presenterLiveness(GONE_AFTER_MS), "gone");
});

test("a presenter page pinging every 10 s is never asked; a gone one is asked at least once first", () => {
  assert.ok(10_000 < PROBE_AFTER_MS);
  // Between the first sweep that finds it quiet enough to ask and the one that finds it gone.
  assert.ok(GONE_AFTER_MS - PROBE_AFTER_MS > SWEEP_EVERY_MS);
});
