import { TALK_TITLE, slideHref } from "../paths.ts";
import * as moves from "../position.ts";
import type { Deck } from "./deck.ts";

/**
 * The bar at the bottom: slide number, progress, and the previous/next links. The links are
 * real hrefs (they work without JavaScript); with it, a click moves one step like the arrow keys.
 */
export function mountProgress(deck: Deck): void {
  const counter = deck.root.querySelector<HTMLElement>("[data-counter]");
  const bar = deck.root.querySelector<HTMLElement>("[data-progress]");
  const links = {
    previous: deck.root.querySelector<HTMLAnchorElement>('[data-nav="prev"]'),
    next: deck.root.querySelector<HTMLAnchorElement>('[data-nav="next"]'),
  };

  for (const [move, link] of Object.entries(links) as Array<["previous" | "next", HTMLAnchorElement | null]>) {
    link?.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      deck[move]();
    });
  }

  deck.onMove((position) => {
    if (counter) counter.textContent = String(position.slide + 1);
    if (bar) bar.style.transform = `scaleX(${moves.progress(position, deck.stepCounts)})`;
    setLink(links.previous, deck, moves.previous(position, deck.stepCounts), position);
    setLink(links.next, deck, moves.next(position, deck.stepCounts), position);
    const title = deck.slides[position.slide]?.dataset.title;
    document.title = title ? `${title} · ${TALK_TITLE}` : TALK_TITLE;
  });
}

function setLink(link: HTMLAnchorElement | null, deck: Deck, target: moves.Position, here: moves.Position): void {
  if (!link) return;
  if (moves.samePosition(target, here)) {
    // Without an href an <a> is no link at all: the role keeps its name and "disabled" meaningful.
    link.removeAttribute("href");
    link.setAttribute("role", "link");
    link.setAttribute("aria-disabled", "true");
  } else {
    link.href = slideHref(deck.base, target.slide, target.step);
    link.removeAttribute("role");
    link.removeAttribute("aria-disabled");
  }
}
