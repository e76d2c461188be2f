/**
 * Join storm: N phones open the room at the same instant (a QR code on the projector). Measured:
 * the time until every one of them has its snapshot, and what the room process spent. The ids
 * are issued first (timed apart): with the phones in worker threads the storm itself is the
 * sockets opening at once.
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
  /** Issuing the N participant ids (HTTP, 50 at a time), before the storm (ms). */
  idsIssuedMs: number;
  /** From the first connect to the last snapshot (ms). */
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
  const issuing = now();
  const pids = await issuePids(roomUrl, count);
  const idsIssuedMs = round(now() - issuing);
  const watched = await watch(stage);
  const startedAt = now();
  const joined = await stage.phones.join(roomUrl, pids, wave, halls);
  const { usage, object } = await watched();
  const times = joined.snapshotAt.filter((at): at is number => at !== null).map((at) => at - startedAt);
  return { sockets: count, wave, idsIssuedMs, allJoinedMs: round(Math.max(0, ...times), 1), join: summarize(times), failed: joined.failed, error: joined.error, usage, object };
}
