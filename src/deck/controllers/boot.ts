import { createDeck, type Deck } from "./deck.ts";
import { mountView } from "./view.ts";
import { mountLocation, initialPosition } from "./location.ts";
import { mountKeyboard, type KeyboardActions } from "./keyboard.ts";
import { mountTouch } from "./touch.ts";
import { mountProgress } from "./progress.ts";
import { mountAnnouncer } from "./announcer.ts";
import { mountOverview } from "./overview.ts";
import { mountHelp, mountNotes, mountFullscreen } from "./panels.ts";
import { isScreenPage } from "../../live/urls.ts";

let resolveReady: (deck: Deck) => void = () => {};
/** The page's deck once it has started: live rooms (src/live) wait for it to drive it. */
export const deckReady = new Promise<Deck>((resolve) => (resolveReady = resolve));

/** Starts the deck on this page: one controller per behaviour, all driven by the deck's moves. */
export function bootDeck(): void {
  const root = document.querySelector<HTMLElement>("[data-deck]");
  if (!root) return;
  const deck = createDeck(root);
  // In a live room the room decides the slide; the address bar stays on the room's page.
  const browsing = root.dataset.mode === "browse";
  // The projector's window only follows the room: no key, swipe, link or overview moves it, and
  // it has nothing of the presenter's (notes). Fullscreen (F) is all it takes from the keyboard.
  const screen = root.dataset.mode === "audience" && isScreenPage();
  if (screen) {
    root.dataset.screen = "";
    for (const link of root.querySelectorAll<HTMLElement>(".deck__bar [data-nav]")) link.hidden = true;
  }

  mountView(deck);
  mountProgress(deck);
  mountAnnouncer(deck);
  if (browsing) mountLocation(deck);
  const viewport = root.querySelector<HTMLElement>("[data-deck-viewport]");
  if (viewport && !screen) mountTouch(deck, viewport);

  const actions: Partial<KeyboardActions> = screen
    ? { toggleFullscreen: mountFullscreen(deck) }
    : {
        toggleOverview: mountOverview(deck),
        toggleHelp: mountHelp(deck),
        toggleNotes: mountNotes(deck),
        toggleFullscreen: mountFullscreen(deck),
      };
  mountKeyboard(deck, actions, { moves: !screen, spaceAlwaysMoves: root.dataset.mode === "presenter" });
  for (const [name, run] of [
    ["overview", actions.toggleOverview],
    ["help", actions.toggleHelp],
    ["notes", actions.toggleNotes],
    ["fullscreen", actions.toggleFullscreen],
  ] as const) {
    const button = root.querySelector<HTMLButtonElement>(`.deck__bar [data-action="${name}"]`);
    if (!button || !run) continue;
    button.hidden = false;
    button.addEventListener("click", run);
  }

  const rendered = Math.max(deck.slides.findIndex((slide) => !slide.hidden), 0);
  deck.go(browsing ? initialPosition(deck, rendered) : { slide: rendered, step: 0 });
  root.dataset.ready = "";
  resolveReady(deck);
}
