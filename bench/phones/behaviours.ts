/** Every scenario's phone side, by the name the main thread begins it with. */
import { cloudPhones } from "./cloud.ts";
import { fanOutPhones } from "./fan-out.ts";
import { pingsPhones } from "./pings.ts";
import type { BehaviourFactory } from "./protocol.ts";
import { questionsPhones } from "./questions.ts";
import { quizPhones } from "./quiz.ts";
import { reactionsPhones } from "./reactions.ts";
import { votesPhones } from "./votes.ts";

export const behaviours: Record<string, BehaviourFactory> = {
  fanOut: fanOutPhones,
  reactions: reactionsPhones as BehaviourFactory,
  votes: votesPhones as BehaviourFactory,
  questions: questionsPhones,
  cloud: cloudPhones as BehaviourFactory,
  quiz: quizPhones as BehaviourFactory,
  pings: pingsPhones as BehaviourFactory,
};
