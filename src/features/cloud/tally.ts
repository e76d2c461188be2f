/**
 * One cloud's answers in memory: who said what (participant ids, which never leave the server),
 * the count and spellings of each key, the hidden keys. No I/O: the server stores each
 * participant's answers and replays them, in the order they were given, when the room starts.
 */
import { ANSWERS_PER_PARTICIPANT, checkAnswer, TOP_WORDS, WORDS_MAX, type AnswerRefusal, type CloudEntry, type WordEntry } from "./rules.ts";

/** An answer as stored: its text and its number in the cloud (the order answers were given). */
export interface StoredAnswer {
  text: string;
  n: number;
}

interface Word {
  /** The number of the answer that first said it: its id and its place in the order. */
  first: number;
  key: string;
  count: number;
  /** Spelling → how often; a Map keeps the order they were first seen (the tie-break). */
  spellings: Map<string, number>;
}

export type AnswerResult = { ok: true; answers: StoredAnswer[] } | { ok: false; refusal: AnswerRefusal };

export class CloudTally {
  private readonly words = new Map<string, Word>();
  private readonly byParticipant = new Map<string, StoredAnswer[]>();
  private readonly hiddenKeys = new Set<string>();
  private others = 0;
  private given = 0;
  /** The number the next answer gets. */
  private next = 1;

  /** `pid` answers `text`: counted, or refused (empty, too long, said already, a fourth one). */
  answer(pid: string, text: string): AnswerResult {
    const checked = checkAnswer(text);
    if (!checked.ok) return checked;
    const mine = this.byParticipant.get(pid) ?? [];
    if (mine.some((answer) => keyOf(answer.text) === checked.key)) return { ok: false, refusal: { code: "bad_request", detail: "duplicate" } };
    if (mine.length >= ANSWERS_PER_PARTICIPANT) return { ok: false, refusal: { code: "answer_limit", detail: "per_participant" } };
    const answer = { text: checked.text, n: this.next++ };
    this.count(checked.key, checked.text, answer.n);
    const answers = [...mine, answer];
    this.byParticipant.set(pid, answers);
    return { ok: true, answers };
  }

  /** Puts back a stored answer (at load: call in the order of `n`). */
  restore(pid: string, answer: StoredAnswer): void {
    const checked = checkAnswer(answer.text);
    const mine = this.byParticipant.get(pid) ?? [];
    if (!checked.ok || mine.length >= ANSWERS_PER_PARTICIPANT) return;
    this.byParticipant.set(pid, [...mine, answer]);
    this.count(checked.key, checked.text, answer.n);
    this.next = Math.max(this.next, answer.n + 1);
  }

  /** Hides or shows a kept word; false when the cloud has no such word. */
  hide(key: string, hidden: boolean): boolean {
    if (!this.words.has(key)) return false;
    if (hidden) this.hiddenKeys.add(key);
    else this.hiddenKeys.delete(key);
    return true;
  }

  restoreHidden(keys: readonly string[]): void {
    for (const key of keys) this.hiddenKeys.add(key);
  }

  get hidden(): string[] {
    return [...this.hiddenKeys];
  }

  /** Who answered (their ids), for storage keys. */
  participants(): string[] {
    return [...this.byParticipant.keys()];
  }

  answersOf(pid: string): StoredAnswer[] {
    return this.byParticipant.get(pid) ?? [];
  }

  clear(): void {
    this.words.clear();
    this.byParticipant.clear();
    this.hiddenKeys.clear();
    this.others = 0;
    this.given = 0;
  }

  /** The cloud as a report carries it; `withHidden` for presenters. */
  entry(prompt: string, withHidden: boolean): CloudEntry {
    const visible: Word[] = [];
    const hidden: Word[] = [];
    for (const word of this.words.values()) (this.hiddenKeys.has(word.key) ? hidden : visible).push(word);
    visible.sort((a, b) => b.count - a.count || a.first - b.first);
    const top = visible.slice(0, TOP_WORDS);
    const entry: CloudEntry = {
      prompt,
      words: Object.fromEntries(top.map((word) => [`w${word.first}`, wordEntry(word)])),
      answers: this.given,
      people: this.byParticipant.size,
      more: visible.length - top.length,
      others: this.others,
    };
    if (withHidden) entry.hidden = Object.fromEntries(hidden.map((word) => [`w${word.first}`, wordEntry(word)]));
    return entry;
  }

  /** Every kept word, most frequent first (the results export). */
  all(): Array<WordEntry & { hidden: boolean }> {
    return [...this.words.values()]
      .sort((a, b) => b.count - a.count || a.first - b.first)
      .map((word) => ({ ...wordEntry(word), hidden: this.hiddenKeys.has(word.key) }));
  }

  get othersCount(): number {
    return this.others;
  }

  get answerCount(): number {
    return this.given;
  }

  private count(key: string, text: string, n: number): void {
    this.given += 1;
    let word = this.words.get(key);
    if (!word) {
      if (this.words.size >= WORDS_MAX) {
        this.others += 1;
        return;
      }
      this.words.set(key, (word = { first: n, key, count: 0, spellings: new Map() }));
    }
    word.count += 1;
    word.spellings.set(text, (word.spellings.get(text) ?? 0) + 1);
  }
}

function keyOf(text: string): string {
  const checked = checkAnswer(text);
  return checked.ok ? checked.key : "";
}

function wordEntry(word: Word): WordEntry {
  let text = "";
  let best = 0;
  // Most used; on a tie the first seen stays (the Map's order, and a strict >).
  for (const [spelling, count] of word.spellings) {
    if (count > best) {
      text = spelling;
      best = count;
    }
  }
  return { key: word.key, text, count: word.count };
}
