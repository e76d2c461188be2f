/**
 * Questions from the audience: the limits, how a question's text is cleaned, the order the room
 * shows them in, and what of them a phone sees. Pure rules shared by the server
 * (src/features/questions/server.ts keeps the questions) and the browser (which draws the lists).
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

/** A question in a report, whose `questions` (or `yours`) keeps it under its id. */
export type QuestionEntry = Omit<QuestionView, "id">;

/**
 * The questions report (`feature: "questions"`). Whole on connect and after a reset, otherwise a
 * patch of what changed (src/room/patch.ts): a vote is `{"questions":{"q12":{"votes":42}}}`.
 */
export interface QuestionsReport {
  /** Presenters and screens: every question, hidden ones too. Phones: the view (audienceView). */
  questions: Record<string, QuestionEntry>;
  /** Open questions in the room (phones' view may show fewer). */
  open: number;
  /** To one phone: its own questions that are not hidden, wherever they rank. */
  yours?: Record<string, QuestionEntry>;
  /** To one phone: the last question it asked (`asked`) and upvoted (`upvoted`). */
  you?: QuestionAck;
}

/** To the phone that asked (`asked`) or upvoted (`upvoted`): which question it was. */
export interface QuestionAck {
  asked?: string;
  upvoted?: string;
}

/** Open questions a phone's view holds: the most voted. */
export const VIEW_OPEN = 30;
/** Answered questions a phone's view holds after the open ones: the most voted. */
export const VIEW_ANSWERED = 10;

/**
 * What every phone sees of the room's questions, the same for all: the VIEW_OPEN open ones with
 * most votes, then the VIEW_ANSWERED answered ones with most votes; never hidden ones. A bound
 * on what a phone receives however many questions the room holds. `sorted`: in the room's order.
 */
export function audienceView(sorted: readonly QuestionView[]): QuestionView[] {
  const open = sorted.filter((question) => question.status === "open").slice(0, VIEW_OPEN);
  const answered = sorted.filter((question) => question.status === "answered").slice(0, VIEW_ANSWERED);
  return [...open, ...answered];
}

/** A question as a report carries it, under its id. */
export function entryOf({ text, votes, status, at }: QuestionView): QuestionEntry {
  return { text, votes, status, at };
}

/** Questions keyed by id, as a report carries them. */
export function entries(questions: readonly QuestionView[]): Record<string, QuestionEntry> {
  return Object.fromEntries(questions.map((question) => [question.id, entryOf(question)]));
}

/** Questions keyed by id (a report's), as a list in the room's order. */
export function questionList(questions: Readonly<Record<string, QuestionEntry>>): QuestionView[] {
  return Object.entries(questions)
    .map(([id, entry]) => ({ id, ...entry }))
    .sort(compareQuestions);
}

/**
 * What a phone lists: the view every phone shares and its own questions wherever they rank (the
 * view's copy first: every phone has it).
 */
export function phoneList(report: Pick<QuestionsReport, "questions" | "yours">): QuestionView[] {
  return questionList({ ...report.yours, ...report.questions });
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
