import type { Deck } from "./deck.ts";

export interface KeyboardActions {
  toggleOverview(): void;
  toggleHelp(): void;
  toggleNotes(): void;
  toggleFullscreen(): void;
}

export interface KeyboardOptions {
  /**
   * Space moves the deck even on a focused button (Enter presses it). On the presenter's page a
   * click on a demo's button leaves focus there, and Space must not press it again: it closed a
   * poll and paused the timer in the middle of a talk.
   */
  spaceAlwaysMoves?: boolean;
  /** The keys move the deck (not in the projector's window, which only follows the room). */
  moves?: boolean;
}

/** Keys of the best decks: arrows, Space, PageUp/PageDown, Home/End; letters for the panels. */
export function mountKeyboard(deck: Deck, actions: Partial<KeyboardActions>, options: KeyboardOptions = {}): void {
  const { spaceAlwaysMoves = false, moves = true } = options;
  document.addEventListener("keydown", (event) => {
    if (!isDeckKey(event)) return;
    const onControl = !spaceAlwaysMoves && event.target instanceof Element && event.target.closest("button, a, summary") !== null;
    const move = moves ? moveFor(event, onControl) : null;
    if (move) {
      event.preventDefault(); // on a focused button, this also keeps Space from pressing it
      deck[move]();
      return;
    }
    const name = actionFor(event.key);
    const action = name ? actions[name] : undefined;
    if (action) {
      event.preventDefault();
      action();
    }
  });
}

/**
 * A key press the deck's shortcuts may take: not already handled, no Ctrl/Cmd/Alt, not typed into
 * a field, and no dialog open (while one is, it owns the keyboard; Esc closes it natively).
 */
export function isDeckKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isTyping(event.target)) return false;
  return document.querySelector("dialog[open]") === null;
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
      // Space on a focused button or link presses it, as everywhere else on the web (except the presenter's page).
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
