/**
 * The quiz race's rules, pure, shared by the server (which times and scores the answers) and the
 * browser (which draws the countdown, the bars and the leaderboard).
 *
 * Fair timing. The server sets `startedAt` and `endsAt` on its own clock and sends the question;
 * each phone answers "seen" (`quizSeen`) the moment the question reaches it, and the server notes
 * when that receipt arrives. The time a phone took is (its answer's arrival − its receipt's
 * arrival): both instants are read on the server's clock and both messages travel the same path
 * from that phone, so the phone's own latency cancels out. A slow link is not punished.
 *
 * What a cheat can gain, and no more: a receipt only counts if it arrives within SEEN_MAX_MS of
 * `startedAt` (a later one, or none, starts that phone's clock at startedAt + SEEN_MAX_MS), so
 * holding the receipt back buys at most SEEN_MAX_MS. Answers lock at zero on the server, plus that
 * phone's own one-way transit (half its receipt's delay, at most GRACE_MAX_MS), so a slow phone
 * that answered before zero on its screen is not refused; a phone that sent no receipt in time
 * gets no grace.
 */
import { audienceText, graphemeLength } from "../../room/text.ts";
import { NICKNAME_MAX, type QuizDefinition } from "./protocol.ts";

export type { QuizDefinition };

/** A receipt arriving later than this after `startedAt` doesn't count (the clock starts here then). */
export const SEEN_MAX_MS = 1000;
/** The most an answer may arrive after zero: the phone's one-way transit, capped. */
export const GRACE_MAX_MS = 500;
/** Questions a room keeps: far more than a talk asks, and a bound on storage. */
export const QUIZZES_MAX = 50;
/** Players shown on the leaderboard. */
export const LEADERBOARD_SIZE = 10;
/** Points for a right answer: POINTS_MAX for an instant one, falling linearly to half of it at zero. */
export const POINTS_MAX = 1000;

/**
 * ready: on screen, not started; open: counting down; results: answers locked, the bars and the
 * right answer shown; leaderboard: the ranking shown.
 */
export const QUIZ_PHASES = ["ready", "open", "results", "leaderboard"] as const;
export type QuizPhase = (typeof QUIZ_PHASES)[number];

/** A question as the room keeps it. */
export interface StoredRound {
  definition: QuizDefinition;
  phase: QuizPhase;
  /** Server time it started (ms since the epoch); absent while ready. */
  startedAt?: number;
  /** Server time its countdown reaches zero (startedAt + seconds); earlier if ended early. */
  endsAt?: number;
  /** Answers locked (at endsAt + GRACE_MAX_MS, or when the presenter ended it). */
  closed?: boolean;
}

/** The question on screen, as everyone sees it. The right answer and the counts only once it is locked. */
export interface RoundView {
  id: string;
  question: string;
  options: string[];
  seconds: number;
  phase: QuizPhase;
  startedAt?: number;
  endsAt?: number;
  /** How many answered so far. */
  answered: number;
  /** Once locked: the right option, and the answers per option. */
  answer?: number;
  counts?: number[];
}

/** One line of the leaderboard. `name` absent: anonymous (never set, or hidden by the presenter). */
export interface LeaderEntry {
  player: number;
  name?: string;
  points: number;
  rank: number;
  /** Presenters only: the presenter hid this nickname (the name is still shown to them). */
  hidden?: true;
}

export interface Scored {
  points: number;
  ms: number;
}

/** To one phone: who it is in the quiz and how it is doing. */
export interface QuizYou {
  player?: number;
  name?: string;
  /** Its answers: question id → option. */
  answers?: Record<string, number>;
  /** Per locked question it answered: its points, and the time it took (from when the question reached it). */
  scored?: Record<string, Scored>;
  points?: number;
  rank?: number;
}

/**
 * The quiz report (`feature: "quiz"`), whole on connect and after a reset, otherwise a patch of
 * what changed (src/room/patch.ts). Phones and the projector get the same; presenters also see
 * hidden nicknames, marked. `you` reaches one phone alone.
 */
export interface QuizReport {
  current?: RoundView;
  /**
   * The top LEADERBOARD_SIZE players across every question of the room. Phones and the projector
   * get it only while the leaderboard is on screen, so the presenter can hide a nickname first.
   */
  leaderboard: LeaderEntry[];
  /** Players who answered at least once. */
  players: number;
  you?: QuizYou;
}

