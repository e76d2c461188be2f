/**
 * The shapes the delivery demo's server sends: the projector's report (`report` messages) and the
 * HTTP answers the phones read (checked with valibot before use, like every server message).
 */
import * as v from "valibot";
import type { Lane } from "./protocol.ts";
import type { LaneReport, LaneTraffic } from "./stats.ts";
import type { StreamEvent } from "./stream.ts";

export interface DeliveryReport {
  /** The ticker is on. */
  running: boolean;
  /** The newest event (null before the first). */
  last: StreamEvent | null;
  /** Long polls the server is holding right now. */
  held: number;
  lanes: Record<Lane, LaneReport>;
}

/**
 * One lane's totals as the presenter's results download gives them: what it cost to deliver the
 * events, not the phones watching it now. `latency.reports`: how many screens said when an event reached them.
 */
export interface LaneExport extends LaneTraffic {
  bytesPerEvent: number | null;
  headerBytesPerMessage: number | null;
  latency: { reports: number; mean: number | null; max: number | null };
}

export interface DeliveryExport {
  lanes: Record<Lane, LaneExport>;
}

/** Field by field: a field the projector's report gains is not exported until it is named here. */
function laneExport({ requests, answers, empty, frames, delivered, bytesUp, bytesDown, bytesPerEvent, headerBytesPerMessage, latency }: LaneReport): LaneExport {
  return { requests, answers, empty, frames, delivered, bytesUp, bytesDown, bytesPerEvent, headerBytesPerMessage, latency: { reports: latency.count, mean: latency.mean, max: latency.max } };
}

export function deliveryExport({ lanes }: DeliveryReport): DeliveryExport {
  return { lanes: { poll: laneExport(lanes.poll), longpoll: laneExport(lanes.longpoll), ws: laneExport(lanes.ws) } };
}

const StreamEventSchema = v.object({ id: v.number(), at: v.number() });

/** `GET …/delivery/events`: the events after `since`, and the newest id (the next cursor). */
export const EventsAnswerSchema = v.object({
  events: v.array(StreamEventSchema),
  last: v.number(),
  /** Only on a long poll that ended with nothing new: how long it was held, in seconds. */
  timeout: v.optional(v.number()),
});
export type EventsAnswer = v.InferOutput<typeof EventsAnswerSchema>;

/** `GET …/delivery/last`. */
export const LastAnswerSchema = v.object({ last: v.number() });
export type LastAnswer = v.InferOutput<typeof LastAnswerSchema>;
