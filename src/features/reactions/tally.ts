/**
 * The room's reactions: exact running totals per emoji, fed by the phones' batches. Pure, so the
 * server keeps one and the tests can add a thousand batches and check nothing was lost.
 *
 * Coalescing happens twice and never drops a tap that arrived: a phone sums its taps into one `react` every
 * few hundred ms (see batch.ts), and the room sends the totals out at most every
 * REACTIONS_REPORT_MS however many batches arrived. Totals are absolute, so a report that is
 * merged with the next one, or missed, costs nothing: the next report is exact again. A screen
 * floats the difference between two reports it saw (`floats`).
 */
import { REACTIONS, type Reaction } from "./protocol.ts";

export type ReactionCounts = Partial<Record<Reaction, number>>;
export type ReactionTotals = Record<Reaction, number>;

/** How often phones and screens hear the totals while reactions arrive (coalesced: ≤ 10 a second). */
export const REACTIONS_REPORT_MS = 100;

/** What phones, the presenter and the projector get (`report` messages for "reactions"). */
export interface ReactionsReport {
  totals: ReactionTotals;
  /** Sum of the totals. */
  total: number;
  /** Batches (`react` messages) counted since the last reset: messages in, against reports out. */
  batches: number;
}

export function emptyTotals(): ReactionTotals {
  return Object.fromEntries(REACTIONS.map((reaction) => [reaction, 0])) as ReactionTotals;
}

export function sumCounts(counts: ReactionCounts): number {
  let sum = 0;
  for (const reaction of REACTIONS) sum += counts[reaction] ?? 0;
  return sum;
}

/** Per reaction, how many more `next` has than `previous` (what a screen floats); empty when nothing grew. */
export function floats(previous: ReactionCounts, next: ReactionCounts): ReactionCounts {
  const grown: ReactionCounts = {};
  for (const reaction of REACTIONS) {
    const more = (next[reaction] ?? 0) - (previous[reaction] ?? 0);
    if (more > 0) grown[reaction] = more;
  }
  return grown;
}

/** Totals read back from storage: anything that isn't a non-negative integer counts as 0. */
export function restoreTotals(stored: unknown): ReactionTotals {
  const totals = emptyTotals();
  if (typeof stored !== "object" || stored === null) return totals;
  for (const reaction of REACTIONS) {
    const value = (stored as Record<string, unknown>)[reaction];
    if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) totals[reaction] = value;
  }
  return totals;
}

export class ReactionTally {
  private current: ReactionTotals;
  private batches = 0;

  constructor(totals: ReactionTotals = emptyTotals()) {
    this.current = { ...totals };
  }

  /** One phone's batch (already validated: known reactions, 1..50 each), or a hall's sum of `batches` of them (sum.ts). */
  add(counts: ReactionCounts, batches = 1): void {
    const next = { ...this.current };
    for (const reaction of REACTIONS) next[reaction] += counts[reaction] ?? 0;
    this.current = next;
    this.batches += batches;
  }

  clear(): void {
    this.current = emptyTotals();
    this.batches = 0;
  }

  /** A copy: what the storage keeps. */
  get totals(): ReactionTotals {
    return { ...this.current };
  }

  report(): ReactionsReport {
    return { totals: this.totals, total: sumCounts(this.current), batches: this.batches };
  }
}
