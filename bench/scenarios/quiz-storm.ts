/**
 * Quiz storm: the presenter starts a quiz question and every phone answers it within W seconds
 * (each at a random moment, as people do), having sent its receipt the moment the question
 * reached it. When the last answer is acknowledged the presenter ends the question, as one would
 * once everyone has answered. Measured: how long until the leaderboard is final (every phone has
 * its points and rank, the presenter the counts and the top 10), the bytes each phone received
 * for the whole question, and whether every score is exactly the rule's for the time the room
 * measured.
 */
import { send } from "../crowd.ts";
import { now } from "../meter.ts";
import type { QuizPart } from "../phones/quiz.ts";
import { round, type Usage } from "../room-process.ts";
import { until, type PerPhone } from "../stats.ts";
import { watch, type ObjectLoad, type Stage } from "./context.ts";

const DRAIN_TIMEOUT_MS = 30_000;
const QUIZ = { id: "bench-quiz", question: "Qual técnica gasta menos bytes por evento?", options: ["Polling", "Long polling", "WebSocket", "Empate"], answer: 2, seconds: 30 };
const QUIZ_REPORT = '{"type":"report","feature":"quiz"';

export interface QuizStormResult {
  sockets: number;
  /** Every phone answered within this many seconds of seeing the question. */
  answerWithinSeconds: number;
  answers: number;
  /** Answers acknowledged (a patch to the phone with its answer). */
  acked: number;
  /** From the presenter's start until every phone had the question (ms). */
  questionReachedAllMs: number;
  /** From the presenter's `end` until the leaderboard was final everywhere (ms). */
  leaderboardFinalMs: number;
  /** From the presenter's start until then. */
  totalMs: number;
  /** Counts, points (the rule's, for the time measured) and ranks all exact. */
  exact: boolean;
  /** Bytes each phone received for the whole question: mean and max. */
  bytesPerPhoneMean: number;
  bytesPerPhoneMax: number;
  perPhone: PerPhone;
  usage: Usage;
  object: ObjectLoad;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

export async function quizStorm(stage: Stage, answerWithinSeconds: number): Promise<QuizStormResult> {
  const count = stage.phones.count;
  let presenterCounts: number[] | undefined;
  stage.crowd.listener = (member, text) => {
    // The presenter's report gets the counts once the answers are locked (whole or as a patch).
    if (member !== stage.presenter || !text.startsWith(QUIZ_REPORT) || !text.includes('"counts":')) return;
    const message = JSON.parse(text) as { data?: { current?: { counts?: number[] } }; patch?: { current?: { counts?: number[] } } };
    presenterCounts = message.data?.current?.counts ?? message.patch?.current?.counts ?? presenterCounts;
  };
  await stage.phones.begin("quiz", { quiz: QUIZ.id, options: QUIZ.options.length, answer: QUIZ.answer, seconds: QUIZ.seconds, answerWithinMs: answerWithinSeconds * 1000 });
  const watched = await watch(stage);

  const startedAt = now();
  send(stage.presenter, { type: "quiz", action: "start", quiz: QUIZ });
  let seen = { count: 0, lastAt: 0 };
  await until(() => seen.count === count, 10_000, async () => {
    const parts = await stage.phones.call<{ count: number; lastAt: number }>("seen");
    seen = { count: sum(parts.map((part) => part.count)), lastAt: Math.max(...parts.map((part) => part.lastAt)) };
  });
  const questionReachedAllMs = seen.lastAt - startedAt;
  let acked = 0;
  const allAcked = await until(() => acked === count, answerWithinSeconds * 1000 + DRAIN_TIMEOUT_MS, async () => {
    acked = sum(await stage.phones.call<number>("acked"));
  });

  const endedAt = now();
  send(stage.presenter, { type: "quiz", action: "end", quiz: QUIZ });
  let standings = 0;
  let parts: QuizPart[] = [];
  let expected: number[] = [];
  const presenterFinal = () => presenterCounts !== undefined && presenterCounts.every((each, option) => each === expected[option]);
  const final = await until(() => standings === count && presenterFinal(), DRAIN_TIMEOUT_MS, async () => {
    standings = sum(await stage.phones.call<number>("standings"));
    if (standings === count && expected.length === 0) {
      parts = await stage.phones.call<QuizPart>("result");
      expected = QUIZ.options.map((_, option) => sum(parts.map((part) => part.counts[option] ?? 0)));
    }
  });
  const doneAt = now();
  const { usage, object, perPhone, counters } = await watched(doneAt);
  if (parts.length === 0) parts = await stage.phones.call<QuizPart>("result");
  await stage.phones.end();
  stage.crowd.listener = null;

  // Every rank agrees with the points, across every slice.
  const points = parts.flatMap((part) => part.points);
  const ranks = parts.flatMap((part) => part.ranks);
  const firstPlace = new Map<number, number>(); // points → how many have more
  [...points].sort((a, b) => b - a).forEach((each, place) => firstPlace.has(each) || firstPlace.set(each, place));
  const ranksExact = ranks.every((rank, i) => rank === 1 + firstPlace.get(points[i]!)!);
  send(stage.presenter, { type: "quiz", action: "leaderboard", quiz: QUIZ });

  const bytes = counters.map((phone) => phone.bytes);
  return {
    sockets: count,
    answerWithinSeconds,
    answers: sum(parts.flatMap((part) => part.counts)),
    acked,
    questionReachedAllMs: round(questionReachedAllMs),
    leaderboardFinalMs: round(doneAt - endedAt),
    totalMs: round(doneAt - startedAt),
    exact: allAcked && final && parts.every((part) => part.scoresExact) && ranksExact,
    bytesPerPhoneMean: round(sum(bytes) / Math.max(1, bytes.length)),
    bytesPerPhoneMax: Math.max(0, ...bytes),
    perPhone,
    usage,
    object,
  };
}
