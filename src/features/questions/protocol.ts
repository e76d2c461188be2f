/** The audience's questions: phones ask and upvote, the presenter moderates. */
import * as v from "valibot";
import { message, type MessagesOf } from "../../room/messages.ts";
import { PING_ID_MAX } from "../../room/protocol.ts";
import type { QuestionsReport } from "./rules.ts";

/** Longest question, in characters a person sees (grapheme clusters, after cleaning: src/room/text.ts). */
export const QUESTION_TEXT_MAX = 280;
/** Longest text the message may carry before cleaning, in UTF-16 units: room for 280 emoji sequences and spaces. */
export const QUESTION_RAW_MAX = 4 * QUESTION_TEXT_MAX;

const QuestionId = v.pipe(v.string(), v.maxLength(PING_ID_MAX));

export const QUESTIONS_MESSAGES = {
  /** A question for the presenter: plain text, cleaned by the room, then 1..QUESTION_TEXT_MAX characters (else bad_request). */
  ask: { schema: message("ask", { text: v.pipe(v.string(), v.minLength(1), v.maxLength(QUESTION_RAW_MAX)) }), from: "audience" },
  /** One upvote per participant and question. */
  upvote: { schema: message("upvote", { id: QuestionId }), from: "audience" },
  /** Mark a question answered, hide it, or bring it back. */
  moderate: { schema: message("moderate", { id: QuestionId, action: v.picklist(["answered", "hidden", "open"]) }), from: "presenter" },
} as const;

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof QUESTIONS_MESSAGES> {}
  interface FeatureReports {
    // Presenters get every question; phones a bounded view, and their own in `yours`.
    questions: QuestionsReport;
  }
  interface PatchedReports {
    questions: true;
  }
}
