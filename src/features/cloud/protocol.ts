/** The word cloud: phones send short answers to a prompt, the room counts them by a normalised key. */
import * as v from "valibot";
import { message, type MessagesOf } from "../../room/messages.ts";
import type { CloudReport } from "./rules.ts";

export const CLOUD_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const PROMPT_MAX = 140;
/** Longest answer, in characters a person sees (grapheme clusters, after cleaning: src/room/text.ts). */
export const ANSWER_TEXT_MAX = 25;
/** Longest text the message may carry before cleaning, in UTF-16 units: room for emoji sequences and spaces. */
export const ANSWER_RAW_MAX = 4 * ANSWER_TEXT_MAX;
/** A word's key as the presenter names it to hide it (a key is never longer than its answer). */
export const KEY_MAX = ANSWER_RAW_MAX;

const CloudId = v.pipe(v.string(), v.regex(CLOUD_ID_PATTERN));

export const CloudDefinitionSchema = v.strictObject({
  id: CloudId,
  prompt: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(PROMPT_MAX)),
});
export type CloudDefinition = v.InferOutput<typeof CloudDefinitionSchema>;

export const CLOUD_MESSAGES = {
  /** Presenter: declare the cloud (its slide is on screen: created the first time), or empty it (`reset`). */
  cloud: { schema: message("cloud", { action: v.picklist(["show", "reset"]), cloud: CloudDefinitionSchema }), from: "presenter" },
  /** Presenter: hide a word (by its key) from the projector and the phones, or show it again. */
  cloudHide: { schema: message("cloudHide", { cloud: CloudId, key: v.pipe(v.string(), v.minLength(1), v.maxLength(KEY_MAX)), hidden: v.boolean() }), from: "presenter" },
  /** A phone's answer: plain text, cleaned by the room, then 1..ANSWER_TEXT_MAX characters (else bad_request). */
  cloudAnswer: { schema: message("cloudAnswer", { cloud: CloudId, text: v.pipe(v.string(), v.minLength(1), v.maxLength(ANSWER_RAW_MAX)) }), from: "audience" },
} as const;

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof CLOUD_MESSAGES> {}
  interface FeatureReports {
    // Presenters get hidden words too; phones and the projector never.
    cloud: CloudReport;
  }
  interface PatchedReports {
    cloud: true;
  }
}
