import type { Deck } from "./deck.ts";
import { dialogToggle } from "./dialogs.ts";

const NOTES_KEY = "full-duplex:notes";

/** The shortcut help (?), as a modal dialog. */
export function mountHelp(deck: Deck): () => void {
  const dialog = deck.root.querySelector<HTMLDialogElement>("[data-help]");
  if (!dialog) return () => {};
  const toggle = dialogToggle(dialog);
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "?") {
      event.preventDefault();
      dialog.close();
    }
  });
  return toggle;
}

/** Speaker notes under the slide (N), remembered for the next visit. */
export function mountNotes(deck: Deck): () => void {
  const button = deck.root.querySelector<HTMLButtonElement>('[data-action="notes"]');
  const set = (on: boolean) => {
    deck.root.classList.toggle("deck--notes", on);
    button?.setAttribute("aria-pressed", String(on));
    try {
      localStorage.setItem(NOTES_KEY, on ? "1" : "");
    } catch {
      // Private modes may refuse storage; the toggle still works for this visit.
    }
  };
  let stored = false;
  try {
    stored = localStorage.getItem(NOTES_KEY) === "1";
  } catch {}
  set(stored);
  return () => set(!deck.root.classList.contains("deck--notes"));
}

/** Fullscreen (F) for the projector; the button says whether it is on. */
export function mountFullscreen(deck: Deck): () => void {
  const button = deck.root.querySelector<HTMLButtonElement>('[data-action="fullscreen"]');
  if (!document.fullscreenEnabled) {
    button?.remove();
    return () => {};
  }
  document.addEventListener("fullscreenchange", () => {
    button?.setAttribute("aria-pressed", String(document.fullscreenElement !== null));
  });
  return () => {
    const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    request.catch(() => {
      // Refused (no user gesture, or an embedding frame forbids it): nothing to undo.
    });
  };
}
