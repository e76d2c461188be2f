/** What every scenario gets: the room under test, its presenter and audience, and the process to watch. */
import type { Crowd, Member } from "../crowd.ts";
import { LINK_EVERY_MS } from "../../src/room/halls.ts";
import { inRateAll, inRates, now, sentBetween } from "../meter.ts";
import type { Phones } from "../phones/pool.ts";
import { round, sampleUsage, type Usage } from "../room-process.ts";
import { perPhone, type PerPhone } from "../stats.ts";

export interface Stage {
  /** ws://…/parties/main/<code> */
  roomUrl: string;
  /** This thread's sockets: the presenter, and any projector or remote a scenario opens. */
  crowd: Crowd;
  presenter: Member;
  /** The presenter key, for a scenario that opens a second presenter connection (a remote). */
  presenterKey: string;
  /** The audience, in worker threads (bench/phones/). */
  phones: Phones;
  /** The workerd process running the room (bench/room-process.ts). */
  workerd: number;
}

/**
 * What the objects (the talk and its halls, or the relay) took during a scenario: the issue's
 * per-object figures. Counted where clients send; the talk also takes its halls' frames, which no
 * client sees: at most 1000 / LINK_EVERY_MS a second per hall, counted at that bound.
 */
export interface ObjectLoad {
  /** Frames every client sent (phones, presenter, marks' answers), to whichever object, over the scenario. */
  messagesIn: number;
  inPerSecondMean: number;
  /** The busiest object's busiest one-second window (100 ms steps). */
  inPerSecondPeak: number;
  /** Objects the clients spoke to: the talk, and the halls its phones were sent to. */
  objects: number;
  /** The talk's busiest second: what its own clients sent, plus every hall's frames at their bound. */
  talkPeak: number;
  /** The busiest hall's busiest second (0 without halls). */
  hallPeak: number;
  /** Of the messages in, the `read` answers to the room's marks (every 16 K characters sent to a phone). */
  reads: number;
  /** Their busiest second: phones that get the same stream all cross a mark within a moment. */
  readsPerSecondPeak: number;
  /** workerd's peak resident memory (all of partykit dev's rooms: one here). */
  peakRssMb: number;
  /** What each phone received per second over the scenario (bytes on the wire). */
  bytesPerPhoneMean: number;
  bytesPerPhoneMax: number;
}

export interface Watched {
  usage: Usage;
  object: ObjectLoad;
  perPhone: PerPhone;
  /** Every phone's bytes and frames over the window (for a scenario that wants totals). */
  counters: { frames: number; bytes: number }[];
}

/**
 * Starts a scenario's window: counters reset, the room process sampled, messages in counted.
 * The returned function ends it (at `to`, epoch ms, if given, e.g. when everyone had the final
 * numbers) and gives the figures.
 */
export async function watch(stage: Pick<Stage, "crowd" | "phones" | "workerd">): Promise<(to?: number) => Promise<Watched>> {
  await stage.phones.counters(true);
  stage.crowd.resetCounters();
  const stop = sampleUsage(stage.workerd);
  const from = now();
  return async (to = now()) => {
    const usage = stop();
    const sent = [sentBetween(from, to), ...(await stage.phones.sent(from, to))];
    const rate = inRateAll(sent, from, to);
    const reads = inRateAll([sentBetween(from, to, true), ...(await stage.phones.sent(from, to, true))], from, to);
    const { talk, ...all } = inRates(sent, from, to);
    // The halls this scenario's phones spoke to (the meter also remembers earlier rooms' halls).
    const halls = Object.fromEntries(Object.entries(all).filter(([, hall]) => hall.messagesIn > 0));
    const hallCount = Object.keys(halls).length;
    const talkPeak = (talk?.peak ?? 0) + hallCount * (1000 / LINK_EVERY_MS);
    const hallPeak = Math.max(0, ...Object.values(halls).map((hall) => hall.peak));
    const counters = await stage.phones.counters();
    const phones = perPhone(counters, (to - from) / 1000);
    return {
      usage,
      perPhone: phones,
      counters,
      object: {
        messagesIn: rate.messagesIn,
        inPerSecondMean: rate.mean,
        inPerSecondPeak: Math.max(talkPeak, hallPeak),
        objects: 1 + hallCount,
        talkPeak,
        hallPeak,
        reads: reads.messagesIn,
        readsPerSecondPeak: reads.peak,
        peakRssMb: round(usage.peakRssMb, 1),
        bytesPerPhoneMean: phones.bytesMean,
        bytesPerPhoneMax: phones.bytesMax,
      },
    };
  };
}
