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
