/**
 * A hall's sum of its phones' reactions (docs/SCALE.md, "Halls"). Taps are counted, never
 * answered, so a hall adds up the batches its phones send between two frames up its link, and the
 * talk gets one sum per frame instead of one message per batch: in a storm of 10,000 phones,
 * 20,000 messages a second become at most 400. Exact: the talk adds a sum as it adds a batch.
 * Server-only (src/party/hall.ts sums, src/party/server.ts reads).
 */
import * as v from "valibot";
import { Int } from "../../room/messages.ts";
import { REACTIONS } from "./protocol.ts";
import type { ReactionCounts } from "./tally.ts";

const Count = Int(1, Number.MAX_SAFE_INTEGER);
const SUM = v.object({ type: v.literal("react"), counts: v.record(v.picklist(REACTIONS), Count), batches: Count });

/** What the talk's reactions add: a phone's batch (`batches` absent: one), or a hall's sum of many. */
export type SummedReact = v.InferOutput<typeof SUM>;

export class ReactionsSum {
  private counts: ReactionCounts = {};
  private batches = 0;

  /** One phone's batch (already checked by the hall, as the talk would). */
  add(counts: ReactionCounts): void {
    for (const reaction of REACTIONS) {
      const taps = counts[reaction];
      if (taps) this.counts[reaction] = (this.counts[reaction] ?? 0) + taps;
    }
    this.batches += 1;
  }

  /** The sum so far as a message for the link (JSON), or null when no batch came; starts over. */
  take(): string | null {
    if (this.batches === 0) return null;
    const sum: SummedReact = { type: "react", counts: this.counts, batches: this.batches };
    this.counts = {};
    this.batches = 0;
    return JSON.stringify(sum);
  }
}

/** A hall's sum, read by the talk (which trusts no one's bytes, its halls' included), or null. */
export function readSum(json: string): SummedReact | null {
  try {
    const parsed = v.safeParse(SUM, JSON.parse(json));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}
