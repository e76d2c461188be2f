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
import type * as Party from "partykit/server";
import type { LabDemoFactory, LabMember } from "../../party/features.ts";
import { errorMessage, type ErrorMessage, type ServerMessage } from "../../room/protocol.ts";
import { QuestionBoard, type StoredQuestion } from "./board.ts";
import type { QuestionAck, QuestionsAudienceReport, QuestionsReport } from "./rules.ts";

/** `question:<id>` → StoredQuestion; `qvote:<id>:<pid>` → 1; NEXT_ID → the next id's number. */
const QUESTION_PREFIX = "question:";
const VOTE_PREFIX = "qvote:";
const NEXT_ID = "questions:next";
/** Phones hear of new questions and votes within this, coalesced. */
const AUDIENCE_EVERY_MS = 300;
/** Durable Object storage deletes at most this many keys per call. */
const DELETE_BATCH = 128;

export const questionsDemo: LabDemoFactory = (host) => {
  const board = new QuestionBoard();

  const report = (): QuestionsReport => ({ questions: board.views(true), open: board.openCount() });
  const audienceReport = (): QuestionsAudienceReport => ({ questions: board.views(false), open: board.openCount() });
  const refuse = (connection: Party.Connection, error: ErrorMessage) => host.send(connection, error);
  /** The audience report, with what this phone just did: for this phone only. */
  const acknowledge = (connection: Party.Connection, you: QuestionAck) =>
    host.send(connection, { type: "lab", demo: "questions", data: { ...audienceReport(), you } } satisfies ServerMessage);

  async function ask(text: string, { connection, member }: LabMember): Promise<void> {
    if (member.role !== "audience" || member.pid === undefined) return refuse(connection, errorMessage("forbidden", { ref: "ask", detail: "só a plateia pergunta" }));
    const result = board.ask(member.pid, text, host.now());
    if (!result.ok) return refuse(connection, errorMessage(result.refusal.code, { ref: "ask", detail: result.refusal.detail }));
    if (result.created) {
      await host.storage.put<unknown>({ [QUESTION_PREFIX + result.question.id]: result.question, [NEXT_ID]: board.nextId });
      host.changed("questions");
    }
    acknowledge(connection, { asked: result.question.id });
  }

  async function upvote(id: string, { connection, member }: LabMember): Promise<void> {
    if (member.role !== "audience" || member.pid === undefined) return refuse(connection, errorMessage("forbidden", { ref: "upvote", detail: "só a plateia apoia perguntas" }));
    const refusal = board.upvote(member.pid, id);
    if (refusal) return refuse(connection, errorMessage(refusal, { ref: "upvote" }));
    await host.storage.put(`${VOTE_PREFIX}${id}:${member.pid}`, 1);
    host.changed("questions");
    acknowledge(connection, { upvoted: id });
  }

  async function moderate(id: string, status: StoredQuestion["status"], connection: Party.Connection): Promise<void> {
    const result = board.moderate(id, status);
    if (!result.ok) return refuse(connection, errorMessage("no_question", { ref: "moderate" }));
    if (!result.changed) return;
    await host.storage.put(QUESTION_PREFIX + id, result.question);
    host.changed("questions");
  }

  async function forget(): Promise<void> {
    const keys = [
      ...(await host.storage.list({ prefix: QUESTION_PREFIX })).keys(),
      ...(await host.storage.list({ prefix: VOTE_PREFIX })).keys(),
    ];
    for (let i = 0; i < keys.length; i += DELETE_BATCH) await host.storage.delete(keys.slice(i, i + DELETE_BATCH));
  }

  const failed = (what: string) => (error: unknown) => console.error(`questions ${what}`, error);

  return {
    name: "questions",
    handles: ["ask", "upvote", "moderate"],
    audienceEveryMs: AUDIENCE_EVERY_MS,
    async load() {
      for (const question of (await host.storage.list<StoredQuestion>({ prefix: QUESTION_PREFIX })).values()) board.restore(question);
      for (const key of (await host.storage.list({ prefix: VOTE_PREFIX })).keys()) {
        const [id = "", pid = ""] = key.slice(VOTE_PREFIX.length).split(":");
        board.restoreVote(id, pid);
      }
      const next = await host.storage.get<number>(NEXT_ID);
      if (typeof next === "number") board.restoreNextId(next);
    },
    message(message, from) {
      if (message.type === "ask") ask(message.text, from).catch(failed("ask"));
      else if (message.type === "upvote") upvote(message.id, from).catch(failed("upvote"));
      else if (message.type === "moderate") moderate(message.id, message.action, from.connection).catch(failed("moderate"));
    },
    // Ids are never reused in a room (the next id stays stored), so a phone's memory of "mine" stays right.
    reset() {
      board.clear();
      forget().catch(failed("reset"));
    },
    report,
    audienceReport,
    export: () => board.views(true).map(({ id, text, votes, status, at }) => ({ id, text, votes, status, askedAt: new Date(at).toISOString() })),
  };
};
