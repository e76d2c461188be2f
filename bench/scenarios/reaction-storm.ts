/**
 * Reaction storm: every phone sends a batch of taps twice a second. The room counts exactly and
 * reports the totals coalesced (≤ 10 a second to each phone); the naive relay broadcasts every
 * batch to everyone. Both runs count the frames that reach the phones, and both must end with
 * every phone (and, in the room, the presenter) showing the exact totals.
 */
import { REACTIONS } from "../../src/features/reactions/protocol.ts";
import type { Crowd, Member } from "../crowd.ts";
import { now } from "../meter.ts";
import type { Phones } from "../phones/pool.ts";
import type { ReactionsSent, Totals } from "../phones/reactions.ts";
import { round, type Usage } from "../room-process.ts";
import { sleep, until, type PerPhone } from "../stats.ts";
import { watch, type ObjectLoad } from "./context.ts";

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
  object: ObjectLoad;
}

interface Storm {
  crowd: Crowd;
  phones: Phones;
  /** The presenter, who must end with the exact totals too (the room only). */
  presenter: Member | null;
  naive: boolean;
  seconds: number;
  workerd: number;
}

const PRESENTER_REPORT = '{"type":"report","feature":"reactions"';

async function runStorm(storm: Storm): Promise<StormResult> {
  let presenterReport: string | undefined;
  storm.crowd.listener = (member, text) => {
    if (member === storm.presenter && text.startsWith(PRESENTER_REPORT)) presenterReport = text;
  };
  await storm.phones.begin("reactions", { naive: storm.naive });
  const watched = await watch(storm);
  const startedAt = now();
  await storm.phones.call("start", { everyMs: BATCH_EVERY_MS });
  await sleep(storm.seconds * 1000);
  const parts = await storm.phones.call<ReactionsSent>("stop");
  const stoppedAt = Math.max(...parts.map((part) => part.stoppedAt));
  const sent: Totals = {};
  for (const part of parts) for (const [reaction, taps] of Object.entries(part.sent)) sent[reaction] = (sent[reaction] ?? 0) + taps;
  const messagesIn = parts.reduce((sum, part) => sum + part.messagesIn, 0);

  const presenterExact = () => {
    if (storm.presenter === null) return true;
    const totals = presenterReport === undefined ? null : (JSON.parse(presenterReport) as { data: { totals: Totals } }).data.totals;
    return totals !== null && REACTIONS.every((reaction) => (totals[reaction] ?? 0) === (sent[reaction] ?? 0));
  };
  let phonesExact = false;
  const exact = await until(() => phonesExact && presenterExact(), DRAIN_TIMEOUT_MS, async () => {
    phonesExact = (await storm.phones.call<boolean>("exact", { totals: sent })).every(Boolean);
  });
  const doneAt = now();
  if (!exact && storm.presenter !== null) {
    // Say where the totals went wrong: the presenter's last report (and its socket), or the phones.
    const shown = presenterReport === undefined ? "no report" : JSON.stringify((JSON.parse(presenterReport) as { data: { totals: Totals } }).data.totals);
    console.error(`  reactions not exact: sent ${JSON.stringify(sent)}; presenter ${shown} (socket ${storm.presenter?.ws.readyState}, closed ${storm.presenter?.closedWith}); phones exact: ${phonesExact}`);
  }
  const { usage, object, perPhone, counters } = await watched(doneAt);
  await storm.phones.end();
  storm.crowd.listener = null;

  const seconds = (doneAt - startedAt) / 1000;
  const framesOut = counters.reduce((sum, phone) => sum + phone.frames, 0) + storm.crowd.framesReceived();
  return {
    sockets: storm.phones.count,
    seconds: storm.seconds,
    messagesIn,
    taps: Object.values(sent).reduce((sum, taps) => sum + taps, 0),
    messagesInPerSecond: round(messagesIn / storm.seconds),
    framesOut,
    framesOutPerSecond: round(framesOut / seconds),
    outPerIn: round(framesOut / messagesIn, 2),
    exact,
    drainMs: round(doneAt - stoppedAt),
    perPhone,
    usage,
    object,
  };
}

/** The room: the reactions feature's `report` messages carry the totals. */
export function reactionStorm(stage: { crowd: Crowd; phones: Phones; presenter: Member; workerd: number }, seconds: number): Promise<StormResult> {
  return runStorm({ ...stage, naive: false, seconds });
}

/** The naive relay (bench/naive-relay.ts), with N phones of its own (the room's are closed first). */
export async function naiveStorm(stage: { crowd: Crowd; phones: Phones; workerd: number }, naiveUrl: string, count: number, seconds: number): Promise<StormResult> {
  await stage.phones.join(naiveUrl, Array.from({ length: count }, (_, i) => `naive-phone-${i}`), false);
  try {
    return await runStorm({ ...stage, presenter: null, naive: true, seconds });
  } finally {
    await stage.phones.close();
  }
}
