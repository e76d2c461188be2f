/**
 * Quiz storm: the presenter starts a quiz question and every phone answers it within W seconds
 * (each at a random moment, as people do), having sent its receipt the moment the question
 * reached it. When the last answer is acknowledged the presenter ends the question, as one would
 * once everyone has answered. Measured: how long until the leaderboard is final (every phone has
 * its points and rank, the presenter the counts and the top 10), the bytes each phone received
 * for the whole question, and whether every score is exactly the rule's for the time the room
 * measured.
 */
import { performance } from "node:perf_hooks";
import { pointsFor } from "../../src/features/quiz/rules.ts";
import { send, type Member } from "../crowd.ts";
import { round, sampleUsage, type Usage } from "../room-process.ts";
import { perPhone, until, type PerPhone } from "../stats.ts";
import type { Stage } from "./context.ts";

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
}

interface You {
  scored?: Record<string, { points: number; ms: number }>;
  points?: number;
  rank?: number;
}

export async function quizStorm(stage: Stage, answerWithinSeconds: number): Promise<QuizStormResult> {
  const phones = new Set(stage.audience);
  const seenAt = new Map<Member, number>();
  const acked = new Set<Member>();
  const chosen = new Map<Member, number>();
  const standing = new Map<Member, string>();
  let presenterCounts: number[] | undefined;
  const timers: ReturnType<typeof setTimeout>[] = [];

  stage.crowd.resetCounters();
  const stop = sampleUsage(stage.workerd);
  stage.crowd.listener = (member, text, at) => {
    if (!text.startsWith(QUIZ_REPORT)) return;
    if (member === stage.presenter) {
      // The presenter's report gets the counts once the answers are locked (whole or as a patch).
      if (text.includes('"counts":')) {
        const message = JSON.parse(text) as { data?: { current?: { counts?: number[] } }; patch?: { current?: { counts?: number[] } } };
        presenterCounts = message.data?.current?.counts ?? message.patch?.current?.counts ?? presenterCounts;
      }
      return;
    }
    if (!phones.has(member)) return;
    if (!seenAt.has(member) && text.includes('"phase":"open"')) {
      // The receipt goes at once; the answer at a random moment within the window.
      seenAt.set(member, at);
      send(member, { type: "quizSeen", quiz: QUIZ.id });
      const option = Math.random() < 0.6 ? QUIZ.answer : Math.floor(Math.random() * QUIZ.options.length);
      chosen.set(member, option);
      timers.push(setTimeout(() => send(member, { type: "quizAnswer", quiz: QUIZ.id, option }), 200 + Math.random() * (answerWithinSeconds * 1000 - 400)));
    } else if (text.includes('"answers":{')) acked.add(member);
    else if (text.includes('"you":{') && text.includes('"rank":')) standing.set(member, text);
  };

  const startedAt = performance.now();
  send(stage.presenter, { type: "quiz", action: "start", quiz: QUIZ });
  await until(() => seenAt.size === phones.size, 10_000);
  const questionReachedAllMs = Math.max(...seenAt.values()) - startedAt;
  const allAcked = await until(() => acked.size === phones.size, answerWithinSeconds * 1000 + DRAIN_TIMEOUT_MS);

  const endedAt = performance.now();
  send(stage.presenter, { type: "quiz", action: "end", quiz: QUIZ });
  const expected = QUIZ.options.map((_, option) => [...chosen.values()].filter((each) => each === option).length);
  const presenterFinal = () => presenterCounts !== undefined && presenterCounts.every((count, option) => count === expected[option]);
  const final = await until(() => standing.size === phones.size && presenterFinal(), DRAIN_TIMEOUT_MS);
  const doneAt = performance.now();
  const usage = stop();
  stage.crowd.listener = null;
  for (const timer of timers) clearTimeout(timer);

  // Every score is the rule's for the time the room measured, and every rank agrees with the points.
  const yours = [...standing.values()].map((text) => (JSON.parse(text) as { patch: { you: You } }).patch.you);
  const scoresExact = [...standing].every(([member, text]) => {
    const you = (JSON.parse(text) as { patch: { you: You } }).patch.you;
    const mine = you.scored?.[QUIZ.id];
    return mine !== undefined && mine.points === pointsFor(chosen.get(member) === QUIZ.answer, mine.ms, QUIZ.seconds * 1000);
  });
  const totals = yours.map((you) => you.points ?? -1);
  const ranksExact = yours.every((you) => you.rank === 1 + totals.filter((points) => points > (you.points ?? -1)).length);
  send(stage.presenter, { type: "quiz", action: "leaderboard", quiz: QUIZ });

  const bytes = stage.audience.map((member) => member.bytes);
  return {
    sockets: stage.audience.length,
    answerWithinSeconds,
    answers: chosen.size,
    acked: acked.size,
    questionReachedAllMs: round(questionReachedAllMs),
    leaderboardFinalMs: round(doneAt - endedAt),
    totalMs: round(doneAt - startedAt),
    exact: allAcked && final && scoresExact && ranksExact,
    bytesPerPhoneMean: round(bytes.reduce((sum, value) => sum + value, 0) / Math.max(1, bytes.length)),
    bytesPerPhoneMax: Math.max(0, ...bytes),
    perPhone: perPhone(stage.audience, (doneAt - startedAt) / 1000),
    usage,
  };
}
