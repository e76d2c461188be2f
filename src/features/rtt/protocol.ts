/** The full-duplex ping's message: each device's latest round trip to the room. */
import * as v from "valibot";
import { message, type MessagesOf } from "../../room/messages.ts";
import { REPORT_MS_MAX } from "../../room/protocol.ts";
import type { RttAudienceReport, RttReport } from "./report.ts";

export const RTT_MESSAGES = {
  /** This device's latest round-trip time to the room, in ms (presenters' devices measure too). */
  rtt: { schema: message("rtt", { ms: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(REPORT_MS_MAX)) }), from: "anyone" },
} as const;

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof RTT_MESSAGES> {}
  interface FeatureReports {
    rtt: RttReport | RttAudienceReport;
  }
}
