/**
 * A phone's taps, batched: every tap is counted locally and at most one `react` goes out per
 * REACT_EVERY_MS, carrying the taps since the previous one. A tapping crowd of 50 phones then
 * sends ~170 messages a second, not one per tap, and no tap is dropped on the phone (a batch in flight
 * when the link dies is: reactions are best effort, see docs/PROTOCOL.md). Pure (the caller passes the
 * clock), so the tests can tap a thousand times in a millisecond.
 */
import { REACTIONS, type Reaction } from "./protocol.ts";
import type { ReactionCounts } from "./tally.ts";

export const REACT_EVERY_MS = 300;
/** The protocol's largest count per reaction in one message: more waits for the next batch. */
export const REACT_COUNT_MAX = 50;

export class TapBatch {
  private readonly pending = new Map<Reaction, number>();
  private sentAt = Number.NEGATIVE_INFINITY;
  private readonly everyMs: number;

  constructor(everyMs = REACT_EVERY_MS) {
    this.everyMs = everyMs;
  }

  tap(reaction: Reaction, times = 1): void {
    this.pending.set(reaction, (this.pending.get(reaction) ?? 0) + times);
  }

  /** Taps not sent yet. */
  get size(): number {
    let size = 0;
    for (const count of this.pending.values()) size += count;
    return size;
  }

  /** How long until a batch may go out (0: now); null when no tap waits. */
  wait(now: number): number | null {
    if (this.pending.size === 0) return null;
    return Math.max(0, this.sentAt + this.everyMs - now);
  }

  /** The batch to send now, taken out of the pending taps; null when nothing waits or it is too soon. */
  take(now: number): ReactionCounts | null {
    if (this.wait(now) !== 0) return null;
    const counts: ReactionCounts = {};
    for (const reaction of REACTIONS) {
      const count = this.pending.get(reaction);
      if (count === undefined) continue;
      const sent = Math.min(count, REACT_COUNT_MAX);
      counts[reaction] = sent;
      if (count > sent) this.pending.set(reaction, count - sent);
      else this.pending.delete(reaction);
    }
    this.sentAt = now;
    return counts;
  }

  /** A batch that could not be sent (the socket was down): its taps wait for the next one. */
  putBack(counts: ReactionCounts): void {
    for (const reaction of REACTIONS) {
      const count = counts[reaction];
      if (count) this.tap(reaction, count);
    }
  }
}
