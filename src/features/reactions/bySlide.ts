/**
 * Reactions per slide, for the talk's record: which slide the room applauded. A batch counts on
 * the slide the room was showing when it arrived (the presenter's, as the public state has it).
 */
import { REACTIONS } from "./protocol.ts";
import { emptyTotals, restoreTotals, sumCounts, type ReactionCounts, type ReactionTotals } from "./tally.ts";

/** More slides than any deck has: a bound on what a presenter's slide numbers can make the room keep. */
export const MAX_SLIDES = 500;

export interface SlideReactions {
  /** 1-based, as the deck numbers its slides. */
  slide: number;
  totals: ReactionTotals;
  total: number;
}

export class ReactionsBySlide {
  private readonly bySlide = new Map<number, ReactionTotals>();

  /** `stored`: what `stored()` gave, read back (slide index → totals); anything else is left out. */
  constructor(stored?: unknown) {
    if (typeof stored !== "object" || stored === null) return;
    for (const [key, totals] of Object.entries(stored)) {
      const index = Number(key);
      if (Number.isInteger(index) && index >= 0 && index < MAX_SLIDES) this.bySlide.set(index, restoreTotals(totals));
    }
  }

  /** A batch that arrived while slide `index` (0-based) was shown. */
  add(index: number, counts: ReactionCounts): void {
    if (!Number.isInteger(index) || index < 0 || index >= MAX_SLIDES) return;
    const totals = this.bySlide.get(index) ?? emptyTotals();
    for (const reaction of REACTIONS) totals[reaction] += counts[reaction] ?? 0;
    this.bySlide.set(index, totals);
  }

  clear(): void {
    this.bySlide.clear();
  }

  stored(): Record<number, ReactionTotals> {
    return Object.fromEntries(this.bySlide);
  }

  /** The slides that got any, in the deck's order. */
  export(): SlideReactions[] {
    return [...this.bySlide]
      .sort(([a], [b]) => a - b)
      .map(([index, totals]) => ({ slide: index + 1, totals: { ...totals }, total: sumCounts(totals) }))
      .filter(({ total }) => total > 0);
  }
}
