/**
 * Per-connection rate limit: a token bucket. Pure data in, data out, so the server can keep it in
 * PartyKit connection state and it survives hibernation (a class field would not).
 */

export interface RateRule {
  /** Tokens added per second: the sustained rate allowed. */
  perSecond: number;
  /** Bucket size: how many messages may arrive at once after a quiet spell. */
  burst: number;
  /** Refusals in one unbroken flood after which the connection is closed. */
  maxRefused: number;
}

// 50 refusals: no honest client comes near (all its messages together stay under ~16/s), and
// every refusal before the close is a frame the room must answer while honest phones wait
// (bench: 200 let five flooders hold the room ~0.5 s).
export const DEFAULT_RATE: RateRule = { perSecond: 20, burst: 40, maxRefused: 50 };
/**
 * The presenter (who proved the room's key) streams: its laser and pen send up to 30 messages a
 * second each (src/features/pointer), on top of moving slides. Still bounded: a runaway page is
 * refused, then closed, like anyone.
 */
export const PRESENTER_RATE: RateRule = { perSecond: 100, burst: 200, maxRefused: 50 };

export interface Bucket {
  tokens: number;
  /** When `tokens` was last computed (ms). */
  at: number;
  /** Messages refused since the bucket was last full. */
  refused: number;
}

export function fullBucket(now: number, rule: RateRule = DEFAULT_RATE): Bucket {
  return { tokens: rule.burst, at: now, refused: 0 };
}

export type Verdict = "ok" | "refused" | "flood";

/**
 * Spends one token for a message arriving at `now`. A bucket that refilled completely forgives
 * earlier refusals: only a client that never lets up is closed ("flood").
 */
export function take(bucket: Bucket, now: number, rule: RateRule = DEFAULT_RATE): { verdict: Verdict; bucket: Bucket } {
  const elapsed = Math.max(0, now - bucket.at) / 1000;
  const tokens = Math.min(rule.burst, bucket.tokens + elapsed * rule.perSecond);
  const refused = tokens >= rule.burst ? 0 : bucket.refused;
  if (tokens >= 1) return { verdict: "ok", bucket: { tokens: tokens - 1, at: now, refused } };
  const next = { tokens, at: now, refused: refused + 1 };
  return { verdict: next.refused > rule.maxRefused ? "flood" : "refused", bucket: next };
}
