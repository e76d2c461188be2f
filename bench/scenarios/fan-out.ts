/**
 * Fan-out: the presenter changes slides; every phone must get every change, fast. Each `goto` is
 * a distinct (slide, step), so a phone's delta names the change it delivers; latency is from the
 * presenter's send (main thread) to the phone's receipt (its worker), on the clock all threads
 * share (epoch ms).
 */
import { send } from "../crowd.ts";
import { now } from "../meter.ts";
import { change, type FanOutPart } from "../phones/fan-out.ts";
import type { Usage } from "../room-process.ts";
import { sleep, summarize, until, type Latency } from "../stats.ts";
import { watch, type ObjectLoad, type Stage } from "./context.ts";

/** A change that has not reached a phone this long after the last one was sent counts as lost. */
const DRAIN_TIMEOUT_MS = 30_000;

export interface FanOutResult {
  sockets: number;
  changes: number;
  /** Between two slide changes (ms): well above a presenter's pace, under the room's rate limit. */
  intervalMs: number;
  latency: Latency;
  /** Changes some phone had not got 30 s after the last was sent (summed over phones). */
  lost: number;
  /** Phones (and the presenter) that saw a gap in `seq` (a delta missing) or a seq going backwards. */
  outOfOrder: number;
  usage: Usage;
  object: ObjectLoad;
}

export async function fanOut(stage: Stage, changes: number, intervalMs: number): Promise<FanOutResult> {
  const sentAt: number[] = [];
  let presenterSeq: number | undefined;
  let presenterGaps = 0;
  stage.crowd.listener = (member, text) => {
    if (member !== stage.presenter || !text.startsWith('{"type":"delta"')) return;
    const { seq } = JSON.parse(text) as { seq: number };
    if (presenterSeq !== undefined && seq !== presenterSeq + 1) presenterGaps++;
    presenterSeq = seq;
  };
  await stage.phones.begin("fanOut");

  const watched = await watch(stage);
  for (let n = 1; n <= changes; n++) {
    sentAt[n] = now();
    send(stage.presenter, { type: "goto", ...change(n) });
    await sleep(intervalMs);
  }
  const expected = changes * stage.phones.count;
  let arrived = 0;
  await until(() => arrived >= expected, DRAIN_TIMEOUT_MS, async () => {
    arrived = (await stage.phones.call<number>("received")).reduce((sum, each) => sum + each, 0);
  });
  const { usage, object } = await watched();
  const parts = await stage.phones.call<FanOutPart>("result", { sentAt, changes });
  await stage.phones.end();
  stage.crowd.listener = null;

  return {
    sockets: stage.phones.count,
    changes,
    intervalMs,
    latency: summarize(parts.flatMap((part) => part.latencies)),
    lost: parts.reduce((sum, part) => sum + part.lost, 0),
    outOfOrder: presenterGaps + parts.reduce((sum, part) => sum + part.outOfOrder, 0),
    usage,
    object,
  };
}
