/**
 * What the rtt demo's server says, to the projector (`report`) and to the phones
 * (`audienceReport`): the shapes of the `report` messages' `data`, shared by server and islands.
 */
import { distribution, type RttDistribution } from "./distribution.ts";
import type { RttEntry } from "./samples.ts";

/** To presenters, every time it changes (at most every 250 ms). */
export interface RttReport extends RttDistribution {
  /** How many of `count` are phones (the rest are presenters' devices measuring themselves). */
  phones: number;
}

/** To the phones, at most once a second: where the room is, without the histogram. */
export type RttAudienceReport = Pick<RttDistribution, "count" | "p50" | "p95" | "max">;

export function rttReport(entries: readonly RttEntry[]): RttReport {
  return { ...distribution(entries.map((entry) => entry.ms)), phones: entries.filter((entry) => entry.phone).length };
}

export function rttAudienceReport(entries: readonly RttEntry[]): RttAudienceReport {
  const { count, p50, p95, max } = distribution(entries.map((entry) => entry.ms));
  return { count, p50, p95, max };
}

/** The presenters' report (with the histogram), not the phones' summary. */
export function isRttReport(report: RttReport | RttAudienceReport): report is RttReport {
  return "phones" in report;
}

/**
 * The room's round trips as the presenter's results download gives them: the distribution, with
 * its counts named for what they count (devices).
 */
export interface RttExport {
  devices: number;
  phones: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
  buckets: { from: number; to: number | null; devices: number }[];
}

export function rttExport(entries: readonly RttEntry[]): RttExport {
  const { count, phones, p50, p95, max, buckets } = rttReport(entries);
  return { devices: count, phones, p50, p95, max, buckets: buckets.map(({ from, to, count: devices }) => ({ from, to, devices })) };
}

/**
 * The distribution to keep once the demo is over: devices drop out of the live one seconds after
 * they stop pinging, so at the end of the talk it is empty. The room keeps the moment the most
 * devices were measuring at once (the latest such moment: their newest numbers).
 */
export class RttPeak {
  private kept: readonly RttEntry[] = [];

  /** The fresh entries now; kept when at least as many as the kept ones. */
  see(fresh: readonly RttEntry[]): void {
    if (fresh.length > 0 && fresh.length >= this.kept.length) this.kept = fresh;
  }

  get entries(): readonly RttEntry[] {
    return this.kept;
  }

  clear(): void {
    this.kept = [];
  }
}
