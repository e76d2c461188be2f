/** Each notification kind's icon, on a phone's toast and on the presenter's buttons (its words: strings.ts). */
import type { NotificationKind } from "./protocol.ts";

export const NOTIFICATION_ICONS: Readonly<Record<NotificationKind, string>> = {
  email: "✉️",
  message: "💬",
  like: "👍",
};
