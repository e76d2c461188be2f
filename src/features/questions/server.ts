/**
 * The audience's questions: phones ask (`ask`) and upvote (`upvote`, once each), the presenter
 * marks them answered, hides them or reopens them (`moderate`). They are the talk's record: each
 * question is stored under its own key and each upvote under its own (a small write per action,
 * never a rewrite of the whole list), and read back when the room starts.
 *
 * What a phone receives is bounded whatever the room holds: every phone gets the same view (the
 * most voted open questions, then answered ones: audienceView), whole on connect and then as
 * patches of what changed, at most every AUDIENCE_EVERY_MS. Its own questions reach it alone, in
 * `yours`: on connect, and whenever one changes (votes, moderation), coalesced at the same pace.
 *
 * Who asked and who upvoted (participant ids) stay here: no report carries them. The phone that
 * asked or upvoted gets, on its own, a small patch with `you` naming the question, sent once the
 * action is stored; it remembers that in its localStorage (src/features/questions/mine.ts).
 */
import { errorMessage } from "../../room/errors.ts";
import { defineFeature, type Peer, type RoomLink } from "../../room/feature.ts";
import type { MergePatch } from "../../room/patch.ts";
import type { ServerMessage } from "../../room/wire.ts";
import { QuestionList, type StoredQuestion } from "./list.ts";
import { QUESTIONS_MESSAGES } from "./protocol.ts";
import { audienceView, entries, entryOf, type QuestionsReport } from "./rules.ts";

/** `question:<id>` → StoredQuestion; `qvote:<id>:<pid>` → 1; NEXT_ID → the next id's number. */
const QUESTION_PREFIX = "question:";
const VOTE_PREFIX = "qvote:";
const NEXT_ID = "questions:next";
/** Phones hear of new questions and votes within this, coalesced; authors of their own, too. */
const AUDIENCE_EVERY_MS = 300;

/** What changed in an author's question: only its votes, or more (asked, answered, hidden, reopened). */
type Change = "votes" | "entry";

export const questions = defineFeature("questions", QUESTIONS_MESSAGES, (host) => {
  const list = new QuestionList();
  /** Authors whose own questions changed since they last heard: pid → question id → what changed. */
  const changedFor = new Map<string, Map<string, Change>>();
  let authorsTimer: ReturnType<typeof setTimeout> | null = null;

  const report = (): QuestionsReport => ({ questions: entries(list.views(true)), open: list.openCount() });
  const audienceReport = (): QuestionsReport => ({ questions: entries(audienceView(list.views(false))), open: list.openCount() });
  /** This phone's part of the report: a patch for it alone. */
  const patchFor = (patch: MergePatch<QuestionsReport>) => JSON.stringify({ type: "report", feature: "questions", patch } satisfies ServerMessage);

  /**
   * Changed questions as their author's `yours` takes them: a hidden one leaves it (null), as it
   * leaves everyone's list. Every connection of the author already has a question's whole entry
   * (on connect, in the ask's acknowledgement, or in the patch after it), so a vote needs only the count.
   */
  const yoursOf = (changes: Iterable<readonly [string, Change]>) =>
    Object.fromEntries(Array.from(changes, ([id, change]) => {
      const view = list.view(id);
      if (!view || view.status === "hidden") return [id, null] as const;
      return [id, change === "votes" ? { votes: view.votes } : entryOf(view)] as const;
    }));

  /** `id` changed: its author will hear of it, with everything else of theirs that changed meanwhile. */
  function touched(id: string, change: Change): void {
    const author = list.authorOf(id);
    if (author === undefined) return;
    const mine = changedFor.get(author) ?? new Map<string, Change>();
    if (mine.get(id) !== "entry") mine.set(id, change);
    changedFor.set(author, mine);
    authorsTimer ??= setTimeout(tellAuthors, AUDIENCE_EVERY_MS);
  }

  function tellAuthors(): void {
    authorsTimer = null;
    const patches = new Map(Array.from(changedFor, ([pid, changes]) => [pid, patchFor({ yours: yoursOf(changes) })] as const));
    changedFor.clear();
    for (const { link, member } of host.audience()) {
      const text = member.pid === undefined ? undefined : patches.get(member.pid);
      if (text !== undefined) host.send(link, text);
    }
  }

  // Only phones ask and upvote (the table refuses anyone else).
  async function ask(text: string, { link, member }: Peer): Promise<void> {
    if (member.role !== "audience") return;
    const result = list.ask(member.pid, text, host.now());
    if (!result.ok) return host.send(link, errorMessage(result.refusal.code, { ref: "ask", detail: result.refusal.detail }));
    const id = result.question.id;
    if (result.created) {
      await host.storage.put({ [QUESTION_PREFIX + id]: result.question, [NEXT_ID]: list.nextId });
      host.changed();
      touched(id, "entry"); // the author's other tabs
    }
    host.send(link, patchFor({ you: { asked: id }, yours: yoursOf([[id, "entry"]]) }));
  }

  async function upvote(id: string, { link, member }: Peer): Promise<void> {
    if (member.role !== "audience") return;
    const refusal = list.upvote(member.pid, id);
    if (refusal) return host.send(link, errorMessage(refusal, { ref: "upvote" }));
    await host.storage.put({ [`${VOTE_PREFIX}${id}:${member.pid}`]: 1 });
    host.changed();
    touched(id, "votes");
    host.send(link, patchFor({ you: { upvoted: id } }));
  }

  async function moderate(id: string, status: StoredQuestion["status"], link: RoomLink): Promise<void> {
    const result = list.moderate(id, status);
    if (!result.ok) return host.send(link, errorMessage("no_question", { ref: "moderate" }));
    if (!result.changed) return;
    await host.storage.put({ [QUESTION_PREFIX + id]: result.question });
    host.changed();
    touched(id, "entry");
  }

  async function forget(): Promise<void> {
    await host.storage.delete([...(await host.storage.list(QUESTION_PREFIX)).keys(), ...(await host.storage.list(VOTE_PREFIX)).keys()]);
  }

  return {
    patches: true,
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
    // A phone's own questions, wherever they rank in the view.
    join({ link, member }) {
      const own = member.role === "audience" ? list.own(member.pid) : [];
      if (own.length > 0) host.send(link, patchFor({ yours: entries(own) }));
    },
    // Ids are never reused in a room (the next id stays stored), so a phone's memory of "mine" stays
    // right. The next report goes out whole, and so clears every phone's `yours` and `you`.
    reset() {
      list.clear();
      changedFor.clear();
      forget().catch((error: unknown) => console.error("questions: reset", error));
    },
    report,
    // Hidden questions reach the presenter only: the projector, a public screen, shows the phones' view.
    private: true,
    audienceReport,
    export: () => list.views(true).map(({ id, text, votes, status, at }) => ({ id, text, votes, status, askedAt: new Date(at).toISOString() })),
  };
});
