/**
 * A rate limit for the demos' HTTP routes. HTTP has no connection to keep a bucket in, so each
 * participant id gets one (the room's token bucket, src/room/limiter.ts): a thumb pressing a
 * button as fast as it can is fine, a script is told 429. The map is bounded: a flood of
 * made-up ids forgets the oldest buckets instead of growing.
 */
import { fullBucket, take, type Bucket, type RateRule } from "./limiter.ts";

/** Two requests a second, six at once after a pause; HTTP never closes anything, so no flood limit. */
export const HTTP_RATE: RateRule = { perSecond: 2, burst: 6, maxRefused: Number.POSITIVE_INFINITY };

export const BUCKETS_MAX = 2000;

export class PidLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rule: RateRule;
  private readonly max: number;

  constructor(rule: RateRule = HTTP_RATE, max = BUCKETS_MAX) {
    this.rule = rule;
    this.max = max;
  }

  /** Spends one token of `pid`'s bucket; false: too fast, answer 429. */
  allow(pid: string, now: number): boolean {
    const { verdict, bucket } = take(this.buckets.get(pid) ?? fullBucket(now, this.rule), now, this.rule);
    // Re-inserting keeps the map in order of last use, so eviction drops the quietest id.
    this.buckets.delete(pid);
    this.buckets.set(pid, bucket);
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
