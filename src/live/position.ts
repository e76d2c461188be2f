/** Where the deck is: a slide (0-based) and a step inside it (0 = nothing revealed yet). */
export interface Position {
  slide: number;
  step: number;
}

/**
 * The deck's current position in the browser, shared by the deck controllers and the
 * React islands inside slides (diagrams, later the demos). `null` until a deck boots, so an
 * island rendered outside a deck (a reader page, the server) shows its final state.
 */
type Listener = (position: Position, before: Position | null) => void;

let current: Position | null = null;
const listeners = new Set<Listener>();

export function getPosition(): Position | null {
  return current;
}

export function setPosition(position: Position): void {
  const before = current;
  if (before && before.slide === position.slide && before.step === position.step) return;
  current = { slide: position.slide, step: position.step };
  for (const listener of listeners) listener(current, before);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
