/**
 * Fan-out: the presenter changes slides; every phone must get every change, fast. Each `goto` is
 * a distinct (slide, step), so a phone's delta names the change it delivers; latency is from the
 * presenter's send to the phone's receipt, both in this process (one clock).
 */
import { performance } from "node:perf_hooks";
import { send } from "../crowd.ts";
import { sampleUsage, type Usage } from "../room-process.ts";
import { sleep, summarize, until, type Latency } from "../stats.ts";
import type { Stage } from "./context.ts";

export interface FanOutResult {
  sockets: number;
  changes: number;
  /** Between two slide changes (ms): well above a presenter's pace, under the room's rate limit. */
  intervalMs: number;
  latency: Latency;
  /** Changes some phone never got (summed over phones). */
  lost: number;
  /** Phones that saw a gap in `seq` (a delta missing) or a seq going backwards. */
  outOfOrder: number;
  usage: Usage;
}

/**
 * The nth change (n ≥ 1): distinct for n < 2,000, and both slide and step differ from the
 * (n-1)th, so every delta carries both and names its change (the room starts at 0/0).
 */
function change(n: number): { slide: number; step: number } {
  return { slide: 1 + (n % 40), step: (n % 2) + 2 * Math.floor(n / 40) };
}

export async function fanOut(stage: Stage, changes: number, intervalMs: number): Promise<FanOutResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const received = new Map<object, number>();
  const lastSeq = new Map<object, number>();
  let outOfOrder = 0;
  stage.crowd.listener = (member, text, at) => {
    if (!text.startsWith('{"type":"delta"')) return;
    const delta = JSON.parse(text) as { seq: number; changes: { slide?: number; step?: number } };
    const previous = lastSeq.get(member);
    if (previous !== undefined && delta.seq !== previous + 1) outOfOrder++;
    lastSeq.set(member, delta.seq);
    if (member === stage.presenter || delta.changes.slide === undefined) return;
    const sent = sentAt.get(`${delta.changes.slide}:${delta.changes.step}`);
    if (sent === undefined) return;
    latencies.push(at - sent);
    received.set(member, (received.get(member) ?? 0) + 1);
  };

  const stop = sampleUsage(stage.workerd);
  for (let n = 1; n <= changes; n++) {
    const next = change(n);
    sentAt.set(`${next.slide}:${next.step}`, performance.now());
    send(stage.presenter, { type: "goto", ...next });
    await sleep(intervalMs);
  }
  const expected = changes * stage.audience.length;
  await until(() => latencies.length >= expected, 10_000);
  const usage = stop();
  stage.crowd.listener = null;

  const lost = stage.audience.reduce((sum, member) => sum + changes - (received.get(member) ?? 0), 0);
  return { sockets: stage.audience.length, changes, intervalMs, latency: summarize(latencies), lost, outOfOrder, usage };
}
