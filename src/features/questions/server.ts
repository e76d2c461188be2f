/**
 * The audience's questions: phones ask (`ask`) and upvote (`upvote`, once each), the presenter
 * marks them answered, hides them or reopens them (`moderate`). They are the talk's record: each
 * question is stored under its own key and each upvote under its own (a small write per action,
 * never a rewrite of the whole list), and read back when the room starts.
 *
 * Who asked and who upvoted (participant ids) stay here: no report carries them. The phone that
 * asked or upvoted gets, on its own, a copy of the audience report with `you` naming the question,
 * sent once the action is stored; it remembers that in its localStorage (src/features/questions/mine.ts).
 */
import { errorMessage } from "../../room/errors.ts";
import { defineFeature, type Peer, type RoomLink } from "../../room/feature.ts";
import type { ServerMessage } from "../../room/wire.ts";
import { QuestionList, type StoredQuestion } from "./list.ts";
import { QUESTIONS_MESSAGES } from "./protocol.ts";
import type { QuestionAck, QuestionsAudienceReport, QuestionsReport } from "./rules.ts";

/** `question:<id>` → StoredQuestion; `qvote:<id>:<pid>` → 1; NEXT_ID → the next id's number. */
const QUESTION_PREFIX = "question:";
const VOTE_PREFIX = "qvote:";
const NEXT_ID = "questions:next";
/** Phones hear of new questions and votes within this, coalesced. */
const AUDIENCE_EVERY_MS = 300;

export const questions = defineFeature("questions", QUESTIONS_MESSAGES, (host) => {
  const list = new QuestionList();

  const report = (): QuestionsReport => ({ questions: list.views(true), open: list.openCount() });
  const audienceReport = (): QuestionsAudienceReport => ({ questions: list.views(false), open: list.openCount() });
  /** The audience report, with what this phone just did: for this phone only. */
  const acknowledge = (link: RoomLink, you: QuestionAck) =>
    host.send(link, { type: "report", feature: "questions", data: { ...audienceReport(), you } } satisfies ServerMessage);

  // Only phones ask and upvote (the table refuses anyone else).
  async function ask(text: string, { link, member }: Peer): Promise<void> {
    if (member.role !== "audience") return;
    const result = list.ask(member.pid, text, host.now());
    if (!result.ok) return host.send(link, errorMessage(result.refusal.code, { ref: "ask", detail: result.refusal.detail }));
    if (result.created) {
      await host.storage.put({ [QUESTION_PREFIX + result.question.id]: result.question, [NEXT_ID]: list.nextId });
      host.changed();
    }
    acknowledge(link, { asked: result.question.id });
  }

  async function upvote(id: string, { link, member }: Peer): Promise<void> {
    if (member.role !== "audience") return;
    const refusal = list.upvote(member.pid, id);
    if (refusal) return host.send(link, errorMessage(refusal, { ref: "upvote" }));
    await host.storage.put({ [`${VOTE_PREFIX}${id}:${member.pid}`]: 1 });
    host.changed();
    acknowledge(link, { upvoted: id });
  }

  async function moderate(id: string, status: StoredQuestion["status"], link: RoomLink): Promise<void> {
    const result = list.moderate(id, status);
    if (!result.ok) return host.send(link, errorMessage("no_question", { ref: "moderate" }));
    if (!result.changed) return;
    await host.storage.put({ [QUESTION_PREFIX + id]: result.question });
    host.changed();
  }

  async function forget(): Promise<void> {
    await host.storage.delete([...(await host.storage.list(QUESTION_PREFIX)).keys(), ...(await host.storage.list(VOTE_PREFIX)).keys()]);
  }

  return {
    audienceEveryMs: AUDIENCE_EVERY_MS,
    async load() {
      for (const question of (await host.storage.list<StoredQuestion>(QUESTION_PREFIX)).values()) list.restore(question);
      for (const key of (await host.storage.list(VOTE_PREFIX)).keys()) {
        const [id = "", pid = ""] = key.slice(VOTE_PREFIX.length).split(":");
        list.restoreVote(id, pid);
      }
      const next = await host.storage.get<number>(NEXT_ID);
      if (typeof next === "number") list.restoreNextId(next);
    },
    async message(message, from) {
      if (message.type === "ask") return await ask(message.text, from);
      if (message.type === "upvote") return await upvote(message.id, from);
      return await moderate(message.id, message.action, from.link);
    },
    // Ids are never reused in a room (the next id stays stored), so a phone's memory of "mine" stays right.
    reset() {
      list.clear();
      forget().catch((error: unknown) => console.error("questions: reset", error));
    },
    report,
    audienceReport,
    export: () => list.views(true).map(({ id, text, votes, status, at }) => ({ id, text, votes, status, askedAt: new Date(at).toISOString() })),
  };
});
