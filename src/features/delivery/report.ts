/**
 * The shapes the delivery demo's server sends: the projector's report (`report` messages) and the
 * HTTP answers the phones read (checked with valibot before use, like every server message).
 */
import * as v from "valibot";
import type { Lane } from "./protocol.ts";
import type { LaneReport } from "./stats.ts";
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
