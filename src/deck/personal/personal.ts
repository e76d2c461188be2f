/**
 * A reader's own room. Someone browsing the slides with no talk going on who reaches a live demo
 * gets a room of their own (a random code) and a card saying how to see it work: open the same
 * page in another tab or on another device. With no room server at all (the site on a static
 * host) nothing happens here and every demo keeps its offline explanation.
 */
import { deckReady } from "../controllers/boot.ts";
import { pageLocale } from "../../i18n/locales.ts";
import { normalizeRoomCode } from "../../room/codes.ts";
import { createRoom, roomExists } from "../../live/api.ts";
import { participantFor } from "../../live/identity.ts";
import { qrSvg } from "../../live/qr.ts";
import { connectRoom, type RoomClient } from "../../live/room.ts";
import { liveSession, setLiveSession } from "../../live/session.ts";
import { showStatus } from "../../live/status.ts";
import { roomHost } from "../../live/urls.ts";
import { planPersonalRoom, type PersonalRoom } from "./plan.ts";
import { describePersonal } from "./status.ts";
import { personalRoomStrings } from "./strings.ts";

const STORE = "full-duplex:personal-room";
let requested = false;

/** When a live demo first wants a room (src/live/session.ts): on a reader's deck, opens one. */
export function requestPersonalRoom(): void {
  if (requested || liveSession()) return;
  if (document.querySelector<HTMLElement>("[data-deck]")?.dataset.mode !== "browse") return;
  requested = true;
  open().catch(() => {
    // No room server answered: the demos stay as they are, explaining themselves.
  });
}

async function open(): Promise<void> {
  const invited = normalizeRoomCode(new URLSearchParams(location.search).get("room") ?? "") || null;
  const plan = planPersonalRoom(invited, saved());
  let room: PersonalRoom | null = "join" in plan ? plan.join : null;
  if (room) {
    const exists = await roomExists(room.code);
    if (exists === "unreachable") return;
    if (!exists) room = null; // gone (an old link, a restarted server): make a fresh one
  }
  room ??= await createRoom();
  save(room);

  if (room.key) {
    const client = connectRoom({ code: room.code, role: "presenter", key: room.key, host: roomHost() });
    setLiveSession({ code: room.code, role: "presenter", client });
    return mountCard(room, client);
  }
  const pid = await participantFor(room.code);
  if (pid === "busy" || pid === "unreachable") return; // the demos keep explaining themselves
  const client = connectRoom({ code: room.code, role: "audience", pid, host: roomHost() });
  setLiveSession({ code: room.code, role: "audience", pid, client });
  mountCard(room, client);
}

function saved(): PersonalRoom | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(STORE) ?? "null");
    if (typeof value !== "object" || value === null || !("code" in value) || typeof value.code !== "string") return null;
    const key = "key" in value && typeof value.key === "string" ? value.key : undefined;
    return key ? { code: value.code, key } : { code: value.code };
  } catch {
    return null;
  }
}

function save(room: PersonalRoom): void {
  try {
    // Per tab: another tab of this browser is another participant, which is the point.
    sessionStorage.setItem(STORE, JSON.stringify(room));
  } catch {
    // Storage refused: a reload opens a new room.
  }
}

async function mountCard(room: PersonalRoom, client: RoomClient): Promise<void> {
  const deck = await deckReady;
  const card = deck.root.querySelector<HTMLDetailsElement>("[data-personal-room]");
  if (!card) return;
  const locale = pageLocale();
  const t = personalRoomStrings[locale];
  const owner = room.key !== undefined;
  const find = (name: string) => card.querySelector<HTMLElement>(`[data-personal="${name}"]`)!;
  find("title").textContent = owner ? t.title(room.code) : t.guestTitle(room.code);
  find("hint").textContent = owner ? t.hint : t.guestHint;
  const link = find("link") as HTMLAnchorElement;
  const invite = () => `${location.origin}${location.pathname}?room=${room.code}`;
  const follow = () => {
    link.href = invite();
    const qr = find("qr");
    if (!qr.hidden) qr.replaceChildren(qrSvg(invite(), t.qrLabel(room.code)));
  };
  find("show-qr").addEventListener("click", (event) => {
    const qr = find("qr");
    qr.hidden = !qr.hidden;
    (event.currentTarget as HTMLElement).setAttribute("aria-expanded", String(!qr.hidden));
    follow();
  });
  deck.onMove(follow);
  follow();

  const status = find("status");
  client.subscribe((snapshot) => showStatus(status, describePersonal(snapshot, owner, locale)));
  // Open on a wide screen; a phone gets the one-line summary, which opens on a tap.
  card.open = matchMedia("(min-width: 48rem)").matches;
  card.hidden = false;
}
