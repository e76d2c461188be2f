/**
 * The room's round-trip times as a distribution: how many devices, the median, the 95th
 * percentile, the slowest, and a histogram on a roughly logarithmic scale (a room on one Wi-Fi
 * spreads from a few ms to hundreds, so equal-width buckets would put everyone in the first).
 * Pure: the server computes it, the projector draws it, the tests check it.
 */

/** Lower edges of the histogram's buckets, in ms; the last bucket has no upper edge. */
export const BUCKET_EDGES = [0, 10, 20, 50, 100, 200, 500] as const;

export interface RttBucket {
  /** Inclusive lower edge (ms). */
  from: number;
  /** Exclusive upper edge (ms); null for the last, open bucket. */
  to: number | null;
  count: number;
}

export interface RttDistribution {
  /** How many round-trip times went in. */
  count: number;
  /** Medians and maximum in ms; null when there is nothing to measure. */
  p50: number | null;
  p95: number | null;
  max: number | null;
  buckets: RttBucket[];
}

/** Index of the bucket that holds `ms` (negative or non-finite values are not round trips). */
export function bucketIndex(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`not a round-trip time: ${String(ms)}`);
  let index = 0;
  while (index + 1 < BUCKET_EDGES.length && ms >= BUCKET_EDGES[index + 1]!) index++;
  return index;
}

/**
 * Nearest-rank percentile (p in 0..100) of values sorted ascending: the smallest value with at
 * least p% of the values at or below it. Always one of the measured values, never interpolated.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be 0..100, got ${String(p)}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The median of any values (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function distribution(values: readonly number[]): RttDistribution {
  const sorted = [...values].sort((a, b) => a - b);
  const buckets: RttBucket[] = BUCKET_EDGES.map((from, index) => ({ from, to: BUCKET_EDGES[index + 1] ?? null, count: 0 }));
  for (const ms of sorted) buckets[bucketIndex(ms)]!.count++;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? null,
    buckets,
  };
}

/** "<10", "10–20", "≥500": a bucket as the histogram labels it (ms). */
export function bucketLabel(bucket: Pick<RttBucket, "from" | "to">): string {
  if (bucket.to === null) return `≥${String(bucket.from)}`;
  if (bucket.from === 0) return `<${String(bucket.to)}`;
  return `${String(bucket.from)}–${String(bucket.to)}`;
}
