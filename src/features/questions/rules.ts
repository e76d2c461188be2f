/**
 * Questions from the audience: the limits, how a question's text is cleaned, and the order the
 * room shows them in. Pure rules shared by the server (src/features/questions/server.ts keeps the
 * questions) and the browser (which draws the lists).
 */
import { audienceText } from "../../room/text.ts";
import { QUESTION_TEXT_MAX } from "./protocol.ts";

export { QUESTION_TEXT_MAX };
/** Open questions one participant may have at a time (answered or hidden ones don't count). */
export const OPEN_PER_PARTICIPANT_MAX = 3;
/** Open questions a room holds at a time: more than a talk can answer, a bound on the lists' size. */
export const OPEN_PER_ROOM_MAX = 200;
/** Questions a room keeps in all (hidden and answered included): a bound on storage. */
export const QUESTIONS_MAX = 1000;

export const QUESTION_STATUSES = ["open", "answered", "hidden"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** A question as the room shows it. Never who asked it, nor who upvoted it. */
export interface QuestionView {
  id: string;
  text: string;
  votes: number;
  status: QuestionStatus;
  /** Server time it was asked (ms since the epoch). */
  at: number;
}

/** The presenters' report: every question, hidden ones included. */
export interface QuestionsReport {
  questions: QuestionView[];
  open: number;
}

/**
 * What a phone hears: the open and answered questions. Sent to every phone alike, so it says
 * nothing personal; `you` is only in the copy sent to one phone right after it asked or upvoted.
 */
export interface QuestionsAudienceReport extends QuestionsReport {
  you?: QuestionAck;
}

/** To the phone that asked (`asked`) or upvoted (`upvoted`): which question it was. */
export interface QuestionAck {
  asked?: string;
  upvoted?: string;
}

export const QUESTION_ID_PATTERN = /^q[1-9][0-9]{0,8}$/;

/** The text as the room keeps it (src/room/text.ts): one visible line. Empty: nothing to ask. */
export function normalizeQuestionText(text: string): string {
  return audienceText(text);
}

const STATUS_ORDER: Readonly<Record<QuestionStatus, number>> = { open: 0, answered: 1, hidden: 2 };

/** Open first, then answered, then hidden; within each, most votes first, then the oldest. */
export function compareQuestions(a: QuestionView, b: QuestionView): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.votes - a.votes || a.at - b.at || idNumber(a.id) - idNumber(b.id);
}

export function idNumber(id: string): number {
  return Number(id.slice(1)) || 0;
}
