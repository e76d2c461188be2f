/** How the deck moves between positions (src/live/position.ts): pure rules. */
import type { Position } from "../live/position.ts";

export type { Position };

/** Steps per slide, in deck order: `stepCounts[i]` is the number of reveals on slide i. */
export type StepCounts = readonly number[];

export function clamp(position: Position, stepCounts: StepCounts): Position {
  const last = stepCounts.length - 1;
  const slide = Math.min(Math.max(Math.trunc(position.slide), 0), Math.max(last, 0));
  const step = Math.min(Math.max(Math.trunc(position.step), 0), stepCounts[slide] ?? 0);
  return { slide, step };
}

/** One step forward, or the next slide at step 0; stays put at the very end. */
export function next(position: Position, stepCounts: StepCounts): Position {
  const { slide, step } = clamp(position, stepCounts);
  if (step < (stepCounts[slide] ?? 0)) return { slide, step: step + 1 };
  if (slide < stepCounts.length - 1) return { slide: slide + 1, step: 0 };
  return { slide, step };
}

/** One step back, or the previous slide fully revealed (as it was left); stays put at the start. */
export function previous(position: Position, stepCounts: StepCounts): Position {
  const { slide, step } = clamp(position, stepCounts);
  if (step > 0) return { slide, step: step - 1 };
  if (slide > 0) return { slide: slide - 1, step: stepCounts[slide - 1] ?? 0 };
  return { slide, step };
}

export function first(): Position {
  return { slide: 0, step: 0 };
}

/** The last slide, fully revealed. */
export function last(stepCounts: StepCounts): Position {
  const slide = Math.max(stepCounts.length - 1, 0);
  return { slide, step: stepCounts[slide] ?? 0 };
}

export function samePosition(a: Position, b: Position): boolean {
  return a.slide === b.slide && a.step === b.step;
}

/** Fraction of the talk behind us, counting every step as one move. */
export function progress(position: Position, stepCounts: StepCounts): number {
  const total = stepCounts.reduce((sum, steps) => sum + steps + 1, 0) - 1;
  if (total <= 0) return 1;
  const { slide, step } = clamp(position, stepCounts);
  const done = stepCounts.slice(0, slide).reduce((sum, steps) => sum + steps + 1, 0) + step;
  return done / total;
}
