/** Push notifications: the presenter sends one to every phone, each phone acknowledges it. */
import * as v from "valibot";
import { Int, message, type MessagesOf } from "../../room/messages.ts";
import { EVENT_ID_MAX } from "../../room/protocol.ts";
import type { NotifyReport } from "./ledger.ts";

export const NOTIFICATION_KINDS = ["email", "message", "like"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export const NOTIFY_MESSAGES = {
  /** Push a notification to every phone. */
  notify: { schema: message("notify", { kind: v.picklist(NOTIFICATION_KINDS) }), from: "presenter" },
  /** Notification `id` reached this phone. */
  ack: { schema: message("ack", { id: Int(1, EVENT_ID_MAX) }), from: "audience" },
} as const;

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof NOTIFY_MESSAGES> {}
  interface FeatureReports {
    notify: NotifyReport;
  }
}
