import { test } from "node:test";
import assert from "node:assert/strict";
import { fullBucket, take, type Bucket, type RateRule } from "../../src/room/limiter.ts";

const rule: RateRule = { perSecond: 20, burst: 40, maxRefused: 200 };

function send(bucket: Bucket, count: number, now: number) {
  const verdicts: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = take(bucket, now, rule);
    verdicts.push(result.verdict);
    bucket = result.bucket;
  }
  return { bucket, verdicts };
}

test("a burst of 40 passes, the 41st is refused", () => {
  const { verdicts } = send(fullBucket(0, rule), 41, 0);
  assert.deepEqual(verdicts.slice(0, 40), Array(40).fill("ok"));
  assert.equal(verdicts[40], "refused");
});

test("tokens come back at 20 per second", () => {
  let { bucket } = send(fullBucket(0, rule), 40, 0);
  assert.equal(take(bucket, 0, rule).verdict, "refused");
  ({ bucket } = send(bucket, 0, 0));
  const later = send(bucket, 10, 500); // half a second: 10 tokens
  assert.deepEqual(later.verdicts, Array(10).fill("ok"));
  assert.equal(take(later.bucket, 500, rule).verdict, "refused");
});

test("a steady 20 messages a second is never refused", () => {
  let bucket = fullBucket(0, rule);
  for (let t = 0; t < 60_000; t += 50) {
    const result = take(bucket, t, rule);
    assert.equal(result.verdict, "ok", `at ${t} ms`);
    bucket = result.bucket;
  }
});

test("flooding past 200 refusals is a flood; a pause forgives", () => {
  let { bucket } = send(fullBucket(0, rule), 40, 0);
  const flood = send(bucket, 201, 0);
  assert.equal(flood.verdicts.at(-2), "refused");
  assert.equal(flood.verdicts.at(-1), "flood");

  ({ bucket } = send(fullBucket(0, rule), 40 + 150, 0));
  assert.equal(bucket.refused, 150);
  const rested = take(bucket, 2_000, rule); // two quiet seconds refill the bucket
  assert.equal(rested.verdict, "ok");
  assert.equal(rested.bucket.refused, 0);
});

test("a clock going backwards doesn't mint tokens", () => {
  const { bucket } = send(fullBucket(1_000, rule), 40, 1_000);
  assert.equal(take(bucket, 0, rule).verdict, "refused");
});
