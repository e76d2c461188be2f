/**
 * Join storm: N phones open the room (a QR code on the projector). Measured: the time until every
 * one of them has its snapshot, and what the room process spent. Two shapes:
 * - all at once (wave 0): the ids are issued first (timed apart), then every socket opens at the
 *   same instant (as after a reload of every page);
 * - in waves (wave k: k phones per thread at a time, a wave when the one before has its
 *   snapshots): each wave asks for its ids, then connects, as new phones do. "All joined" then
 *   counts from the first id asked for.
 */
import { issuePids } from "../crowd.ts";
import { now } from "../meter.ts";
import { round } from "../room-process.ts";
import { summarize, type Latency } from "../stats.ts";
import { watch, type ObjectLoad, type Stage } from "./context.ts";
import type { Usage } from "../room-process.ts";

export interface JoinStormResult {
  sockets: number;
  /** 0: all at once; k: each phones thread opened k at a time, a wave after the one before. */
  wave: number;
  /** Issuing the N participant ids (HTTP, 50 at a time; in waves, summed over them) (ms). */
  idsIssuedMs: number;
  /** From the first connect (in waves: the first id asked for) to the last snapshot (ms). */
  allJoinedMs: number;
  /** Each socket's time to its snapshot. */
  join: Latency;
  /** Phones that never joined, and the first reason (a size the machine refuses). */
  failed: number;
  error: string | null;
  /** Files workerd held open right after the storm (sockets included), and its limit. */
  workerdFiles?: { open: number; limit: number };
  /** What partykit dev (and workerd) printed meanwhile, when some phones never joined. */
  serverSaid?: string;
  usage: Usage;
  object: ObjectLoad;
}

/** `wave`: 0, every phone at once (the storm); k > 0, each phones thread opens k at a time. */
export async function joinStorm(stage: Pick<Stage, "crowd" | "phones" | "workerd">, roomUrl: string, count: number, wave = 0, halls = true): Promise<JoinStormResult> {
  const step = wave > 0 ? wave * stage.phones.threads : count;
  let idsIssuedMs = 0;
  const issue = async (size: number) => {
    const issuing = now();
    const pids = await issuePids(roomUrl, size);
    idsIssuedMs += now() - issuing;
    return pids;
  };
  const first = wave > 0 ? null : await issue(count);
  const watched = await watch(stage);
  const startedAt = now();
  const snapshotAt: (number | null)[] = [];
  let failed = 0;
  let error: string | null = null;
  for (let from = 0; from < count; from += step) {
    const pids = first ?? (await issue(Math.min(step, count - from)));
    const joined = await stage.phones.join(roomUrl, pids, halls);
    snapshotAt.push(...joined.snapshotAt);
    failed += joined.failed;
    error ??= joined.error;
  }
  const { usage, object } = await watched();
  const times = snapshotAt.filter((at): at is number => at !== null).map((at) => at - startedAt);
  return { sockets: count, wave, idsIssuedMs: round(idsIssuedMs), allJoinedMs: round(Math.max(0, ...times), 1), join: summarize(times), failed, error, usage, object };
}
