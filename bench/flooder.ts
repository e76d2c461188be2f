/**
 * The flooders, in a worker thread of their own: a socket writing as fast as it can would
 * otherwise starve the bench's own event loop, and the honest phones' round trips would measure
 * the load generator instead of the room.
 *
 * workerData: { url: string; pids: string[] (one issued id per flooder); seconds: number }. Posts one FloodReport when every
 * flooder is closed or the time is up.
 */
import { parentPort, workerData } from "node:worker_threads";
import WebSocket from "ws";

export interface FloodReport {
  frames: number;
  refusals: number;
  /** Each flooder's close code; 0: still open when the flood ended. */
  closeCodes: number[];
  /** From the first frame until the room closed the last flooder (ms), or null. */
  closedAfterMs: number | null;
}

/** Frames a flooder writes per turn of this worker's event loop, so it notices a close promptly. */
const CHUNK = 100;

const { url, pids, seconds } = workerData as { url: string; pids: string[]; seconds: number };
const frame = JSON.stringify({ type: "ping", id: "flood" });
const report: FloodReport = { frames: 0, refusals: 0, closeCodes: [], closedAfterMs: null };
let lastCloseAt = 0;

const flooders = await Promise.all(
  pids.map((pid, index) => {
    const ws = new WebSocket(`${url}?role=audience&pid=${pid}`, { perMessageDeflate: false });
    report.closeCodes[index] = 0;
    ws.on("message", (data: Buffer) => {
      if (data.toString().startsWith('{"type":"error","code":"rate_limited"')) report.refusals++;
    });
    ws.on("close", (code: number) => {
      report.closeCodes[index] = code;
      lastCloseAt = performance.now();
    });
    return new Promise<WebSocket>((resolve, reject) => {
      ws.once("open", () => resolve(ws));
      ws.once("error", reject);
    });
  }),
);

const startedAt = performance.now();
const deadline = startedAt + seconds * 1000;
/** Once every flooder was closed (or the time is up and the rest are cut off), report. */
function finish(): void {
  const allClosed = flooders.every((ws) => ws.readyState === WebSocket.CLOSED);
  if (!allClosed && performance.now() < deadline) return void setTimeout(finish, 10);
  if (allClosed) report.closedAfterMs = Math.round(lastCloseAt - startedAt);
  for (const ws of flooders) ws.terminate();
  parentPort?.postMessage(report);
}

function pump(): void {
  const open = flooders.filter((ws) => ws.readyState === WebSocket.OPEN);
  if (open.length === 0 || performance.now() > deadline) return finish();
  for (const ws of open) {
    for (let i = 0; i < CHUNK; i++, report.frames++) ws.send(frame);
  }
  setImmediate(pump);
}
pump();
