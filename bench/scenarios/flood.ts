/**
 * Flood: a few sockets send as fast as their connection allows while honest phones keep pinging.
 * The room must refuse the flooders (rate_limited), close them (4008), and keep answering the
 * honest phones about as fast as when the room is quiet.
 */
import { Worker } from "node:worker_threads";
import { issuePids } from "../crowd.ts";
import type { FloodReport } from "../flooder.ts";
import type { Usage } from "../room-process.ts";
import { summarize, type Latency } from "../stats.ts";
import { watch, type ObjectLoad, type Stage } from "./context.ts";

const HONEST = 20;
const FLOODERS = 5;
const PING_EVERY_MS = 100;
/** A flooder the room has not closed by then counts as never closed. */
const FLOOD_MAX_SECONDS = 10;

export interface FloodResult {
  honest: number;
  flooders: number;
  seconds: number;
  quiet: Latency;
  flooded: Latency;
  /** flooded p95 / quiet p95. */
  p95Ratio: number;
  /** Frames the flooders wrote before they were closed. */
  floodFrames: number;
  /** `rate_limited` errors they got back. */
  refusals: number;
  /** Each flooder's close code (4008: policy violation; 0: never closed). */
  closeCodes: number[];
  /** From the flood's first frame until the room had closed every flooder (ms), or null. */
  closedAfterMs: number | null;
  usage: Usage;
  /** Messages in count the phones and the presenter, not the flooders' frames (counted above). */
  object: ObjectLoad;
}

export async function flood(stage: Stage, seconds: number): Promise<FloodResult> {
  await stage.phones.begin("pings", { honest: HONEST, everyMs: PING_EVERY_MS });
  const pingFor = async () => (await stage.phones.call<number[]>("pingFor", { seconds })).flat();
  const quiet = await pingFor();

  const watched = await watch(stage);
  const pids = await issuePids(stage.roomUrl, FLOODERS);
  const flooders = new Worker(new URL("../flooder.ts", import.meta.url), { workerData: { url: stage.roomUrl, pids, seconds: FLOOD_MAX_SECONDS } });
  const floodDone = new Promise<FloodReport>((resolve, reject) => {
    flooders.once("message", resolve);
    flooders.once("error", reject);
  });
  const flooded = await pingFor();
  const report = await floodDone;
  await flooders.terminate();
  const { usage, object } = await watched();
  await stage.phones.end();

  const q = summarize(quiet);
  const f = summarize(flooded);
  return {
    honest: Math.min(HONEST, stage.phones.count),
    flooders: FLOODERS,
    seconds,
    quiet: q,
    flooded: f,
    p95Ratio: q.p95 > 0 ? Math.round((10 * f.p95) / q.p95) / 10 : 0,
    floodFrames: report.frames,
    refusals: report.refusals,
    closeCodes: report.closeCodes,
    closedAfterMs: report.closedAfterMs,
    usage,
    object,
  };
}
