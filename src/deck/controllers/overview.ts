import type { Deck } from "./deck.ts";
import { dialogToggle } from "./dialogs.ts";
import { slideCopy } from "./thumbnail.ts";

/**
 * The overview grid (O or Esc): every slide as a small live copy, the current one focused.
 * Arrow keys move through the grid, Enter or a click jumps there.
 */
export function mountOverview(deck: Deck): () => void {
  const dialog = deck.root.querySelector<HTMLDialogElement>("[data-overview]");
  if (!dialog) return () => {};
  const cards = [...dialog.querySelectorAll<HTMLAnchorElement>("[data-goto]")];
  let thumbnailsBuilt = false;

  const toggle = dialogToggle(dialog, () => {
    if (!thumbnailsBuilt) buildThumbnails(deck, dialog);
    thumbnailsBuilt = true;
    const current = cards[deck.position().slide];
    cards.forEach((card) => card.removeAttribute("aria-current"));
    current?.setAttribute("aria-current", "page");
    current?.focus();
    current?.scrollIntoView({ block: "center" });
  });

  dialog.addEventListener("click", (event) => {
    const card = (event.target as Element).closest<HTMLAnchorElement>("[data-goto]");
    if (!card || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    dialog.close();
    deck.go({ slide: Number(card.dataset.goto), step: 0 });
  });

  dialog.addEventListener("keydown", (event) => {
    if (event.key === "o" || event.key === "O") {
      event.preventDefault();
      dialog.close();
      return;
    }
    const index = cards.indexOf(document.activeElement as HTMLAnchorElement);
    const target = index < 0 ? -1 : gridMove(cards, index, event.key);
    if (target >= 0 && target !== index) {
      event.preventDefault();
      cards[target]?.focus();
    }
  });

  return toggle;
}

/** The card an arrow key leads to in a wrapping grid: columns are read off the layout. */
function gridMove(cards: HTMLElement[], index: number, key: string): number {
  const top = cards[0]?.offsetTop;
  const columns = Math.max(1, cards.filter((card) => card.offsetTop === top).length);
  const last = cards.length - 1;
  switch (key) {
    case "ArrowRight":
      return Math.min(index + 1, last);
    case "ArrowLeft":
      return Math.max(index - 1, 0);
    case "ArrowDown":
      return Math.min(index + columns, last);
    case "ArrowUp":
      return Math.max(index - columns, 0);
    case "Home":
      return 0;
    case "End":
      return last;
    default:
      return -1;
  }
}

/** Copies each slide into its card, once, on first open. */
function buildThumbnails(deck: Deck, dialog: HTMLDialogElement): void {
  for (const thumb of dialog.querySelectorAll<HTMLElement>("[data-thumb]")) {
    const slide = deck.slides[Number(thumb.dataset.thumb)];
    if (slide) thumb.replaceChildren(slideCopy(slide));
  }
}
