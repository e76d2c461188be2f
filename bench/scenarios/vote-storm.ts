/**
 * Vote storm: the presenter opens a poll and every phone votes twice a second for S seconds,
 * changing its ballot every time. Each ballot is acknowledged (`voted`, to its phone alone) and
 * counted into the state's `poll`, coalesced (at most every 100 ms); every phone and the
 * presenter must end with the exact counts of everyone's last ballot. Measured: what each phone
 * receives per second meanwhile.
 */
import { performance } from "node:perf_hooks";
import { paced, send, type Member } from "../crowd.ts";
import { round, sampleUsage, type Usage } from "../room-process.ts";
import { perPhone, sleep, until, type PerPhone } from "../stats.ts";
import type { Stage } from "./context.ts";

const VOTE_EVERY_MS = 500;
const DRAIN_TIMEOUT_MS = 30_000;
const POLL = { id: "bench-votes", question: "Qual destes?", options: ["A", "B", "C", "D"] };

export interface VoteStormResult {
  sockets: number;
  seconds: number;
  ballots: number;
  ballotsPerSecond: number;
  /** `voted` acknowledgements received. */
  acked: number;
  /** Every phone and the presenter ended with the counts of everyone's last ballot. */
  exact: boolean;
  /** From the last ballot sent until everyone had the final counts (ms). */
  drainMs: number;
  /** Per phone, from the first ballot until everyone had the final counts. */
  perPhone: PerPhone;
  usage: Usage;
}

interface PollCounts {
  open: boolean;
  counts: number[];
}

/** The poll in a delta frame (only frames that carry one are kept). */
const pollIn = (text: string | undefined): PollCounts | null => (text === undefined ? null : (JSON.parse(text) as { changes: { poll: PollCounts } }).changes.poll);

export async function voteStorm(stage: Stage, seconds: number): Promise<VoteStormResult> {
  const lastPoll = new Map<Member, string>();
  let acked = 0;
  stage.crowd.listener = (member, text) => {
    if (text.startsWith('{"type":"voted"')) acked++;
    else if (text.startsWith('{"type":"delta"') && text.includes('"poll":{')) lastPoll.set(member, text);
  };
  const everyone = [...stage.audience, stage.presenter];
  send(stage.presenter, { type: "poll", action: "open", poll: POLL });
  await until(() => everyone.every((member) => pollIn(lastPoll.get(member))?.open === true), 10_000);

  const ballots = new Map<Member, number>();
  let sent = 0;
  stage.crowd.resetCounters();
  const stop = sampleUsage(stage.workerd);
  const startedAt = performance.now();
  const stopVoting = paced(stage.audience, VOTE_EVERY_MS, (member) => {
    // Always another option than the last: every ballot changes the counts.
    const option = ((ballots.get(member) ?? 0) + 1 + Math.floor(Math.random() * (POLL.options.length - 1))) % POLL.options.length;
    ballots.set(member, option);
    sent++;
    send(member, { type: "vote", poll: POLL.id, option });
  });
  await sleep(seconds * 1000);
  stopVoting();
  const stoppedAt = performance.now();

  const expected = POLL.options.map((_, option) => [...ballots.values()].filter((chosen) => chosen === option).length);
  const matches = (member: Member) => pollIn(lastPoll.get(member))?.counts.every((count, option) => count === expected[option]) === true;
  const exact = await until(() => everyone.every(matches), DRAIN_TIMEOUT_MS);
  const drainMs = performance.now() - stoppedAt;
  const usage = stop();
  const span = (performance.now() - startedAt) / 1000;
  stage.crowd.listener = null;
  send(stage.presenter, { type: "poll", action: "close", poll: POLL });

  return {
    sockets: stage.audience.length,
    seconds,
    ballots: sent,
    ballotsPerSecond: round(sent / seconds),
    acked,
    exact,
    drainMs: round(drainMs),
    perPhone: perPhone(stage.audience, span),
    usage,
  };
}
