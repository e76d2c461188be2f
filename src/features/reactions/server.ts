/**
 * Reactions: phones send their taps in batches (`react`, at most one per ~300 ms each), the
 * room keeps exact totals per emoji, stores them (the talk's record: a restart keeps them) and
 * sends them to phones and screens coalesced, at most every REACTIONS_REPORT_MS: a hundred
 * batches in a window make one broadcast, and one write, not a hundred.
 */
import { defineFeature } from "../../room/feature.ts";
import { REACTIONS_MESSAGES } from "./protocol.ts";
import { ReactionsBySlide } from "./bySlide.ts";
import type { SummedReact } from "./sum.ts";
import { REACTIONS_REPORT_MS, ReactionTally, restoreTotals } from "./tally.ts";

/** Storage keys of the totals and the totals per slide (small objects, rewritten before each report that changed them). */
const TOTALS_KEY = "reactions:totals";
const SLIDES_KEY = "reactions:slides";

export const reactions = defineFeature("reactions", REACTIONS_MESSAGES, (host) => {
  let tally = new ReactionTally();
  let bySlide = new ReactionsBySlide();
  // Totals changed since the last write. Written per report, not per batch: at a thousand
  // phones a write per batch was a commit per message, and the room fell behind its own storm.
  let unsaved = false;

  const persist = () => {
    if (!unsaved) return;
    unsaved = false;
    host.storage.put({ [TOTALS_KEY]: tally.totals, [SLIDES_KEY]: bySlide.stored() }).catch((error: unknown) => console.error("reactions: put", error));
  };

  return {
    async load() {
      tally = new ReactionTally(restoreTotals(await host.storage.get(TOTALS_KEY)));
      bySlide = new ReactionsBySlide(await host.storage.get(SLIDES_KEY));
    },
    // The audience reacts (the table refuses anyone else); the projector's screen and the presenter watch.
    // A phone's batch, or a hall's sum of its phones' batches (sum.ts: it says how many).
    message(message) {
      tally.add(message.counts, (message as Partial<SummedReact>).batches);
      bySlide.add(host.state().slide, message.counts);
      unsaved = true;
      host.changed();
    },
    reset() {
      tally.clear();
      bySlide.clear();
      unsaved = true;
    },
    persist,
    report: () => tally.report(),
    audienceReport: () => tally.report(),
    audienceEveryMs: REACTIONS_REPORT_MS,
    export: () => {
      const { totals, total } = tally.report();
      return { totals, total, slides: bySlide.export() };
    },
  };
});
