import { useCallback, useState, useSyncExternalStore } from "react";
import { getPosition, subscribe } from "./position.ts";

/** The index of the slide an island sits in (null outside a deck). Attach `ref` to the island's root. */
export function useSlideIndex<T extends Element>(): [(node: T | null) => void, number | null] {
  const [slide, setSlide] = useState<number | null>(null);
  const ref = useCallback((node: T | null) => {
    const section = node?.closest<HTMLElement>("[data-slide-index]");
    setSlide(section ? Number(section.dataset.slideIndex) : null);
  }, []);
  return [ref, slide];
}

/** A step number past every reveal: what a slide looks like when it is fully shown. */
export const FINAL_STEP = Number.POSITIVE_INFINITY;

/**
 * The current step of the slide this island sits in. Attach `ref` to the island's root.
 * Before the deck boots, on the server, and for slides already passed, it is FINAL_STEP, so
 * static HTML, print and readers see the finished diagram; slides ahead of the presenter are at 0.
 */
export function useSlideStep<T extends Element>(): [(node: T | null) => void, number] {
  const [ref, slide] = useSlideIndex<T>();

  const step = useSyncExternalStore(
    subscribe,
    () => {
      const position = getPosition();
      if (!position || slide === null) return FINAL_STEP;
      if (position.slide === slide) return position.step;
      return position.slide > slide ? FINAL_STEP : 0;
    },
    () => FINAL_STEP,
  );
  return [ref, step];
}
