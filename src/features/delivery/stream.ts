/**
 * The delivery demo's event stream: one log of numbered events that all three techniques deliver.
 * Ids grow by one and never restart within a room's process (not even on "Zerar"), so a client's
 * cursor (`since`) stays meaningful; only the latest LOG_CAPACITY events are kept.
 */
import { EVENT_ID_MAX } from "../../room/protocol.ts";

export interface StreamEvent {
  id: number;
  /** Server time the event was made (ms since the epoch). */
  at: number;
}

/** Events kept for `since` queries: a phone more than this far behind just gets the latest. */
export const LOG_CAPACITY = 100;

/** The ticker: one event about every TICK_MS, give or take TICK_JITTER_MS. */
export const TICK_MS = 3_000;
/** Jitter keeps the ticker from phase-locking with the phones' 2 s polls (which would hide the latency). */
export const TICK_JITTER_MS = 600;
/** A ticker left running stops by itself after this many events (~10 minutes). */
export const TICKS_PER_RUN = 200;

export class EventLog {
  private readonly events: StreamEvent[] = [];
  private lastId = 0;
  private readonly capacity: number;

  constructor(capacity = LOG_CAPACITY) {
    this.capacity = capacity;
  }

  /** The id of the newest event (0 before the first). */
  get last(): number {
    return this.lastId;
  }

  get lastEvent(): StreamEvent | null {
    return this.events.at(-1) ?? null;
  }

  /** A new event at server time `at`; null once ids would pass EVENT_ID_MAX (never, in a talk). */
  append(at: number): StreamEvent | null {
    if (this.lastId >= EVENT_ID_MAX) return null;
    const event = { id: ++this.lastId, at };
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.shift();
    return event;
  }

  /** The kept events with id > `since`, oldest first. */
  since(since: number): StreamEvent[] {
    if (since >= this.lastId) return [];
    const first = this.events.findIndex((event) => event.id > since);
    return first < 0 ? [] : this.events.slice(first);
  }
}

/** Milliseconds until the ticker's next event; `random` in [0, 1). */
export function nextTickDelay(random: () => number = Math.random): number {
  return Math.round(TICK_MS + (random() * 2 - 1) * TICK_JITTER_MS);
}
