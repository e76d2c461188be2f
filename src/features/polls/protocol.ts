/** Polls: declared in a slide, put on screen and opened by the presenter, one ballot per participant. */
import * as v from "valibot";
import { Int, message, type MessagesOf } from "../../room/messages.ts";
import type { PollsReport } from "./rules.ts";

export const POLL_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const QUESTION_MAX = 140;
export const OPTION_MAX = 60;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 6;

export const PollDefinitionSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(POLL_ID_PATTERN)),
  question: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(QUESTION_MAX)),
  options: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(OPTION_MAX))), v.minLength(OPTIONS_MIN), v.maxLength(OPTIONS_MAX)),
});
export type PollDefinition = v.InferOutput<typeof PollDefinitionSchema>;

export const POLLS_MESSAGES = {
  /** Put a poll on screen (creating it the first time, as the slide declares it), open it for votes, or close it. */
  poll: { schema: message("poll", { action: v.picklist(["show", "open", "close"]), poll: PollDefinitionSchema }), from: "presenter" },
  /** This participant's ballot (a second one replaces the first while the poll is open). */
  vote: { schema: message("vote", { poll: v.pipe(v.string(), v.regex(POLL_ID_PATTERN)), option: Int(0, OPTIONS_MAX - 1) }), from: "audience" },
} as const;

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof POLLS_MESSAGES> {}
  interface FeatureReports {
    // Presenters only: where each poll's ballots come from (the counts are in the public state).
    polls: PollsReport;
  }
}
