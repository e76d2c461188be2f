/**
 * A phone's cursor in the event stream, the same on every lane: it moves to the newest id the
 * server named, so a phone that switches lanes carries on where it was and never counts an event
 * twice. The rules are pure; useLaneFeed runs them.
 */
import type { EventsAnswer } from "./report.ts";
import type { StreamEvent } from "./stream.ts";

/** The events of an answer this phone has not seen, and where its cursor goes next. */
export function takeNews(cursor: number, answer: EventsAnswer): { cursor: number; news: StreamEvent[] } {
  const news = answer.events.filter((event) => event.id > cursor);
  // A server that restarted numbers from 1 again: its smaller `last` is the new starting point.
  const next = answer.last < cursor ? answer.last : Math.max(cursor, answer.last, ...news.map((event) => event.id));
  return { cursor: next, news };
}

/** After `failures` failed requests in a row, wait this long: 1, 2, 4, 8, then 10 s. */
export function retryDelay(failures: number): number {
  return Math.min(1_000 * 2 ** Math.max(failures - 1, 0), 10_000);
}

/** Latency as the `seen` message takes it, or null when the clock estimate makes it absurd. */
export function reportableLatency(ms: number, limit: number): number | null {
  return Number.isFinite(ms) && Math.abs(ms) <= limit ? Math.round(ms * 10) / 10 : null;
}
