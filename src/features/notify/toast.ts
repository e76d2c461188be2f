/**
 * A phone receiving the presenter's push: a toast on whatever slide is showing, a short
 * vibration where the phone allows it (Android does after a first tap on the page; iOS has no
 * vibration API), and an `ack` at once so the projector counts the delivery. Plain DOM.
 */
import type { NotificationMessage } from "../../room/wire.ts";
import type { RoomClient } from "../../live/room.ts";
import { pageLocale } from "../../i18n/locales.ts";
import { NOTIFICATION_ICONS } from "./kinds.ts";
import { isNotificationKind, type NotificationKind } from "./protocol.ts";
import { notifyStrings } from "./strings.ts";
import "./toast.css";

const TOAST_MS = 5_000;
const TOASTS_MAX = 3;

export function mountNotifications(client: RoomClient): void {
  // One polite live region, present from the start, so screen readers announce each toast once.
  const region = document.createElement("div");
  region.className = "notify-toasts";
  region.setAttribute("role", "status");
  region.dataset.notifyToasts = "";
  document.body.append(region);
  const seen = new Set<number>();
  const t = notifyStrings[pageLocale()];

  const show = (note: NotificationMessage & { kind: NotificationKind }) => {
    // The push's one-way trip as this phone sees it, on the server's clock (offset from the heartbeat).
    const ms = Math.max(0, Math.round(Date.now() + client.get().clockOffset - note.at));
    const toast = document.createElement("p");
    toast.className = "notify-toast";
    toast.dataset.notification = String(note.id);
    const icon = document.createElement("span");
    icon.className = "notify-toast__icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = NOTIFICATION_ICONS[note.kind];
    const title = document.createElement("strong");
    title.textContent = t.kinds[note.kind].title;
    const detail = document.createElement("span");
    detail.className = "notify-toast__detail";
    detail.textContent = t.arrived(ms);
    toast.append(icon, title, detail);
    region.append(toast);
    while (region.childElementCount > TOASTS_MAX) region.firstElementChild?.remove();
    setTimeout(() => toast.remove(), TOAST_MS);
    try {
      navigator.vibrate?.([120, 60, 120]);
    } catch {
      // Not allowed here (no tap on the page yet, or a browser without vibration): the toast is enough.
    }
  };

  client.onMessage((message) => {
    if (message.type !== "notification" || seen.has(message.id)) return;
    seen.add(message.id);
    client.send({ type: "ack", id: message.id });
    const { kind } = message;
    if (isNotificationKind(kind)) show({ ...message, kind }); // a kind from a newer server: acknowledged, not drawn
  });
}
