/**
 * Quiz storm, a phone's side: the receipt the moment the question arrives, the answer at a random
 * moment within the window (60% right), the acknowledgement, and the last standing (points and
 * rank), each score checked against the rule for the time the room measured.
 */
import { pointsFor } from "../../src/features/quiz/rules.ts";
import { send, type Member } from "../crowd.ts";
import type { Behaviour } from "./protocol.ts";

const QUIZ_REPORT = '{"type":"report","feature":"quiz"';

interface You {
  scored?: Record<string, { points: number; ms: number }>;
  points?: number;
  rank?: number;
}

export interface QuizPart {
  /** How many phones of this slice chose each option. */
  counts: number[];
  /** Every phone's total points and rank, to check the ranks across slices. */
  points: number[];
  ranks: number[];
  /** Every score of this slice is the rule's for the time the room measured. */
  scoresExact: boolean;
}

export function quizPhones(phones: readonly Member[], { quiz, options, answer, seconds, answerWithinMs }: { quiz: string; options: number; answer: number; seconds: number; answerWithinMs: number }): Behaviour {
  const seenAt = new Map<Member, number>();
  const acked = new Set<Member>();
  const chosen = new Map<Member, number>();
  const standing = new Map<Member, string>();
  const timers: ReturnType<typeof setTimeout>[] = [];
  return {
    onFrame(member, text, at) {
      if (!text.startsWith(QUIZ_REPORT)) return;
      if (!seenAt.has(member) && text.includes('"phase":"open"')) {
        seenAt.set(member, at);
        send(member, { type: "quizSeen", quiz });
        const option = Math.random() < 0.6 ? answer : Math.floor(Math.random() * options);
        chosen.set(member, option);
        timers.push(setTimeout(() => send(member, { type: "quizAnswer", quiz, option }), 200 + Math.random() * (answerWithinMs - 400)));
      } else if (text.includes('"answers":{')) acked.add(member);
      else if (text.includes('"you":{') && text.includes('"rank":')) standing.set(member, text);
    },
    calls: {
      seen: () => ({ count: seenAt.size, lastAt: Math.max(0, ...seenAt.values()) }),
      acked: () => acked.size,
      standings: () => standing.size,
      result: (): QuizPart => {
        const yours = phones.map((member) => {
          const text = standing.get(member);
          return text === undefined ? {} : (JSON.parse(text) as { patch: { you: You } }).patch.you;
        });
        const scoresExact = phones.every((member, i) => {
          const mine = yours[i]!.scored?.[quiz];
          return mine !== undefined && mine.points === pointsFor(chosen.get(member) === answer, mine.ms, seconds * 1000);
        });
        return {
          counts: Array.from({ length: options }, (_, option) => [...chosen.values()].filter((each) => each === option).length),
          points: yours.map((you) => you.points ?? -1),
          ranks: yours.map((you) => you.rank ?? -1),
          scoresExact,
        };
      },
    },
    end: () => timers.forEach(clearTimeout),
  };
}
