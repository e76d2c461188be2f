import { pageLocale, type Locale } from "../i18n/locales.ts";
import type { Role } from "../room/participants.ts";
import { errorText } from "./errors.ts";
import type { RoomSnapshot } from "./room.ts";
import { liveStrings } from "./strings.ts";

export type StatusTone = "ok" | "wait" | "warn" | "bad";

export interface RoomStatus {
  tone: StatusTone;
  text: string;
}

/**
 * What to tell the person about the room, in their words. The audience must be able to tell
 * their own connection trouble ("you're offline") from the presenter's ("presenter offline").
 */
export function describeStatus(snapshot: RoomSnapshot, role: Role, locale: Locale): RoomStatus {
  const t = liveStrings[locale].status;
  switch (snapshot.status) {
    case "refused":
      // The projector's window without its key (a link typed by hand, or opened from an old one).
      if (role === "screen" && snapshot.error?.code === "unauthorized") return { tone: "bad", text: t.screenKey };
      return { tone: "bad", text: snapshot.error ? errorText(snapshot.error, locale) : t.refused };
    case "offline":
      return { tone: "bad", text: t.offline };
    case "connecting":
    case "reconnecting": {
      const stuck = snapshot.stuck;
      if (!stuck) return { tone: "wait", text: snapshot.status === "connecting" ? t.connecting : t.reconnecting };
      if (stuck.reason === "no_socket") return { tone: "bad", text: t.stuck.noSocket };
      // A phone is told about its network; the presenter's laptop and the projector window, about the server.
      const words = role === "audience" ? t.stuck.phone : t.stuck.server;
      return { tone: "bad", text: stuck.local ? words.local : words.deployed };
    }
    case "online": {
      const state = snapshot.view?.state;
      if (role !== "presenter" && state && !state.presenterOnline) return { tone: "warn", text: t.presenterOffline };
      if (role === "presenter" && state) return { tone: "ok", text: t.liveWith(state.audience) };
      return { tone: "ok", text: t.live };
    }
  }
}

/** Keeps a status pill (`[data-room-status]`) in step with the room, in the page's language. */
export function renderStatus(element: HTMLElement, snapshot: RoomSnapshot, role: Role): void {
  showStatus(element, describeStatus(snapshot, role, pageLocale()));
}

/** Puts a status on a pill: the tone colours it; the text is written only when it changes (a pill is a live region). */
export function showStatus(element: HTMLElement, { tone, text }: RoomStatus): void {
  element.dataset.tone = tone;
  if (element.textContent !== text) element.textContent = text;
}
