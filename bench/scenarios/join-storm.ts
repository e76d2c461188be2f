/**
 * Join storm: N phones open the room at the same instant (a QR code on the projector). Measured:
 * the time until every one of them has its snapshot, and what the room process spent.
 */
import { performance } from "node:perf_hooks";
import type { Crowd, Member } from "../crowd.ts";
import { sampleUsage, round, type Usage } from "../room-process.ts";
import { summarize, type Latency } from "../stats.ts";

export interface JoinStormResult {
  sockets: number;
  /** From the first connect to the last snapshot (ms). */
  allJoinedMs: number;
  /** Each socket's time to its snapshot. */
  join: Latency;
  usage: Usage;
}

export async function joinStorm(crowd: Crowd, roomUrl: string, count: number, workerd: number): Promise<{ audience: Member[]; result: JoinStormResult }> {
  const stop = sampleUsage(workerd);
  const startedAt = performance.now();
  const audience = await crowd.join(roomUrl, count);
  const times = audience.map((member) => (member.snapshotAt ?? startedAt) - startedAt);
  const result = { sockets: count, allJoinedMs: round(Math.max(...times), 1), join: summarize(times), usage: stop() };
  return { audience, result };
}
