import { deckReady } from "../controllers/boot.ts";
import { pageLocale } from "../../i18n/locales.ts";
import { normalizeRoomCode } from "../../room/codes.ts";
import { createRoom, NoRoom } from "../../live/api.ts";
import { drivePresenter } from "./follow.ts";
import { presenterKey, rememberPresenterKey } from "../../live/identity.ts";
import { mountPresenterPanel } from "./presenterPanel.ts";
import { controlJoinInfo, mountJoinInfo } from "./joinInfo.ts";
import { connectRoom } from "../../live/room.ts";
import { setLiveSession } from "../../live/session.ts";
import { renderStatus } from "../../live/status.ts";
import { liveStrings } from "../../live/strings.ts";
import { roomHost } from "../../live/urls.ts";
import { mountReactionBoard } from "../../features/reactions/projector.ts";

/** The room this page presents: from the address (with the key saved here or handed over in the fragment), or a new one. */
async function presenterRoom(): Promise<{ code: string; key: string } | null> {
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
    room = await presenterRoom();
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

  const client = connectRoom({ code: room.code, role: "presenter", key: room.key, host: roomHost() });
  client.subscribe((snapshot) => renderStatus(status, snapshot, "presenter"));
  mountPresenterPanel(panel, deck, client, room.code, room.key);
  drivePresenter(deck, client);
  setLiveSession({ code: room.code, role: "presenter", client });
  mountReactionBoard(client, deck.root.querySelector<HTMLElement>("[data-deck-viewport]")!);
  // The stage shows how to join too: a laptop mirrored to the projector has no projector window.
  mountJoinInfo(deck, client, room.code);
  controlJoinInfo(deck, client, panel.querySelectorAll<HTMLButtonElement>("[data-join-toggle]"));
  document.documentElement.dataset.room = room.code;
}
