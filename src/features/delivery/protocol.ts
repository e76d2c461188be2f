/** The delivery race's messages: phones pick a lane and report what they saw; the presenter runs the stream. */
import * as v from "valibot";
import { Int, message, type MessagesOf } from "../../room/messages.ts";
import { EVENT_ID_MAX, REPORT_MS_MAX } from "../../room/protocol.ts";
import type { DeliveryReport } from "./report.ts";

/** The three ways the delivery demo brings one event stream to a phone. */
export const LANES = ["poll", "longpoll", "ws"] as const;
export type Lane = (typeof LANES)[number];

export const DELIVERY_MESSAGES = {
  /** Which lane this phone watches the event stream on (null: none). */
  lane: { schema: message("lane", { lane: v.nullable(v.picklist(LANES)) }), from: "audience" },
  /** The event stream: a steady ticker, or one event now. */
  stream: { schema: message("stream", { action: v.picklist(["start", "stop", "fire"]) }), from: "presenter" },
  /** Event `id` reached this phone's screen `latency` ms after the server made it. */
  seen: {
    schema: message("seen", {
      id: Int(1, EVENT_ID_MAX),
      // A phone's clock estimate can put a fast delivery a few ms before the event: not an error.
      latency: v.pipe(v.number(), v.finite(), v.minValue(-REPORT_MS_MAX), v.maxValue(REPORT_MS_MAX)),
    }),
    from: "audience",
  },
} as const;

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof DELIVERY_MESSAGES> {}
  interface FeatureReports {
    delivery: DeliveryReport;
  }
}
