/**
 * The word cloud's rules: the limits, how an answer is cleaned and keyed so that "WebSocket",
 * "websocket " and "WebSockets" meet, and what a report carries. Pure, shared by the server
 * (which counts) and the browser (which draws).
 *
 * The key (wordKey), step by step:
 *  1. the room's cleaning of audience text (src/room/text.ts: one visible line, well formed);
 *  2. NFKC (full-width letters, ligatures and the like become plain ones);
 *  3. lower case, language-neutral (toLocaleLowerCase("und"));
 *  4. punctuation at either end trimmed ("websocket!", "«chat»", "(jogos)"), but not # + @ & %,
 *     which are part of names (C#, C++);
 *  5. the plural rule, on each word made of letters only (so "node.js" and "http2" are untouched):
 *     - Portuguese "ões", "ães", "ãos" become "ão" (notificações → notificação);
 *     - a final "s" goes when the word has more than 3 letters and doesn't end in "ss", "us" or
 *       "is" (websockets → websocket, jogos → jogo, apps → app; but gps, aws, ios, status,
 *       redis, express, mais stay as they are);
 *  6. accents removed (NFD, marks dropped): notificação and notificacao meet;
 *  7. whitespace collapsed to single spaces.
 * It is a key, never shown: a few words it wrongly joins ("news" and "new") cost little, and
 * what the projector shows is the spelling people used most.
 */
import { audienceText, graphemeLength } from "../../room/text.ts";
import { ANSWER_TEXT_MAX } from "./protocol.ts";

export { ANSWER_TEXT_MAX };
/** Answers one participant may give per cloud. */
export const ANSWERS_PER_PARTICIPANT = 3;
/** Distinct words a cloud keeps; answers with a new word beyond it count in `others`. */
export const WORDS_MAX = 500;
/** Words a report carries per cloud: the most frequent visible ones. */
export const TOP_WORDS = 60;
/** Clouds a room keeps: far more than a talk asks, a bound on storage. */
export const CLOUDS_MAX = 20;
/** Phones and the projector hear of new answers within this, coalesced. */
export const CLOUD_REPORT_MS = 300;

/** Punctuation a word may be wrapped in: trimmed at both ends. Not # + @ & % (C#, C++). */
const END_PUNCTUATION = /^[\s\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Pd}\p{Pc}.,;:!?¡¿…'"*/\\|~]+|[\s\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Pd}\p{Pc}.,;:!?¡¿…'"*/\\|~]+$/gu;
const LETTERS_ONLY = /^\p{L}+$/u;
const SPACES = /\s+/gu;
const MARKS = /\p{M}/gu;

/** An answer as the room keeps and shows it: cleaned (src/room/text.ts), end punctuation trimmed. */
export function cleanAnswer(text: string): string {
  return audienceText(text).replace(END_PUNCTUATION, "");
}

/** One word's plural made singular, by the rule above (lower case, accents still on). */
export function singular(word: string): string {
  if (!LETTERS_ONLY.test(word)) return word;
  const tilde = /(?:õe|ãe|ão)s$/u.exec(word);
  if (tilde) return word.slice(0, -3) + "ão";
  const letters = [...word].length;
  if (letters > 3 && word.endsWith("s") && !/(?:ss|us|is)$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** The key answers meet under (see the module's comment); "" when nothing is left of it. */
export function wordKey(text: string): string {
  const lower = cleanAnswer(text).normalize("NFKC").toLocaleLowerCase("und").replace(END_PUNCTUATION, "");
  return lower
    .split(SPACES)
    .filter((word) => word.length > 0)
    .map((word) => singular(word).normalize("NFD").replace(MARKS, "").normalize("NFC"))
    .join(" ");
}

export type AnswerRefusal = { code: "bad_request"; detail: "empty" | "text_max" | "duplicate" } | { code: "answer_limit"; detail: "per_participant" };

/** An answer checked for the room: its shown text and key, or why not. */
export function checkAnswer(text: string): { ok: true; text: string; key: string } | { ok: false; refusal: AnswerRefusal } {
  const clean = cleanAnswer(text);
  const key = wordKey(clean);
  if (key.length === 0) return { ok: false, refusal: { code: "bad_request", detail: "empty" } };
  if (graphemeLength(clean) > ANSWER_TEXT_MAX) return { ok: false, refusal: { code: "bad_request", detail: "text_max" } };
  return { ok: true, text: clean, key };
}

/** A word as a report carries it, under its id (`w` and the number of the answer that first said it). */
export interface WordEntry {
  key: string;
  /** The spelling used most (ties: the first seen). */
  text: string;
  count: number;
}

/** One cloud in a report. */
export interface CloudEntry {
  prompt: string;
  /** The TOP_WORDS most frequent visible words, by id (an id is the order the word first appeared in). */
  words: Record<string, WordEntry>;
  /** Answers given (hidden words' and `others` included). */
  answers: number;
  /** Participants who answered. */
  people: number;
  /** Visible words the report leaves out (beyond TOP_WORDS). */
  more: number;
  /** Answers with a new word once the cloud held WORDS_MAX words: counted, not kept. */
  others: number;
  /** Presenters only: the hidden words. */
  hidden?: Record<string, WordEntry>;
}

/**
 * The cloud report (`feature: "cloud"`): whole on connect and after a reset, otherwise a patch of
 * what changed (src/room/patch.ts): one more answer is `{"clouds":{"usos":{"words":{"w3":{"count":8}},"answers":41}}}`.
 */
export interface CloudReport {
  clouds: Record<string, CloudEntry>;
  /** To one phone: its own answers per cloud, as the room keeps them. */
  yours?: Record<string, string[]>;
}

/** A word with its id, as the browser lists and places it. */
export interface CloudWord extends WordEntry {
  id: string;
  /** Order of first appearance (the number in the id). */
  order: number;
}

/** A report's words as a list: most frequent first, ties by first appearance. */
export function wordList(words: Readonly<Record<string, WordEntry>>): CloudWord[] {
  return Object.entries(words)
    .map(([id, word]) => ({ id, order: Number(id.slice(1)) || 0, ...word }))
    .sort((a, b) => b.count - a.count || a.order - b.order);
}
