/** Reactions: phones send their taps in batches. */
import * as v from "valibot";
import { Int, message, type MessagesOf } from "../../room/messages.ts";
import type { ReactionsReport } from "./tally.ts";

/** The reactions a phone can send. */
export const REACTIONS = ["👏", "❤️", "😂", "🤯", "🐍", "🔥"] as const;
export type Reaction = (typeof REACTIONS)[number];

export const REACTIONS_MESSAGES = {
  /** Taps since the last batch, per reaction (phones batch: a few messages a second at most). */
  react: {
    schema: message("react", {
      counts: v.pipe(
        v.record(v.picklist(REACTIONS), Int(1, 50)),
        v.check((counts) => Object.keys(counts).length > 0, "empty"),
      ),
    }),
    from: "audience",
  },
} as const;

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof REACTIONS_MESSAGES> {}
  interface FeatureReports {
    reactions: ReactionsReport;
  }
}
