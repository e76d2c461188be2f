/**
 * The room's features: adding one is a folder and a line here. Their order is the order their
 * reports go out to a presenter who connects. The one message table is the room's own messages,
 * `reset`, and every feature's.
 */
import * as v from "valibot";
import type { RoomFeature } from "../room/feature.ts";
import { message, type MessagesOf, type MessageSpec } from "../room/messages.ts";
import { ROOM_MESSAGES, type ClientMessageType, type FeatureName } from "../room/protocol.ts";
import { attendance } from "./attendance/server.ts";
import { browsers } from "./browsers/server.ts";
import { cloud } from "./cloud/server.ts";
import { delivery } from "./delivery/server.ts";
import { mirror } from "./mirror/server.ts";
import { notify } from "./notify/server.ts";
import { pages } from "./pages/server.ts";
import { pointer } from "./pointer/server.ts";
import { polls } from "./polls/server.ts";
import { questions } from "./questions/server.ts";
import { quiz } from "./quiz/server.ts";
import { reactions } from "./reactions/server.ts";
import { requests } from "./requests/server.ts";
import { rtt } from "./rtt/server.ts";
import { sensors } from "./sensors/server.ts";

export const FEATURES: readonly RoomFeature[] = [browsers, rtt, delivery, requests, pages, questions, reactions, notify, sensors, polls, quiz, cloud, mirror, pointer, attendance];

/** The features that report (and so can be reset): every FeatureReports name, and no other. */
export const REPORTING = ["browsers", "rtt", "delivery", "requests", "pages", "questions", "reactions", "notify", "sensors", "polls", "quiz", "cloud", "mirror", "pointer"] as const satisfies readonly FeatureName[];
const everyReportListed: Exclude<FeatureName, (typeof REPORTING)[number]> extends never ? true : never = true;
void everyReportListed;

const RESET_MESSAGES = {
  /** Presenter: start a feature's measurements afresh. */
  reset: { schema: message("reset", { feature: v.picklist(REPORTING) }), from: "presenter" },
} as const;

declare module "../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof RESET_MESSAGES> {}
}

/** Every message a client may send: what the server parses with. A type missing here fails the type check. */
export const MESSAGES: Readonly<Record<ClientMessageType, MessageSpec>> = Object.assign({}, ROOM_MESSAGES, RESET_MESSAGES, ...FEATURES.map((feature) => feature.messages));
