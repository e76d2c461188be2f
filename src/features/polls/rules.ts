/**
 * Polls: declared in a slide, opened and closed by the presenter, one ballot per participant
 * (changeable while open). Pure rules shared by the server (which keeps the ballots) and the
 * browser (which draws the counts).
 */
import * as v from "valibot";

export const POLL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const QUESTION_MAX = 140;
export const OPTION_MAX = 60;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 6;
/** Polls a room keeps: far more than a talk asks, and a bound on storage. */
export const POLLS_MAX = 50;

export const PollDefinitionSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(POLL_ID_PATTERN)),
  question: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(QUESTION_MAX)),
  options: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(OPTION_MAX))), v.minLength(OPTIONS_MIN), v.maxLength(OPTIONS_MAX)),
});
export type PollDefinition = v.InferOutput<typeof PollDefinitionSchema>;

/** A poll as the room shows it: its definition, whether it takes votes, and the counts. */
export interface PollView extends PollDefinition {
  open: boolean;
  /** Ballots per option, in the options' order. */
  counts: number[];
  total: number;
}

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

export function samePollView(a: PollView | null, b: PollView | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.id === b.id &&
    a.open === b.open &&
    a.question === b.question &&
    a.total === b.total &&
    a.options.length === b.options.length &&
    a.options.every((option, i) => option === b.options[i] && a.counts[i] === b.counts[i])
  );
}
