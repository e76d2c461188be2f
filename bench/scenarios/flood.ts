/**
 * Flood: a few sockets send as fast as their connection allows while honest phones keep pinging.
 * The room must refuse the flooders (rate_limited), close them (4008), and keep answering the
 * honest phones about as fast as when the room is quiet.
 */
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { send, type Member } from "../crowd.ts";
import { issuePids } from "../crowd.ts";
import type { FloodReport } from "../flooder.ts";
import { sampleUsage, type Usage } from "../room-process.ts";
import { sleep, summarize, until, type Latency } from "../stats.ts";
import type { Stage } from "./context.ts";

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
}

/** One measuring window: the pings sent in it and their round trips. */
interface Window {
  sentAt: Map<string, number>;
  rtts: number[];
}

let pingIds = 0;

/** Honest phones ping every PING_EVERY_MS for `seconds`; the last pongs are waited for. */
async function pingFor(honest: Member[], seconds: number, window: Window): Promise<void> {
  const timers = honest.map((member) =>
    setInterval(() => {
      const id = `b${pingIds++}`;
      window.sentAt.set(id, performance.now());
      send(member, { type: "ping", id });
    }, PING_EVERY_MS),
  );
  await sleep(seconds * 1000);
  timers.forEach(clearInterval);
  await until(() => window.rtts.length === window.sentAt.size, 2_000);
}

export async function flood(stage: Stage, seconds: number): Promise<FloodResult> {
  const honest = stage.audience.slice(0, HONEST);
  const quiet: Window = { sentAt: new Map(), rtts: [] };
  const flooded: Window = { sentAt: new Map(), rtts: [] };
  stage.crowd.listener = (_member, text, at) => {
    if (!text.startsWith('{"type":"pong"')) return;
    const { id } = JSON.parse(text) as { id: string };
    for (const window of [quiet, flooded]) {
      const sent = window.sentAt.get(id);
      if (sent !== undefined) window.rtts.push(at - sent);
    }
  };

  await pingFor(honest, seconds, quiet);

  const stop = sampleUsage(stage.workerd);
  const pids = await issuePids(stage.roomUrl, FLOODERS);
  const flooders = new Worker(new URL("../flooder.ts", import.meta.url), { workerData: { url: stage.roomUrl, pids, seconds: FLOOD_MAX_SECONDS } });
  const floodDone = new Promise<FloodReport>((resolve, reject) => {
    flooders.once("message", resolve);
    flooders.once("error", reject);
  });
  await pingFor(honest, seconds, flooded);
  const report = await floodDone;
  await flooders.terminate();
  const usage = stop();
  stage.crowd.listener = null;

  const q = summarize(quiet.rtts);
  const f = summarize(flooded.rtts);
  return {
    honest: honest.length,
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
  };
}
