import { useState, type ReactNode } from "react";
import {
  LazyMotion,
  MotionConfig,
  domAnimation,
  useReducedMotionConfig,
  type Transition,
} from "framer-motion";
import { FINAL_STEP } from "../live/useSlide.ts";

/**
 * The motion context every diagram renders in: the small `m` bundle (domAnimation), and
 * reducedMotion="user", so people who ask for less motion get no travelling or growing.
 */
export function DiagramMotion({ children }: { children: ReactNode }) {
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion="user">{children}</MotionConfig>
    </LazyMotion>
  );
}

/** Easing shared by the diagrams: the deck's --ease-out. */
export const EASE_OUT = [0.22, 1, 0.36, 1] as const;

/**
 * Transitions for a diagram inside <DiagramMotion>. framer only makes transforms and box sizes
 * instant under reduced motion; this also makes clip-path, opacity and colours instant, so the
 * same content simply appears.
 */
export function useMotionPreference(): {
  reduce: boolean;
  transition: (transition: Transition) => Transition;
} {
  const reduce = useReducedMotionConfig() === true;
  return { reduce, transition: (transition) => (reduce ? { duration: 0 } : transition) };
}

/** Seconds between parts revealed by one jump over several steps, so they still play in order. */
export const STAGGER_SECONDS = 0.45;

export interface Reveal {
  /** The slide has reached this part's step. */
  shown: boolean;
  /**
   * How many times the part has just been reached going forward during the talk (never on the
   * first render, nor for a slide already passed: those show the finished diagram at once).
   * Use it as a `key` to replay a one-off animation.
   */
  arrivals: number;
  /** Delay for the entrance, when one move reveals several steps at once (0 otherwise). */
  delay: number;
}

/** Follows the slide's step for a part revealed at step `at` (0 or absent: from the start). */
export function useReveal(step: number, at: number | undefined): Reveal {
  const target = at ?? 0;
  const [previous, setPrevious] = useState(step);
  const [arrival, setArrival] = useState({ arrivals: 0, delay: 0 });
  // Adjusting state while rendering (React's pattern for "state from the previous props"): the
  // new delay lands in the same commit as `shown`, so the entrance starts with it.
  if (step !== previous) {
    setPrevious(step);
    if (step !== FINAL_STEP && previous < target && step >= target) {
      const skipped = Math.min(Math.max(target - previous - 1, 0), 4);
      setArrival({ arrivals: arrival.arrivals + 1, delay: skipped * STAGGER_SECONDS });
    }
  }
  return { shown: step >= target, arrivals: arrival.arrivals, delay: arrival.delay };
}

/** Reveal step for `data-step`: only a positive step hides anything, so 0/absent adds no attribute. */
export function stepAttribute(step: number | undefined): number | undefined {
  return step !== undefined && step > 0 ? step : undefined;
}
