/**
 * A rate limit per key where there is no connection to keep a bucket in: the demos' HTTP routes
 * (per participant id: a thumb pressing a button as fast as it can is fine, a script is told 429)
 * and wrong presenter keys (per source address). Each key gets the room's token bucket
 * (src/room/limiter.ts). The map is bounded: a flood of made-up keys forgets the oldest buckets
 * instead of growing.
 */
import { fullBucket, take, type Bucket, type RateRule } from "./limiter.ts";

/** Two requests a second, six at once after a pause; HTTP never closes anything, so no flood limit. */
export const HTTP_RATE: RateRule = { perSecond: 2, burst: 6, maxRefused: Number.POSITIVE_INFINITY };

export const BUCKETS_MAX = 2000;

export class KeyedLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rule: RateRule;
  private readonly max: number;

  constructor(rule: RateRule = HTTP_RATE, max = BUCKETS_MAX) {
    this.rule = rule;
    this.max = max;
  }

  /** Spends one token of `key`'s bucket; false: too fast, answer 429. */
  allow(key: string, now: number): boolean {
    const { verdict, bucket } = take(this.buckets.get(key) ?? fullBucket(now, this.rule), now, this.rule);
    // Re-inserting keeps the map in order of last use, so eviction drops the quietest key.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.max) this.buckets.delete(this.buckets.keys().next().value!);
    return verdict === "ok";
  }

  get size(): number {
    return this.buckets.size;
  }

  clear(): void {
    this.buckets.clear();
  }
}
