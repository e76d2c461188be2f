import { deckReady } from "../controllers/boot.ts";
import { pageLocale } from "../../i18n/locales.ts";
import { normalizeRoomCode } from "../../room/codes.ts";
import { followPresenter, mirrorPresenter } from "./follow.ts";
import { mountJoinInfo } from "./joinInfo.ts";
import { participantFor, screenKey } from "../../live/identity.ts";
import { connectRoom } from "../../live/room.ts";
import { setLiveSession } from "../../live/session.ts";
import { renderStatus } from "../../live/status.ts";
import { liveStrings } from "../../live/strings.ts";
import { roomExists } from "../../live/api.ts";
import { isScreenPage, roomHost } from "../../live/urls.ts";
import { mountReactionTray } from "../../features/reactions/tray.ts";
import { mountNotifications } from "../../features/notify/toast.ts";
import { mountInkWhenDrawn } from "../../features/pointer/whenDrawn.ts";
import { slideCopy } from "../controllers/thumbnail.ts";

export async function startAudience(): Promise<void> {
  const t = liveStrings[pageLocale()].join;
  const form = document.querySelector<HTMLFormElement>("[data-join-form]")!;
  const problem = document.querySelector<HTMLElement>("[data-join-error]")!;
  const code = normalizeRoomCode(new URLSearchParams(location.search).get("room") ?? "");
  const raw = new URLSearchParams(location.search).get("room");
  const fail = (message: string) => {
    problem.textContent = message;
    problem.hidden = false;
    form.querySelector("input")?.focus();
  };
  if (!code) {
    if (raw) fail(t.badCode);
    return;
  }
  const exists = await roomExists(code);
  if (exists !== true) {
    fail(exists === "unreachable" ? t.unreachable : t.noRoom(code));
    return;
  }
  // `?screen`: the projector's view, opened from the presenter's panel: not counted, shows the demos' boards.
  const screen = isScreenPage();
  // A phone's id is the room's to issue (once; then this browser keeps it).
  const pid = screen ? undefined : await participantFor(code);
  if (pid === "busy" || pid === "unreachable") {
    fail(pid === "busy" ? t.busy : t.unreachable);
    return;
  }

  const deck = await deckReady;
  document.documentElement.dataset.room = code;
  document.querySelector<HTMLElement>("[data-join]")!.hidden = true;
  deck.root.hidden = false;

  const status = document.querySelector<HTMLElement>("[data-room-status]")!;
  const backToLive = document.querySelector<HTMLButtonElement>("[data-back-to-live]")!;
  const client = pid
    ? connectRoom({ code, role: "audience", pid, host: roomHost() })
    : connectRoom({ code, role: "screen", key: screenKey(code) ?? "", host: roomHost() });
  setLiveSession(pid ? { code, role: "audience", pid, client } : { code, role: "screen", client });
  client.subscribe((snapshot) => renderStatus(status, snapshot, screen ? "screen" : "audience"));
  // Reactions and push, on every slide: the projector's screen shows the room's reactions and how
  // to join, and only follows (no "back to live": nothing there takes it off); a phone follows
  // until its person browses on their own, reacts and gets notified.
  if (screen) {
    mirrorPresenter(deck, client);
    mountJoinInfo(deck, client, code);
    mountInkWhenDrawn(deck, client);
    // The projector's own board, which phones never show: loaded here, not in every phone's first load.
    const { mountReactionBoard } = await import("../../features/reactions/projector.ts");
    mountReactionBoard(client, deck.root.querySelector<HTMLElement>("[data-deck-viewport]")!);
  } else {
    const goLive = followPresenter(deck, client, (live) => {
      backToLive.hidden = live;
      deck.root.dataset.live = String(live);
    });
    backToLive.addEventListener("click", goLive);
    mountReactionTray(client, deck.root.querySelector<HTMLElement>(".deck__bar")!);
    mountNotifications(client);
    // The presenter's laser and pen, over a picture of the slide as the projector shows it.
    mountInkWhenDrawn(deck, client, { picture: slideCopy });
  }
}
