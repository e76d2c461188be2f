/**
 * What the vote storm and the poll within 10 s share: the presenter opens a poll (every phone and
 * the presenter must see it open), the phones vote (bench/phones/votes.ts), and the run ends when
 * every phone and the presenter show the exact counts of everyone's last ballot.
 */
import { send } from "../crowd.ts";
import { now } from "../meter.ts";
import { pollIn, type BallotsSent } from "../phones/votes.ts";
import { round, type Usage } from "../room-process.ts";
import { until, type PerPhone } from "../stats.ts";
import { watch, type ObjectLoad, type Stage, type Watched } from "./context.ts";

const DRAIN_TIMEOUT_MS = 30_000;
export const POLL = { question: "Qual destes?", options: ["A", "B", "C", "D"] };

export interface PollRun {
  sockets: number;
  ballots: number;
  /** `voted` acknowledgements received. */
  acked: number;
  /** Every phone and the presenter ended with the counts of everyone's last ballot. */
  exact: boolean;
  /** From the last ballot sent until everyone had the final counts (ms). */
  drainMs: number;
  /** From the first ballot's window opening until everyone had the final counts (ms). */
  finalAfterMs: number;
  /** Per phone, from the first ballot until everyone had the final counts. */
  perPhone: PerPhone;
  usage: Usage;
  object: ObjectLoad;
}

export interface OpenPoll {
  id: string;
  presenterPoll(): string | undefined;
  startedAt: number;
  watched: (to?: number) => Promise<Watched>;
}

export async function openPoll(stage: Stage, id: string): Promise<OpenPoll> {
  let presenterPoll: string | undefined;
  stage.crowd.listener = (member, text) => {
    if (member === stage.presenter && text.startsWith('{"type":"delta"') && text.includes('"poll":{')) presenterPoll = text;
  };
  await stage.phones.begin("votes", { poll: id, options: POLL.options.length });
  send(stage.presenter, { type: "poll", action: "open", poll: { id, ...POLL } });
  let phonesSee = false;
  await until(() => phonesSee && pollIn(presenterPoll)?.open === true, 10_000, async () => {
    phonesSee = (await stage.phones.call<boolean>("open")).every(Boolean);
  });
  const watched = await watch(stage);
  return { id, presenterPoll: () => presenterPoll, startedAt: now(), watched };
}

export function sumBallots(parts: BallotsSent[]): BallotsSent {
  return {
    sent: parts.reduce((sum, part) => sum + part.sent, 0),
    counts: POLL.options.map((_, option) => parts.reduce((sum, part) => sum + (part.counts[option] ?? 0), 0)),
    lastAt: Math.max(...parts.map((part) => part.lastAt)),
  };
}

export async function untilFinal(stage: Stage, poll: OpenPoll, ballots: BallotsSent): Promise<PollRun> {
  const presenterExact = () => pollIn(poll.presenterPoll())?.counts.every((count, option) => count === ballots.counts[option]) === true;
  let phonesExact = false;
  const exact = await until(() => phonesExact && presenterExact(), DRAIN_TIMEOUT_MS, async () => {
    phonesExact = (await stage.phones.call<boolean>("exact", { counts: ballots.counts })).every(Boolean);
  });
  const doneAt = now();
  const { usage, object, perPhone } = await poll.watched(doneAt);
  const acked = (await stage.phones.call<number>("acked")).reduce((sum, each) => sum + each, 0);
  await stage.phones.end();
  stage.crowd.listener = null;
  send(stage.presenter, { type: "poll", action: "close", poll: poll.id });
  return {
    sockets: stage.phones.count,
    ballots: ballots.sent,
    acked,
    exact,
    drainMs: round(doneAt - ballots.lastAt),
    finalAfterMs: round(doneAt - poll.startedAt),
    perPhone,
    usage,
    object,
  };
}
