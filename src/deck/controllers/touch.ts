import type { Deck } from "./deck.ts";

const MIN_DISTANCE = 50; // px: shorter drags are taps or scroll jitter
const MAX_DURATION = 800; // ms: slower drags are someone reading, not swiping

/** A horizontal swipe on the slide moves one step: left for next, right for previous. */
export function mountTouch(deck: Deck, area: HTMLElement): void {
  let start: { x: number; y: number; time: number } | null = null;

  area.addEventListener(
    "touchstart",
    (event) => {
      const touch = event.touches[0];
      start = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY, time: event.timeStamp } : null;
    },
    { passive: true },
  );
  area.addEventListener(
    "touchend",
    (event) => {
      const touch = event.changedTouches[0];
      if (!start || !touch) return;
      const dx = touch.clientX - start.x;
      const dy = touch.clientY - start.y;
      const quick = event.timeStamp - start.time <= MAX_DURATION;
      start = null;
      // Mostly sideways, or it was a vertical scroll through a long slide on a phone.
      if (!quick || Math.abs(dx) < MIN_DISTANCE || Math.abs(dx) < Math.abs(dy) * 1.5) return;
      if (dx < 0) deck.next();
      else deck.previous();
    },
    { passive: true },
  );
  area.addEventListener("touchcancel", () => (start = null), { passive: true });
}
