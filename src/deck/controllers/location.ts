import { positionFromUrl, slideHref } from "../paths.ts";
import type { Deck } from "./deck.ts";

/**
 * Keeps the address bar on the current slide (`/slides/3/?step=2`), so a reload or a shared
 * link lands where the speaker was. A new slide is a history entry; a new step replaces it.
 */
export function mountLocation(deck: Deck): void {
  let restoring = false;

  deck.onMove((position, before) => {
    if (restoring) return;
    const url = keepRoom(slideHref(deck.base, position.slide, position.step));
    if (before === null || before.slide === position.slide) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  });

  addEventListener("popstate", () => {
    const position = positionFromUrl(new URL(location.href), deck.base);
    if (!position) return;
    restoring = true;
    try {
      deck.go(position);
    } finally {
      restoring = false;
    }
  });
}

/** A room invite (`?room=`, see deck/personal/) stays in the address through moves, so a reload rejoins it. */
function keepRoom(href: string): string {
  const room = new URLSearchParams(location.search).get("room");
  if (!room) return href;
  return `${href}${href.includes("?") ? "&" : "?"}room=${encodeURIComponent(room)}`;
}

/** Where the page was opened: the slide its path names and the step its query asks for. */
export function initialPosition(deck: Deck, current: number): { slide: number; step: number } {
  return positionFromUrl(new URL(location.href), deck.base) ?? { slide: current, step: 0 };
}
