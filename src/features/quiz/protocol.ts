/**
 * The quiz race: questions declared in slides, started by the presenter, answered against a
 * countdown on the server's clock, points for speed measured from when the question reached each
 * phone, and a leaderboard across the room's questions.
 */
import * as v from "valibot";
import { Int, message, type MessagesOf } from "../../room/messages.ts";
import type { QuizReport } from "./rules.ts";

export const QUIZ_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const QUIZ_QUESTION_MAX = 140;
export const QUIZ_OPTION_MAX = 60;
export const QUIZ_OPTIONS_MIN = 2;
/** Four, as Kahoot: four big buttons fit a 360×640 phone. */
export const QUIZ_OPTIONS_MAX = 4;
export const QUIZ_SECONDS_MIN = 5;
export const QUIZ_SECONDS_MAX = 120;
/** Longest nickname, in characters a person sees (grapheme clusters, after cleaning: src/room/text.ts). */
export const NICKNAME_MAX = 20;
/** Longest nickname the message may carry before cleaning, in UTF-16 units. */
export const NICKNAME_RAW_MAX = 4 * NICKNAME_MAX;
/** Player numbers: one per participant who played (a bound far above any room). */
export const PLAYER_MAX = 1_000_000;

const QuizId = v.pipe(v.string(), v.regex(QUIZ_ID_PATTERN));

export const QuizDefinitionSchema = v.pipe(
  v.strictObject({
    id: QuizId,
    question: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(QUIZ_QUESTION_MAX)),
    options: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(QUIZ_OPTION_MAX))), v.minLength(QUIZ_OPTIONS_MIN), v.maxLength(QUIZ_OPTIONS_MAX)),
    /** The right option's index. */
    answer: Int(0, QUIZ_OPTIONS_MAX - 1),
    seconds: Int(QUIZ_SECONDS_MIN, QUIZ_SECONDS_MAX),
  }),
  v.check((quiz) => quiz.answer < quiz.options.length, "answer"),
);
export type QuizDefinition = v.InferOutput<typeof QuizDefinitionSchema>;

export const QUIZ_MESSAGES = {
  /**
   * Put a question on screen (created the first time, as the slide declares it), start its
   * countdown, end it early, or show the leaderboard after it.
   */
  quiz: { schema: message("quiz", { action: v.picklist(["show", "start", "end", "leaderboard"]), quiz: QuizDefinitionSchema }), from: "presenter" },
  /** Sent by the phone the moment a started question reaches it: its clock starts then (see rules.ts). */
  quizSeen: { schema: message("quizSeen", { quiz: QuizId }), from: "audience" },
  /** This participant's one answer to a started question. */
  quizAnswer: { schema: message("quizAnswer", { quiz: QuizId, option: Int(0, QUIZ_OPTIONS_MAX - 1) }), from: "audience" },
  /** This participant's nickname on the leaderboard (cleaned; empty: anonymous). */
  nickname: { schema: message("nickname", { name: v.pipe(v.string(), v.maxLength(NICKNAME_RAW_MAX)) }), from: "audience" },
  /** Hide a player's nickname from everyone but the presenter (or show it again). */
  hideNickname: { schema: message("hideNickname", { player: Int(1, PLAYER_MAX), hidden: v.boolean() }), from: "presenter" },
} as const;

declare module "../../room/protocol.ts" {
  interface ClientMessages extends MessagesOf<typeof QUIZ_MESSAGES> {}
  interface FeatureReports {
    // Presenters get hidden nicknames (to moderate them); phones and the projector never.
    quiz: QuizReport;
  }
  interface PatchedReports {
    quiz: true;
  }
}
