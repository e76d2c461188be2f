import type { Locale } from "../../i18n/locales.ts";
import type { RoomSnapshot } from "../../live/room.ts";
import { describeStatus, type RoomStatus } from "../../live/status.ts";
import { personalRoomStrings } from "./strings.ts";

/**
 * The status on a reader's room card (pure, for the tests). Up, it says who is in the room; gone,
 * how to get another. Connecting, reconnecting and offline are the link's own states: worded as
 * on every live page (src/live/status.ts), for the room's creator as for a presenter, for a guest
 * as for the audience.
 */
export function describePersonal(snapshot: RoomSnapshot, owner: boolean, locale: Locale): RoomStatus {
  const t = personalRoomStrings[locale];
  switch (snapshot.status) {
    case "online":
      return { tone: "ok", text: owner ? t.online(snapshot.view?.state.audience ?? 0) : t.guestOnline };
    case "refused":
      return { tone: "bad", text: t.refused };
    default:
      return describeStatus(snapshot, owner ? "presenter" : "audience", locale);
  }
}
