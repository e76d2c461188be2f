import * as moves from "../position.ts";
import type { Position } from "../position.ts";
import { getPosition, setPosition, subscribe } from "../../live/position.ts";

/**
 * The deck in the page: its slides, their step counts and the moves between them.
 * Controllers (keyboard, touch, location, view…) each own one behaviour and talk only to this.
 */
export interface Deck {
  readonly root: HTMLElement;
  readonly slides: readonly HTMLElement[];
  readonly stepCounts: readonly number[];
  /** The site's base path, e.g. "/". */
  readonly base: string;
  position(): Position;
  go(position: Position): void;
  next(): void;
  previous(): void;
  first(): void;
  last(): void;
  /** Called after every move, with the position before it (`null` on the first one). */
  onMove(listener: (position: Position, before: Position | null) => void): () => void;
}

export function createDeck(root: HTMLElement): Deck {
  const slides = [...root.querySelectorAll<HTMLElement>("[data-slide-index]")];
  const stepCounts = slides.map((slide) => Number(slide.dataset.steps ?? 0));
  const position = () => getPosition() ?? moves.first();
  const go = (target: Position) => setPosition(moves.clamp(target, stepCounts));

  return {
    root,
    slides,
    stepCounts,
    base: root.dataset.base ?? "/",
    position,
    go,
    next: () => go(moves.next(position(), stepCounts)),
    previous: () => go(moves.previous(position(), stepCounts)),
    first: () => go(moves.first()),
    last: () => go(moves.last(stepCounts)),
    onMove: subscribe,
  };
}
