/**
 * Vote storm: the presenter opens a poll and every phone votes twice a second for S seconds,
 * changing its ballot every time. Each ballot is acknowledged (`voted`, to its phone alone) and
 * counted into the state's `poll`, coalesced (at most every 100 ms); every phone and the
 * presenter must end with the exact counts of everyone's last ballot. Measured: what each phone
 * receives per second meanwhile.
 */
import type { BallotsSent } from "../phones/votes.ts";
import { sleep } from "../stats.ts";
import type { Stage } from "./context.ts";
import { openPoll, sumBallots, untilFinal, type PollRun } from "./polls.ts";

const VOTE_EVERY_MS = 500;

export interface VoteStormResult extends PollRun {
  seconds: number;
  ballotsPerSecond: number;
}

export async function voteStorm(stage: Stage, seconds: number): Promise<VoteStormResult> {
  const poll = await openPoll(stage, "bench-votes");
  await stage.phones.call("start", { everyMs: VOTE_EVERY_MS });
  await sleep(seconds * 1000);
  const ballots = sumBallots(await stage.phones.call<BallotsSent>("stop"));
  const run = await untilFinal(stage, poll, ballots);
  return { ...run, seconds, ballotsPerSecond: Math.round(run.ballots / seconds) };
}
