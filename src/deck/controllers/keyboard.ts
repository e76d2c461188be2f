import type { Deck } from "./deck.ts";

export interface KeyboardActions {
  toggleOverview(): void;
  toggleHelp(): void;
  toggleNotes(): void;
  toggleFullscreen(): void;
}

/** Keys of the best decks: arrows, Space, PageUp/PageDown, Home/End; letters for the panels. */
export function mountKeyboard(deck: Deck, actions: KeyboardActions): void {
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    // While a dialog is open it owns the keyboard (Esc closes it natively).
    if (document.querySelector("dialog[open]")) return;

    const onControl = event.target instanceof Element && event.target.closest("button, a, summary") !== null;
    const move = moveFor(event, onControl);
    if (move) {
      event.preventDefault();
      deck[move]();
      return;
    }
    const action = actionFor(event.key);
    if (action) {
      event.preventDefault();
      actions[action]();
    }
  });
}

function moveFor(event: KeyboardEvent, onControl: boolean): "next" | "previous" | "first" | "last" | null {
  switch (event.key) {
    case "ArrowRight":
    case "PageDown":
      return "next";
    case "ArrowLeft":
    case "PageUp":
      return "previous";
    case " ":
      // Space on a focused button or link presses it, as everywhere else on the web.
      if (onControl) return null;
      return event.shiftKey ? "previous" : "next";
    case "Home":
      return "first";
    case "End":
      return "last";
    default:
      return null;
  }
}

function actionFor(key: string): keyof KeyboardActions | null {
  switch (key) {
    case "o":
    case "O":
    case "Escape":
      return "toggleOverview";
    case "?":
      return "toggleHelp";
    case "n":
    case "N":
      return "toggleNotes";
    case "f":
    case "F":
      return "toggleFullscreen";
    default:
      return null;
  }
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}
