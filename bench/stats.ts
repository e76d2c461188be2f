/** Latency summaries for the bench's tables (nearest-rank percentiles, as the RTT demo uses). */
import { percentile } from "../src/features/rtt/distribution.ts";
import { round } from "./room-process.ts";

export interface Latency {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => round(percentile(sorted, p) ?? 0, 1);
  return { samples: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Waits until `done()` holds (checked every 50 ms, after `refresh()` if given: asking the phones
 * workers how far they are); false if `timeoutMs` passed first.
 */
export async function until(done: () => boolean, timeoutMs: number, refresh?: () => Promise<void>): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await refresh?.();
    if (done()) return true;
    if (performance.now() > deadline) return false;
    await sleep(50);
  }
}

/** What each phone received per second over a span: the mean over phones and the busiest one. */
export interface PerPhone {
  /** Bytes per phone per second (WebSocket frames as they cross the wire). */
  bytesMean: number;
  bytesMax: number;
  /** Frames per phone per second. */
  framesMean: number;
  framesMax: number;
}

export function perPhone(phones: readonly { bytes: number; frames: number }[], seconds: number): PerPhone {
  const rate = (value: number) => (seconds > 0 ? value / seconds : 0);
  const bytes = phones.map((phone) => rate(phone.bytes));
  const frames = phones.map((phone) => rate(phone.frames));
  const mean = (values: number[]) => (values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
  return { bytesMean: round(mean(bytes)), bytesMax: round(Math.max(0, ...bytes)), framesMean: round(mean(frames), 1), framesMax: round(Math.max(0, ...frames), 1) };
}
