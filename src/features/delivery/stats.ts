/**
 * What each delivery technique costs, counted on the server: requests (HTTP lanes) or frames (the
 * WebSocket lane), bytes each way with how many of them were headers, events delivered, and the
 * latency phones report from event to screen. Everything here is a sum of measurements; the
 * report derives the per-event and per-message numbers the projector shows.
 */
import type { Lane } from "./protocol.ts";

/** The traffic of one lane: what the server counts, and the projector shows as counted. */
export interface LaneTraffic {
  /** HTTP requests received (0 on the WebSocket lane). */
  requests: number;
  /** HTTP answers sent (a held long poll is a request without an answer yet). */
  answers: number;
  /** Answers that carried no event: the cost of asking when nothing happened. */
  empty: number;
  /** WebSocket frames sent (0 on the HTTP lanes). */
  frames: number;
  /** Events that reached a phone: one event to three phones counts three. */
  delivered: number;
  bytesUp: number;
  bytesDown: number;
}

export interface LaneCounters extends LaneTraffic {
  /** Of bytesUp: request lines and headers. */
  headerBytesUp: number;
  /** Of bytesDown: status lines and headers, or frame headers. */
  headerBytesDown: number;
  latencyCount: number;
  latencySum: number;
  /** The worst latency reported (null before the first report). */
  latencyMax: number | null;
}

export interface Sized {
  /** Everything on the wire, headers included. */
  bytes: number;
  /** The part of `bytes` that was headers. */
  headerBytes: number;
}

export function emptyCounters(): LaneCounters {
  return {
    requests: 0,
    answers: 0,
    empty: 0,
    frames: 0,
    delivered: 0,
    bytesUp: 0,
    bytesDown: 0,
    headerBytesUp: 0,
    headerBytesDown: 0,
    latencyCount: 0,
    latencySum: 0,
    latencyMax: null,
  };
}

export function countRequest(counters: LaneCounters, request: Sized): void {
  counters.requests += 1;
  counters.bytesUp += request.bytes;
  counters.headerBytesUp += request.headerBytes;
}

export function countAnswer(counters: LaneCounters, answer: Sized & { events: number }): void {
  counters.answers += 1;
  if (answer.events === 0) counters.empty += 1;
  counters.delivered += answer.events;
  counters.bytesDown += answer.bytes;
  counters.headerBytesDown += answer.headerBytes;
}

/** One WebSocket frame carrying one event to one phone. */
export function countFrame(counters: LaneCounters, frame: Sized): void {
  counters.frames += 1;
  counters.delivered += 1;
  counters.bytesDown += frame.bytes;
  counters.headerBytesDown += frame.headerBytes;
}

export function countLatency(counters: LaneCounters, ms: number): void {
  counters.latencyCount += 1;
  counters.latencySum += ms;
  counters.latencyMax = counters.latencyMax === null ? ms : Math.max(counters.latencyMax, ms);
}

/** One lane as the projector shows it. Derived numbers are null while they'd divide by zero. */
export interface LaneReport extends LaneTraffic {
  lane: Lane;
  /** Phones watching the stream on this lane now. */
  phones: number;
  /** All bytes, both ways, per event delivered: what one event cost on this lane. */
  bytesPerEvent: number | null;
  /**
   * Header bytes per message: request + response heads per HTTP exchange, the frame header per
   * WebSocket frame. The number websocket.org put at 871 B against 2 B.
   */
  headerBytesPerMessage: number | null;
  latency: { count: number; mean: number | null; max: number | null };
}

export function laneReport(lane: Lane, counters: LaneCounters, phones: number): LaneReport {
  const { requests, answers, empty, frames, delivered, bytesUp, bytesDown } = counters;
  const httpHeads = requests > 0 && answers > 0 ? counters.headerBytesUp / requests + counters.headerBytesDown / answers : null;
  const frameHeads = frames > 0 ? counters.headerBytesDown / frames : null;
  return {
    lane,
    phones,
    requests,
    answers,
    empty,
    frames,
    delivered,
    bytesUp,
    bytesDown,
    bytesPerEvent: delivered > 0 ? (bytesUp + bytesDown) / delivered : null,
    headerBytesPerMessage: lane === "ws" ? frameHeads : httpHeads,
    latency: {
      count: counters.latencyCount,
      mean: counters.latencyCount > 0 ? counters.latencySum / counters.latencyCount : null,
      max: counters.latencyMax,
    },
  };
}
