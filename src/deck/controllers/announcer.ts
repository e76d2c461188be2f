import { pageLocale } from "../../i18n/locales.ts";
import { deckStrings } from "../strings.ts";
import type { Deck } from "./deck.ts";

/** Tells screen readers the new slide's title, once per slide (not per step, not on load). */
export function mountAnnouncer(deck: Deck): void {
  const region = deck.root.querySelector<HTMLElement>("[data-announcer]");
  if (!region) return;
  const t = deckStrings[pageLocale()];
  deck.onMove((position, before) => {
    if (before === null || before.slide === position.slide) return;
    const title = deck.slides[position.slide]?.dataset.title ?? "";
    region.textContent = t.announce(position.slide + 1, deck.slides.length, title);
  });
}
