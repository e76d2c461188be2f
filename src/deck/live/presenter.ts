import { deckReady } from "../controllers/boot.ts";
import type { Deck } from "../controllers/deck.ts";
import { pageLocale } from "../../i18n/locales.ts";
import { normalizeRoomCode } from "../../room/codes.ts";
import { createRoom, NoRoom, roomInfo } from "../../live/api.ts";
import { drivePresenter } from "./follow.ts";
import { forgetPresenterKey, lastPresented, presenterKey, rememberPresented, rememberPresenterKey } from "../../live/identity.ts";
import { askReopen } from "./reopen.ts";
import { mountPresenterPanel } from "./presenterPanel.ts";
import { controlJoinInfo, mountJoinInfo } from "./joinInfo.ts";
import { connectRoom } from "../../live/room.ts";
import { setLiveSession } from "../../live/session.ts";
import { renderStatus } from "../../live/status.ts";
import { liveStrings } from "../../live/strings.ts";
import { roomHost } from "../../live/urls.ts";
import { mountReactionBoard } from "../../features/reactions/projector.ts";
import { mountInk } from "../../features/pointer/screen.ts";
import { mountInkTools } from "../../features/pointer/tools.ts";
import { isDeckKey } from "../controllers/keyboard.ts";
import { slideCopy } from "../controllers/thumbnail.ts";

/**
 * The room this page presents: from the address (with the key saved here or handed over in the
 * fragment); else the one this browser presented last, if it still exists and the presenter
 * says so; else a new one.
 */
async function presenterRoom(deck: Deck, status: HTMLElement): Promise<{ code: string; key: string } | null> {
  const params = new URLSearchParams(location.search);
  const code = normalizeRoomCode(params.get("room") ?? "");
  const handed = new URLSearchParams(location.hash.slice(1)).get("key");
  if (code && handed) {
    rememberPresenterKey(code, handed);
    history.replaceState(null, "", `${location.pathname}?room=${code}`); // the key leaves the address bar
  }
  if (code) {
    const key = presenterKey(code);
    return key ? { code, key } : null;
  }
  // Only the bare address (the README's link) offers the last room; one that named a room that
  // can't be one asked for something else, and gets a fresh room as before.
  const last = params.has("room") ? null : lastPresented();
  if (last) {
    const info = await roomInfo(last.code);
    // Gone (erased, or expired): nothing to go back to, nothing to ask. No answer: creating fails too, and says so.
    if (info === "missing") forgetPresenterKey(last.code);
    else if (info !== "unreachable") {
      status.textContent = liveStrings[pageLocale()].reopen.choosing;
      const choice = await askReopen(document.querySelector<HTMLDialogElement>("[data-reopen]")!, deck, info);
      if (choice === "back") {
        history.replaceState(null, "", `${location.pathname}?room=${last.code}`);
        return last;
      }
      status.textContent = liveStrings[pageLocale()].status.creating;
    }
  }
  const created = await createRoom();
  rememberPresenterKey(created.code, created.key);
  history.replaceState(null, "", `${location.pathname}?room=${created.code}`);
  return created;
}

export async function startPresenter(): Promise<void> {
  const deck = await deckReady;
  const t = liveStrings[pageLocale()].status;
  const status = document.querySelector<HTMLElement>("[data-room-status]")!;
  const panel = document.querySelector<HTMLElement>("[data-presenter-panel]")!;

  let room: { code: string; key: string } | null;
  try {
    room = await presenterRoom(deck, status);
  } catch (error) {
    status.dataset.tone = "bad";
    status.textContent = error instanceof NoRoom && error.reason === "too_many" ? t.tooManyRooms : t.noServer;
    return;
  }
  if (!room) {
    status.dataset.tone = "bad";
    status.textContent = t.noKey;
    panel.querySelector<HTMLElement>("[data-panel='no-key']")!.hidden = false;
    return;
  }

  rememberPresented(room.code);
  const client = connectRoom({ code: room.code, role: "presenter", key: room.key, host: roomHost() });
  client.subscribe((snapshot) => renderStatus(status, snapshot, "presenter"));
  mountPresenterPanel(panel, deck, client, room.code, room.key);
  drivePresenter(deck, client);
  setLiveSession({ code: room.code, role: "presenter", client });
  mountReactionBoard(client, deck.root.querySelector<HTMLElement>("[data-deck-viewport]")!);
  // The laser and the pen: drawn on this stage at once, and on every screen through the room.
  // A phone as remote lays slides out as a column: it shows the ink over a picture, and has no tools.
  mountInkTools(deck, client, mountInk(deck, client, { picture: slideCopy }), deck.root.querySelector<HTMLElement>(".deck__bar")!, isDeckKey);
  // The stage shows how to join too: a laptop mirrored to the projector has no projector window.
  mountJoinInfo(deck, client, room.code);
  controlJoinInfo(deck, client, panel.querySelectorAll<HTMLButtonElement>("[data-join-toggle]"));
  document.documentElement.dataset.room = room.code;
}
