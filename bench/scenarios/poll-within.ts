/**
 * Poll within 10 s: the presenter opens a poll and every phone votes once, at a random moment
 * within S seconds (a hall answering a question on the projector). Measured: ballots in, their
 * acknowledgements, the time until the presenter and every phone show the exact final counts
 * (after the last ballot, and from the poll's opening), the busiest second of messages into the
 * room, and what each phone receives per second.
 */
import type { BallotsSent } from "../phones/votes.ts";
import type { Stage } from "./context.ts";
import { openPoll, sumBallots, untilFinal, type PollRun } from "./polls.ts";

export interface PollWithinResult extends PollRun {
  withinSeconds: number;
}

export async function pollWithin(stage: Stage, withinSeconds: number): Promise<PollWithinResult> {
  const poll = await openPoll(stage, "bench-poll-within");
  const ballots = sumBallots(await stage.phones.call<BallotsSent>("voteOnce", { withinMs: withinSeconds * 1000 }));
  return { ...(await untilFinal(stage, poll, ballots)), withinSeconds };
}
