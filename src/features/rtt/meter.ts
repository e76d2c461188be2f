/**
 * One device measuring its round trip to the room: each ping is remembered by id with the time
 * it left (performance.now(), monotonic), and its pong gives one sample. Pure: the island feeds
 * it times, the tests feed it numbers.
 */
import { median } from "./distribution.ts";

/** Ping ids of this demo: the room's heartbeat uses "hb…", so the two never answer each other. */
export const PING_PREFIX = "rtt";

export interface MeterOptions {
  /** The report is the median of this many latest samples: one slow pong doesn't swing it. */
  window?: number;
  /** Samples kept for the sparkline. */
  history?: number;
  /** A ping unanswered this long is lost (ms). */
  timeoutMs?: number;
}

export class RttMeter {
  private readonly pending = new Map<string, number>();
  private readonly recent: number[] = [];
  private next = 1;
  private readonly window: number;
  private readonly history: number;
  private readonly timeoutMs: number;
  sent = 0;
  answered = 0;
  lost = 0;

  constructor(options: MeterOptions = {}) {
    this.window = options.window ?? 5;
    this.history = options.history ?? 40;
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** The id for the next ping (call `sent` once it is really on its way). */
  nextId(): string {
    return `${PING_PREFIX}${String(this.next++)}`;
  }

  /** The ping `id` left at `now`. */
  sentAt(id: string, now: number): void {
    this.pending.set(id, now);
    this.sent++;
  }

  /** A pong for `id` arrived at `now`: the round trip in ms, or null if it isn't ours (or too late). */
  answer(id: string, now: number): number | null {
    const sentAt = this.pending.get(id);
    if (sentAt === undefined) return null;
    this.pending.delete(id);
    const rtt = now - sentAt;
    this.answered++;
    this.recent.push(rtt);
    if (this.recent.length > this.history) this.recent.shift();
    return rtt;
  }

  /** Gives up on pings older than the timeout (a reconnect loses them). */
  expire(now: number): void {
    for (const [id, sentAt] of this.pending) {
      if (now - sentAt > this.timeoutMs) {
        this.pending.delete(id);
        this.lost++;
      }
    }
  }

  /** The median of the latest samples: what this device reports to the room. */
  current(): number | null {
    return median(this.recent.slice(-this.window));
  }

  /** The latest sample. */
  last(): number | null {
    return this.recent.at(-1) ?? null;
  }

  /** The latest samples, oldest first (for the sparkline). */
  samples(): readonly number[] {
    return this.recent;
  }
}
