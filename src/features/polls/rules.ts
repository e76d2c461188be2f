/**
 * Polls: declared in a slide, opened and closed by the presenter, one ballot per participant
 * (changeable while open). Pure rules shared by the server (which keeps the ballots) and the
 * browser (which draws the counts).
 */
import type { PollView } from "../../room/state.ts";
import type { PollDefinition } from "./protocol.ts";

export type { PollDefinition, PollView };

/** Polls a room keeps: far more than a talk asks, and a bound on storage. */
export const POLLS_MAX = 50;

/** Participant id → the option they chose. */
export type Ballots = ReadonlyMap<string, number>;

export function tallyPoll(definition: PollDefinition, open: boolean, ballots: Ballots): PollView {
  const counts = definition.options.map(() => 0);
  for (const option of ballots.values()) if (option >= 0 && option < counts.length) counts[option]! += 1;
  return { ...definition, options: [...definition.options], open, counts, total: counts.reduce((a, b) => a + b, 0) };
}

export type VoteRefusal = "no_poll" | "poll_closed" | "bad_option";

/** Whether a ballot for `option` may be cast in `poll` (undefined: no such poll). */
export function checkVote(poll: { open: boolean; options: readonly string[] } | undefined, option: number): VoteRefusal | null {
  if (!poll) return "no_poll";
  if (!poll.open) return "poll_closed";
  if (!Number.isInteger(option) || option < 0 || option >= poll.options.length) return "bad_option";
  return null;
}

/**
 * Anonymous ballots can't be made unforgeable, only expensive (issued ids, a budget per address)
 * and visible: the presenter is told when most of a poll's ballots come from ids the room issued
 * after the poll opened. Late arrivals do that too, so it takes a share and a count to say so.
 */
export const FRESH_SHARE = 0.5;
export const FRESH_MIN = 10;

/** Per poll: its ballots, and how many of them come from ids issued after it opened. */
export interface PollsReport {
  polls: Record<string, { ballots: number; fresh: number }>;
}

/** The share of ballots from brand-new ids (0..1), when it is worth telling the presenter; else null. */
export function freshWarning(counts: { ballots: number; fresh: number } | undefined): number | null {
  if (!counts || counts.fresh < FRESH_MIN || counts.fresh / counts.ballots <= FRESH_SHARE) return null;
  return counts.fresh / counts.ballots;
}