/** When this phone's clock starts: its receipt's arrival if it came in time, else startedAt + SEEN_MAX_MS. */
export function clockStart(startedAt: number, seenAt: number | undefined): number {
  return seenAt !== undefined && seenAt - startedAt <= SEEN_MAX_MS ? Math.max(seenAt, startedAt) : startedAt + SEEN_MAX_MS;
}

/** How long after zero this phone's answer may still arrive: its one-way transit, capped; none without a timely receipt. */
export function graceFor(startedAt: number, seenAt: number | undefined): number {
  if (seenAt === undefined || seenAt - startedAt > SEEN_MAX_MS) return 0;
  return Math.min(GRACE_MAX_MS, Math.max(0, Math.round((seenAt - startedAt) / 2)));
}

/** Points for an answer: 0 if wrong, else round(1000 × (1 − (taken / window) / 2)), 500..1000. */
export function pointsFor(correct: boolean, takenMs: number, windowMs: number): number {
  if (!correct) return 0;
  const share = windowMs > 0 ? Math.min(1, Math.max(0, takenMs / windowMs)) : 1;
  return Math.round(POINTS_MAX * (1 - share / 2));
}

export type AnswerRefusal = "no_quiz" | "quiz_closed" | "already_answered" | "bad_option";

export interface Judged {
  /** ms from this phone's clock start to its answer's arrival (≥ 0). */
  taken: number;
  points: number;
}

/**
 * An answer arriving at `at` (server time) from a phone whose receipt arrived at `seenAt`: its
 * time and points, or why it is refused. `answered`: this participant already answered.
 */
export function judgeAnswer(round: StoredRound | undefined, option: number, at: number, seenAt: number | undefined, answered: boolean): Judged | { refusal: AnswerRefusal } {
  if (!round || round.startedAt === undefined || round.endsAt === undefined) return { refusal: "no_quiz" };
  if (!Number.isInteger(option) || option < 0 || option >= round.definition.options.length) return { refusal: "bad_option" };
  if (answered) return { refusal: "already_answered" };
  if (round.closed || at > round.endsAt + graceFor(round.startedAt, seenAt)) return { refusal: "quiz_closed" };
  const taken = Math.max(0, at - clockStart(round.startedAt, seenAt));
  return { taken, points: pointsFor(option === round.definition.answer, taken, round.definition.seconds * 1000) };
}

/** When the server locks a question: zero plus the largest grace any phone may have. */
export function lockAt(round: StoredRound): number | null {
  return round.endsAt === undefined || round.closed ? null : round.endsAt + GRACE_MAX_MS;
}

export type NicknameResult = { ok: true; name: string } | { ok: false };

/** A nickname as the room keeps it: cleaned like questions' text, at most NICKNAME_MAX characters; "" is anonymous. */
export function cleanNickname(raw: string): NicknameResult {
  const name = audienceText(raw);
  return graphemeLength(name) > NICKNAME_MAX ? { ok: false } : { ok: true, name };
}

/** A player's standing: their number (order of joining the quiz) and total points. */
export interface Standing {
  player: number;
  points: number;
}

/**
 * The players in leaderboard order, each with a rank: most points first; equal points share a
 * rank (1, 2, 2, 4) and are listed by who joined the quiz first.
 */
export function rankPlayers<T extends Standing>(players: Iterable<T>): Array<T & { rank: number }> {
  const sorted = [...players].sort((a, b) => b.points - a.points || a.player - b.player);
  let rank = 0;
  return sorted.map((player, index) => {
    if (index === 0 || sorted[index - 1]!.points !== player.points) rank = index + 1;
    return { ...player, rank };
  });
}

/** Answers per option. */
export function countAnswers(options: number, answers: Iterable<number>): number[] {
  const counts = Array.from({ length: options }, () => 0);
  for (const option of answers) if (option >= 0 && option < options) counts[option]! += 1;
  return counts;
}

/** Milliseconds left on a countdown ending at `endsAt` (server time), for a device whose clock is `offset` behind the server's. */
export function remainingMs(endsAt: number, deviceNow: number, offset: number): number {
  return Math.max(0, endsAt - (deviceNow + offset));
}

/** What a screen reader hears of the countdown: whole seconds at these marks only, not every second. */
export const ANNOUNCED_SECONDS: readonly number[] = [60, 30, 20, 10, 5];

/** The mark to announce for `seconds` left (the last one passed), or null before the first. */
export function announcedMark(seconds: number, total: number): number | null {
  if (seconds <= 0) return 0;
  const marks = ANNOUNCED_SECONDS.filter((mark) => mark < total && mark >= seconds);
  return marks.length > 0 ? Math.min(...marks) : null;
}
