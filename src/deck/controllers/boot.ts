import { createDeck } from "./deck.ts";
import { mountView } from "./view.ts";
import { mountLocation, initialPosition } from "./location.ts";
import { mountKeyboard } from "./keyboard.ts";
import { mountTouch } from "./touch.ts";
import { mountProgress } from "./progress.ts";
import { mountAnnouncer } from "./announcer.ts";
import { mountOverview } from "./overview.ts";
import { mountHelp, mountNotes, mountFullscreen } from "./panels.ts";

/** Starts the deck on this page: one controller per behaviour, all driven by the deck's moves. */
export function bootDeck(): void {
  const root = document.querySelector<HTMLElement>("[data-deck]");
  if (!root) return;
  const deck = createDeck(root);

  mountView(deck);
  mountProgress(deck);
  mountAnnouncer(deck);
  mountLocation(deck);
  const viewport = root.querySelector<HTMLElement>("[data-deck-viewport]");
  if (viewport) mountTouch(deck, viewport);

  const actions = {
    toggleOverview: mountOverview(deck),
    toggleHelp: mountHelp(deck),
    toggleNotes: mountNotes(deck),
    toggleFullscreen: mountFullscreen(deck),
  };
  mountKeyboard(deck, actions);
  for (const [name, run] of [
    ["overview", actions.toggleOverview],
    ["help", actions.toggleHelp],
    ["notes", actions.toggleNotes],
    ["fullscreen", actions.toggleFullscreen],
  ] as const) {
    const button = root.querySelector<HTMLButtonElement>(`.deck__bar [data-action="${name}"]`);
    if (!button) continue;
    button.hidden = false;
    button.addEventListener("click", run);
  }

  const rendered = deck.slides.findIndex((slide) => !slide.hidden);
  deck.go(initialPosition(deck, Math.max(rendered, 0)));
  root.dataset.ready = "";
}
