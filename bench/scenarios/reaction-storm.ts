/**
 * Reaction storm: every phone sends a batch of taps twice a second. The room counts exactly and
 * reports the totals coalesced (≤ 10 a second to each phone); the naive relay broadcasts every
 * batch to everyone. Both runs count the frames that reach the phones, and both must end with
 * every phone showing the exact totals.
 */
import { performance } from "node:perf_hooks";
import { REACTIONS } from "../../src/features/reactions/protocol.ts";
import { Crowd, paced, send, type Member } from "../crowd.ts";
import { round, sampleUsage, type Usage } from "../room-process.ts";
import { perPhone, sleep, until, type PerPhone } from "../stats.ts";
import type { Stage } from "./context.ts";

const BATCH_EVERY_MS = 500;
/** How long the totals may take to reach everyone after the last batch before they count as wrong. */
const DRAIN_TIMEOUT_MS = 30_000;

export interface StormResult {
  sockets: number;
  seconds: number;
  messagesIn: number;
  taps: number;
  messagesInPerSecond: number;
  /** Frames the phones received from the start of the storm until everyone had the final totals. */
  framesOut: number;
  framesOutPerSecond: number;
  /** Frames out per message in: ~N for a relay, far less when coalesced. */
  outPerIn: number;
  /** Every phone (and the presenter) ended with totals equal to the taps sent, per reaction. */
  exact: boolean;
  /** From the last batch sent until every phone had the final totals (ms). */
  drainMs: number;
  /** What each reacting phone received per second, from the start until every phone had the final totals. */
  perPhone: PerPhone;
  usage: Usage;
}

type Totals = Record<string, number>;

interface Storm {
  crowd: Crowd;
  reactors: Member[];
  /** Who must end with the exact totals. */
  watchers: Member[];
  seconds: number;
  workerd: number;
  /** The totals a frame carries, or null for frames about something else. */
  totalsIn(text: string): Totals | null;
  /** Cheap test on the raw text, so only the last matching frame is kept (and parsed at the end). */
  prefix: string;
}

async function runStorm(storm: Storm): Promise<StormResult> {
  const sent: Totals = {};
  let messagesIn = 0;
  const lastReport = new Map<Member, string>();
  storm.crowd.resetCounters();
  storm.crowd.listener = (member, text) => {
    if (text.startsWith(storm.prefix)) lastReport.set(member, text);
  };

  const stop = sampleUsage(storm.workerd);
  const startedAt = performance.now();
  const stopBatches = paced(storm.reactors, BATCH_EVERY_MS, (member, index) => {
    const reaction = REACTIONS[(index + messagesIn) % REACTIONS.length]!;
    const taps = 1 + (messagesIn % 3);
    sent[reaction] = (sent[reaction] ?? 0) + taps;
    messagesIn++;
    send(member, { type: "react", counts: { [reaction]: taps } });
  });
  await sleep(storm.seconds * 1000);
  stopBatches();
  const stoppedAt = performance.now();

  const matches = (member: Member) => {
    const text = lastReport.get(member);
    const totals = text === undefined ? null : storm.totalsIn(text);
    return totals !== null && REACTIONS.every((reaction) => (totals[reaction] ?? 0) === (sent[reaction] ?? 0));
  };
  const exact = await until(() => storm.watchers.every(matches), DRAIN_TIMEOUT_MS);
  const drainMs = performance.now() - stoppedAt;
  const usage = stop();
  storm.crowd.listener = null;

  const seconds = (performance.now() - startedAt) / 1000;
  const framesOut = storm.crowd.framesReceived();
  return {
    sockets: storm.reactors.length,
    seconds: storm.seconds,
    messagesIn,
    taps: Object.values(sent).reduce((sum, taps) => sum + taps, 0),
    messagesInPerSecond: round(messagesIn / storm.seconds),
    framesOut,
    framesOutPerSecond: round(framesOut / seconds),
    outPerIn: round(framesOut / messagesIn, 2),
    exact,
    drainMs: round(drainMs),
    perPhone: perPhone(storm.reactors, seconds),
    usage,
  };
}

/** The room: the reactions feature's `report` messages carry the totals. */
export function reactionStorm(stage: Stage, seconds: number): Promise<StormResult> {
  return runStorm({
    crowd: stage.crowd,
    reactors: stage.audience,
    watchers: [...stage.audience, stage.presenter],
    seconds,
    workerd: stage.workerd,
    prefix: '{"type":"report","feature":"reactions"',
    totalsIn: (text) => (JSON.parse(text) as { data: { totals: Totals } }).data.totals,
  });
}

/** The naive relay (bench/naive-relay.ts), with its own N phones. */
export async function naiveStorm(naiveUrl: string, count: number, seconds: number, workerd: number): Promise<StormResult> {
  const crowd = new Crowd();
  try {
    const phones = await crowd.join(naiveUrl, count, { issued: false });
    return await runStorm({
      crowd,
      reactors: phones,
      watchers: phones,
      seconds,
      workerd,
      prefix: '{"type":"reactions"',
      totalsIn: (text) => (JSON.parse(text) as { totals: Totals }).totals,
    });
  } finally {
    await crowd.close();
  }
}
