/**
 * The room's questions in memory: who asked each one and who upvoted it (participant ids, which
 * never leave the server), and the rules of asking, upvoting and moderating. No I/O: the server
 * module stores what changes and sends the views.
 */
import { graphemeLength } from "../../room/text.ts";
import {
  compareQuestions,
  idNumber,
  normalizeQuestionText,
  OPEN_PER_PARTICIPANT_MAX,
  OPEN_PER_ROOM_MAX,
  QUESTION_TEXT_MAX,
  QUESTIONS_MAX,
  type QuestionStatus,
  type QuestionView,
} from "./rules.ts";

/** A question as the server keeps (and stores) it. */
export interface StoredQuestion {
  id: string;
  text: string;
  /** Participant id of who asked: server-side only. */
  author: string;
  at: number;
  status: QuestionStatus;
}

export type AskRefusal =
  | { code: "bad_request"; detail: "empty" | "text_max" }
  | { code: "question_limit"; detail: "per_participant" | "per_room" };
export type AskResult = { ok: true; question: StoredQuestion; created: boolean } | { ok: false; refusal: AskRefusal };

export type UpvoteRefusal = "no_question" | "already_upvoted" | "own_question";
export type ModerateResult = { ok: true; question: StoredQuestion; changed: boolean } | { ok: false };

export class QuestionList {
  private readonly questions = new Map<string, StoredQuestion>();
  private readonly voters = new Map<string, Set<string>>();
  private next = 1;

  get size(): number {
    return this.questions.size;
  }

  /** The next id this list will give (stored, so ids are never reused in a room, even after a reset). */
  get nextId(): number {
    return this.next;
  }

  /** Puts back what was stored (at load). */
  restore(question: StoredQuestion): void {
    this.questions.set(question.id, question);
    this.next = Math.max(this.next, idNumber(question.id) + 1);
  }

  restoreVote(id: string, pid: string): void {
    if (this.questions.has(id)) this.votersOf(id).add(pid);
  }

  restoreNextId(next: number): void {
    if (Number.isInteger(next) && next > this.next) this.next = next;
  }

  /**
   * `pid` asks `text`. The same open question asked again by the same person (a double tap, a
   * resend after a reconnect) is the existing one, not a second copy.
   */
  ask(pid: string, text: string, at: number): AskResult {
    const clean = normalizeQuestionText(text);
    if (clean.length === 0) return { ok: false, refusal: { code: "bad_request", detail: "empty" } };
    if (graphemeLength(clean) > QUESTION_TEXT_MAX) return { ok: false, refusal: { code: "bad_request", detail: "text_max" } };
    let mine = 0;
    let open = 0;
    for (const question of this.questions.values()) {
      if (question.status !== "open") continue;
      open += 1;
      if (question.author !== pid) continue;
      if (question.text === clean) return { ok: true, question, created: false };
      mine += 1;
    }
    if (mine >= OPEN_PER_PARTICIPANT_MAX) {
      return { ok: false, refusal: { code: "question_limit", detail: "per_participant" } };
    }
    if (open >= OPEN_PER_ROOM_MAX || this.questions.size >= QUESTIONS_MAX) {
      return { ok: false, refusal: { code: "question_limit", detail: "per_room" } };
    }
    const question: StoredQuestion = { id: `q${this.next}`, text: clean, author: pid, at, status: "open" };
    this.next += 1;
    this.questions.set(question.id, question);
    return { ok: true, question, created: true };
  }

  /** One upvote per participant and question; not on one's own question, nor on a hidden one. */
  upvote(pid: string, id: string): UpvoteRefusal | null {
    const question = this.questions.get(id);
    if (!question || question.status === "hidden") return "no_question";
    if (question.author === pid) return "own_question";
    const voters = this.votersOf(id);
    if (voters.has(pid)) return "already_upvoted";
    voters.add(pid);
    return null;
  }

  moderate(id: string, status: QuestionStatus): ModerateResult {
    const question = this.questions.get(id);
    if (!question) return { ok: false };
    if (question.status === status) return { ok: true, question, changed: false };
    const changed = { ...question, status };
    this.questions.set(id, changed);
    return { ok: true, question: changed, changed: true };
  }

  /** Every question, in the room's order (`withHidden: false` for the audience). */
  views(withHidden: boolean): QuestionView[] {
    const views: QuestionView[] = [];
    for (const question of this.questions.values()) {
      if (withHidden || question.status !== "hidden") views.push(this.viewOf(question));
    }
    return views.sort(compareQuestions);
  }

  /** One question as the room shows it; undefined for an unknown id. */
  view(id: string): QuestionView | undefined {
    const question = this.questions.get(id);
    return question && this.viewOf(question);
  }

  /** Who asked `id` (server-side only). */
  authorOf(id: string): string | undefined {
    return this.questions.get(id)?.author;
  }

  /** The questions `pid` asked that anyone still sees (open or answered), in the room's order. */
  own(pid: string): QuestionView[] {
    const views: QuestionView[] = [];
    for (const question of this.questions.values()) {
      if (question.author === pid && question.status !== "hidden") views.push(this.viewOf(question));
    }
    return views.sort(compareQuestions);
  }

  openCount(): number {
    let open = 0;
    for (const question of this.questions.values()) if (question.status === "open") open += 1;
    return open;
  }

  clear(): void {
    this.questions.clear();
    this.voters.clear();
  }

  private viewOf(question: StoredQuestion): QuestionView {
    return { id: question.id, text: question.text, votes: this.voters.get(question.id)?.size ?? 0, status: question.status, at: question.at };
  }

  private votersOf(id: string): Set<string> {
    let voters = this.voters.get(id);
    if (!voters) this.voters.set(id, (voters = new Set()));
    return voters;
  }
}
