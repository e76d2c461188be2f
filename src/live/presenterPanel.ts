import type { Deck } from "../deck/controllers/deck.ts";
import { slideCopy } from "../deck/controllers/thumbnail.ts";
import type { Position } from "../deck/position.ts";
import { timerElapsed } from "../room/state.ts";
import { formatElapsed } from "./clock.ts";
import { downloadResults } from "../participation/export/download.ts";
import type { ExportFormat } from "../participation/export/results.ts";
import { qrSvg } from "./qr.ts";
import type { RoomClient } from "./room.ts";
import { joinUrl, remoteUrl, screenUrl } from "./urls.ts";

/**
 * The presenter's side panel: how to join (code, QR, address), who is here, the talk clock,
 * the next slide and this slide's notes. Plain DOM updates: it redraws a few numbers a second.
 */
export function mountPresenterPanel(panel: HTMLElement, deck: Deck, client: RoomClient, code: string, key: string): void {
  const find = <T extends Element = HTMLElement>(name: string) => panel.querySelector<T>(`[data-panel="${name}"]`);

  const url = joinUrl(code);
  find("code")!.textContent = code;
  const link = find<HTMLAnchorElement>("join-url")!;
  link.href = url;
  link.textContent = url.replace(/^https?:\/\//, "");
  find("qr")!.replaceChildren(qrSvg(url, `QR code para entrar na sala ${code}`));

  find<HTMLAnchorElement>("screen")!.href = screenUrl(code);

  const remote = find<HTMLButtonElement>("remote")!;
  remote.addEventListener("click", async () => {
    const target = remoteUrl(code, key);
    try {
      await navigator.clipboard.writeText(target);
      remote.textContent = "Link copiado: abra no seu celular";
    } catch {
      prompt("Abra este link no aparelho que vai controlar os slides:", target);
    }
  });

  const exportStatus = find("export-status")!;
  for (const button of panel.querySelectorAll<HTMLButtonElement>("[data-export]")) {
    button.addEventListener("click", async () => {
      const format = button.dataset.export as ExportFormat;
      exportStatus.textContent = "Baixando…";
      try {
        await downloadResults(code, key, format);
        exportStatus.textContent = "";
      } catch {
        exportStatus.textContent = "Não deu para baixar os resultados.";
      }
    });
  }

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
    panel.querySelector<HTMLButtonElement>('[data-timer="start"]')!.hidden = running;
    panel.querySelector<HTMLButtonElement>('[data-timer="pause"]')!.hidden = !running;
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
    where.textContent = `Slide ${position.slide + 1} de ${deck.slides.length}${steps ? ` · passo ${position.step} de ${steps}` : ""}`;
    if (before?.slide === position.slide) return;
    const following = deck.slides[position.slide + 1];
    next.replaceChildren(...(following ? [slideCopy(following)] : []));
    nextTitle.textContent = following?.dataset.title ?? "Fim da apresentação";
    // The notes are the speaker's own Markdown, rendered at build time: trusted markup.
    const source = deck.slides[position.slide]?.querySelector(".slide__notes");
    notes.replaceChildren(...[...(source?.children ?? [])].slice(1).map((child) => child.cloneNode(true)));
  };
  // The deck started before this panel: draw where it is now, then follow its moves.
  showPosition(deck.position(), null);
  deck.onMove(showPosition);
}
