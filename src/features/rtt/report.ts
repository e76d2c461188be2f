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
