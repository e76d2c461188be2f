import type { Deck } from "../controllers/deck.ts";
import { pageLocale } from "../../i18n/locales.ts";
import { slideCopy } from "../controllers/thumbnail.ts";
import type { Position } from "../position.ts";
import { timerElapsed } from "../../room/state.ts";
import { formatElapsed } from "../../live/clock.ts";
import { downloadResults } from "../../features/export/download.ts";
import type { ExportFormat } from "../../features/export/results.ts";
import { qrSvg } from "../../live/qr.ts";
import type { RoomClient } from "../../live/room.ts";
import { liveStrings } from "../../live/strings.ts";
import { joinUrl, remoteUrl, screenUrl } from "../../live/urls.ts";
import { eraseRoom } from "../../live/api.ts";
import { forgetPresenterKey } from "../../live/identity.ts";
import { screenKeyOf } from "../../room/secret.ts";

/** How long the remote button says "Link copiado" before it reads as a button again. */
export const REMOTE_COPIED_MS = 4000;

/**
 * The presenter's side panel: how to join (code, QR, address), who is here, the talk clock,
 * the next slide and this slide's notes. Plain DOM updates: it redraws a few numbers a second.
 */
export function mountPresenterPanel(panel: HTMLElement, deck: Deck, client: RoomClient, code: string, key: string): void {
  const locale = pageLocale();
  const t = liveStrings[locale].panel;
  const find = <T extends Element = HTMLElement>(name: string) => panel.querySelector<T>(`[data-panel="${name}"]`);

  const url = joinUrl(code, locale);
  find("code")!.textContent = code;
  const link = find<HTMLAnchorElement>("join-url")!;
  link.href = url;
  link.textContent = url.replace(/^https?:\/\//, "");
  find("qr")!.replaceChildren(qrSvg(url, t.qr(code)));

  void screenKeyOf(key).then((screenKey) => (find<HTMLAnchorElement>("screen")!.href = screenUrl(code, screenKey, locale)));

  const remote = find<HTMLButtonElement>("remote")!;
  let restore: ReturnType<typeof setTimeout> | undefined;
  remote.addEventListener("click", async () => {
    const target = remoteUrl(code, key, locale);
    try {
      await navigator.clipboard.writeText(target);
      remote.textContent = t.remoteCopied;
      // Back to its label, so the button still says what it does the next time it is needed.
      clearTimeout(restore);
      restore = setTimeout(() => (remote.textContent = t.remote), REMOTE_COPIED_MS);
    } catch {
      prompt(t.remotePrompt, target);
    }
  });

  const exportStatus = find("export-status")!;
  for (const button of panel.querySelectorAll<HTMLButtonElement>("[data-export]")) {
    button.addEventListener("click", async () => {
      const format = button.dataset.export as ExportFormat;
      exportStatus.textContent = t.exporting;
      try {
        await downloadResults(code, key, format);
        exportStatus.textContent = "";
      } catch {
        exportStatus.textContent = t.exportFailed;
      }
    });
  }

  // "Encerrar e guardar": the talk's record (the room keeps the audience over time).
  find<HTMLButtonElement>("keep")!.addEventListener("click", async () => {
    exportStatus.textContent = t.keeping;
    try {
      // Loaded when asked for: the record's schema is a talk's last click, not every page's load.
      const { keepRecord } = await import("../../features/record/download.ts");
      exportStatus.textContent = t.kept(await keepRecord(code, key, locale), code);
    } catch {
      exportStatus.textContent = t.keepFailed;
    }
  });

  // The room keeps its data 30 days (src/room/retention.ts); the presenter may not want to wait.
  find<HTMLButtonElement>("erase")!.addEventListener("click", async () => {
    if (!confirm(t.eraseConfirm(code))) return;
    const erased = await eraseRoom(code, key);
    exportStatus.textContent = erased ? t.erased : t.eraseFailed;
    if (erased) forgetPresenterKey(code);
  });

  const audience = find("audience")!;
  const clock = find("clock")!;
  const timerButtons = panel.querySelectorAll<HTMLButtonElement>("[data-timer]");
  for (const button of timerButtons) {
    button.addEventListener("click", () => {
      const action = button.dataset.timer as "start" | "pause" | "reset";
      client.send({ type: "timer", action });
    });
  }
  const tick = () => {
    const { view, clockOffset } = client.get();
    if (!view) return;
    clock.textContent = formatElapsed(timerElapsed(view.state.timer, Date.now() + clockOffset));
    const running = view.state.timer.startedAt !== null;
    const start = panel.querySelector<HTMLButtonElement>('[data-timer="start"]')!;
    const pause = panel.querySelector<HTMLButtonElement>('[data-timer="pause"]')!;
    if (start.hidden === running && pause.hidden === !running) return;
    // Start and pause share a place: keyboard focus moves to the one that replaces the other.
    const hadFocus = document.activeElement === start || document.activeElement === pause;
    start.hidden = running;
    pause.hidden = !running;
    if (hadFocus) (running ? pause : start).focus();
  };
  setInterval(tick, 250);
  client.subscribe((snapshot) => {
    const state = snapshot.view?.state;
    if (state) audience.textContent = String(state.audience);
    tick();
  });

  const where = find("position")!;
  const next = find("next")!;
  const nextTitle = find("next-title")!;
  const notes = find("notes")!;
  const showPosition = (position: Position, before: Position | null) => {
    const steps = deck.stepCounts[position.slide] ?? 0;
    where.textContent = t.position(position.slide + 1, deck.slides.length, position.step, steps);
    if (before?.slide === position.slide) return;
    const following = deck.slides[position.slide + 1];
    next.replaceChildren(...(following ? [slideCopy(following)] : []));
    nextTitle.textContent = following?.dataset.title ?? t.end;
    // The notes are the speaker's own Markdown, rendered at build time: trusted markup.
    const source = deck.slides[position.slide]?.querySelector(".slide__notes");
    notes.replaceChildren(...[...(source?.children ?? [])].slice(1).map((child) => child.cloneNode(true)));
  };
  // The deck started before this panel: draw where it is now, then follow its moves.
  showPosition(deck.position(), null);
  deck.onMove(showPosition);
}
