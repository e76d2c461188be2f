/**
 * Hostile frames for tests/integration/fuzz.test.ts, drawn from a small seeded PRNG: the same seed
 * makes the same corpus. Each frame carries the error the room must answer it with, decided here
 * by construction from the protocol's documented rules (docs/PROTOCOL.md), never by asking the
 * server's parser, which is what is under test. Only frames that must be answered are made:
 * valid messages the room ignores by design (an `ack` of an unknown id, a `seen` for no lane)
 * are left out.
 */
import { EVENT_ID_MAX, PING_ID_MAX, REPORT_MS_MAX, SLIDE_MAX, STEP_MAX, type ClientMessageType } from "../../src/room/protocol.ts";
import { LANES } from "../../src/features/delivery/protocol.ts";
import { MAX_FRAME_BYTES } from "../../src/room/messages.ts";
import { NOTIFICATION_KINDS } from "../../src/features/notify/protocol.ts";
import { QUESTION_RAW_MAX, QUESTION_TEXT_MAX } from "../../src/features/questions/protocol.ts";
import { REACTIONS } from "../../src/features/reactions/protocol.ts";
import type { ErrorCode } from "../../src/room/errors.ts";
import type { Role } from "../../src/room/participants.ts";
import { OPTION_MAX, OPTIONS_MAX, OPTIONS_MIN, QUESTION_MAX } from "../../src/features/polls/protocol.ts";
import { REPORTING } from "../../src/features/index.ts";
import { ANSWER_RAW_MAX, KEY_MAX, PROMPT_MAX } from "../../src/features/cloud/protocol.ts";
import { NICKNAME_RAW_MAX, PLAYER_MAX, QUIZ_OPTIONS_MAX, QUIZ_OPTIONS_MIN, QUIZ_SECONDS_MAX, QUIZ_SECONDS_MIN } from "../../src/features/quiz/protocol.ts";
import { MIRROR_DEMOS } from "../../src/features/mirror/protocol.ts";
import { MAX_ROWS as WIRE_ROWS_MAX } from "../../src/features/wire/frames.ts";
import { locales } from "../../src/i18n/locales.ts";
import { PIECE_POINTS_MAX, STROKE_ID_MAX } from "../../src/features/pointer/protocol.ts";

// ── The PRNG ─────────────────────────────────────────────────────────────────────────────────

export interface Random {
  /** [0, 1) */
  float(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: 32 bits of state, plenty to vary test inputs, and the same sequence for a seed. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const float = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(float() * (max - min + 1));
  return { float, int, pick: (items) => items[int(0, items.length - 1)]! };
}

// ── Frames ───────────────────────────────────────────────────────────────────────────────────

export const KINDS = [
  "random-text",
  "invalid-utf8",
  "binary",
  "bad-json",
  "wrong-shape",
  "wrong-type",
  "missing-field",
  "extra-field",
  "past-limit",
  "frame-size",
  "deep-nesting",
  "proto-key",
  "unknown-type",
  "unauthorised",
  "refused",
] as const;
export type Kind = (typeof KINDS)[number];

/** How often each kind is drawn (relative). */
const WEIGHTS: Readonly<Record<Kind, number>> = {
  "random-text": 8,
  "invalid-utf8": 3,
  binary: 5,
  "bad-json": 10,
  "wrong-shape": 8,
  "wrong-type": 12,
  "missing-field": 8,
  "extra-field": 8,
  "past-limit": 12,
  "frame-size": 4,
  "deep-nesting": 4,
  "proto-key": 8,
  "unknown-type": 6,
  unauthorised: 8,
  refused: 5,
};

/** Text, a binary frame, or bytes sent as a *text* frame that are not UTF-8. */
export type Wire = { text: string } | { binary: ArrayBuffer } | { invalidUtf8: Uint8Array };

export interface Expected {
  code: ErrorCode;
  /** The error's `ref`, when it must have one (absent: it must have none). */
  ref?: string;
}

export interface HostileFrame {
  kind: Kind;
  wire: Wire;
  expect: Expected;
  /** The message type the frame imitates, when it imitates one. */
  about?: ClientMessageType;
}

/** Planted in every pollution attempt: it must never come back in any frame or body. */
export const POLLUTION_MARK = "polluted-by-fuzz";

/** Ids no honest socket of the fuzz test ever uses (its question is q1..q9, its poll HONEST_POLL_ID). */
export const HONEST_POLL_ID = "fuzz-honest-poll";

// ── The messages, as the documentation describes them ────────────────────────────────────────

interface Field {
  valid(r: Random): unknown;
  /** Values of the wrong JSON type. */
  wrongType: readonly unknown[];
  /** A value of the right type just past a limit, or outside the allowed set. */
  pastLimit(r: Random): unknown;
}

const NOT_NUMBER = ["1", "", true, null, [], {}, [1]];
const NOT_STRING = [1, 0, true, null, [], {}, ["x"]];
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** Never trimmed, never changed by NFC, one UTF-16 unit each: lengths are exact. */
const SOLID = "abcxyzçãéõ漢字ß€—";

function word(r: Random, min: number, max: number, alphabet = LETTERS): string {
  let out = "";
  for (let n = r.int(min, max); n > 0; n--) out += alphabet[r.int(0, alphabet.length - 1)];
  return out;
}

function int(min: number, max: number): Field {
  return {
    valid: (r) => r.int(min, max),
    wrongType: NOT_NUMBER,
    pastLimit: (r) => r.pick([min - 1, max + 1, min + 0.5, max - 0.5, Infinity, -Infinity, min - 1e9]),
  };
}

function finite(min: number, max: number): Field {
  return {
    valid: (r) => Math.round((min + r.float() * (max - min)) * 100) / 100,
    wrongType: NOT_NUMBER,
    pastLimit: (r) => r.pick([min - 1, max + 1, min - 0.001, max + 0.001, Infinity, -Infinity]),
  };
}

function text(min: number, max: number): Field {
  const past = [(r: Random) => word(r, max + 1, max + 1, SOLID), (r: Random) => word(r, max + 1, max + 40, SOLID)];
  if (min > 0) past.push(() => "");
  return { valid: (r) => word(r, Math.max(min, 1), Math.min(max, 30)), wrongType: NOT_STRING, pastLimit: (r) => r.pick(past)(r) };
}

function outside(values: readonly string[]): (r: Random) => string {
  return (r) => {
    const value = r.pick(values);
    return r.pick(["nope", "", value.toUpperCase(), ` ${value}`, `${value} `, `${value}\u0000`, value.slice(0, -1)]);
  };
}

function pick(values: readonly string[]): Field {
  return { valid: (r) => r.pick(values), wrongType: NOT_STRING, pastLimit: outside(values) };
}

/** `lane`: null is a value of its own (no lane), so it is not a wrong type here. */
function nullablePick(values: readonly string[]): Field {
  return { valid: (r) => (r.int(0, 3) === 0 ? null : r.pick(values)), wrongType: [1, true, [], {}, ["ws"]], pastLimit: outside(values) };
}

const bool: Field = {
  valid: (r) => r.int(0, 1) === 1,
  wrongType: ["true", "", 0, 1, null, [], {}],
  pastLimit: (r) => r.pick(["false", "yes", 1, 0]),
};

const pollId: Field = {
  valid: (r) => word(r, 1, 1, "abcdefghijklmnopqrstuvwxyz0123456789") + word(r, 0, 20, "abcdefghijklmnopqrstuvwxyz0123456789-"),
  wrongType: NOT_STRING,
  pastLimit: (r) => r.pick(["a".repeat(41), "-ja-usou", "Ja-usou", "ja_usou", "ja usou", "", "já-usou", "ja-usou\n", word(r, 41, 60, "abc-")]),
};

function validPoll(r: Random): Record<string, unknown> {
  const options = Array.from({ length: r.int(OPTIONS_MIN, OPTIONS_MAX) }, () => word(r, 1, 20));
  return { id: pollId.valid(r), question: word(r, 1, 40), options };
}

const pollDefinition: Field = {
  valid: validPoll,
  wrongType: [1, "ja-usou", true, null, [], ["Sim", "Não"]],
  pastLimit: (r) => {
    const poll = validPoll(r);
    const broken: Array<() => void> = [
      () => (poll["id"] = pollId.pastLimit(r)),
      () => (poll["id"] = 7),
      () => (poll["question"] = r.pick(["", "   ", word(r, QUESTION_MAX + 1, QUESTION_MAX + 20, SOLID)])),
      () => (poll["options"] = ["só uma"]),
      () => (poll["options"] = Array.from({ length: OPTIONS_MAX + 1 }, (_, i) => `opção ${i}`)),
      () => (poll["options"] = ["Sim", r.pick(["", "  ", word(r, OPTION_MAX + 1, OPTION_MAX + 10, SOLID), 5, null])]),
      () => (poll["options"] = "Sim,Não"),
      () => delete poll[r.pick(["id", "question", "options"])],
      () => (poll[r.pick(["extra", "open", "counts", "votes"])] = r.pick([true, 1, [0, 0]])),
    ];
    r.pick(broken)();
    return poll;
  },
};

function validCloud(r: Random): Record<string, unknown> {
  return { id: pollId.valid(r), prompt: word(r, 1, 40) };
}

const cloudDefinition: Field = {
  valid: validCloud,
  wrongType: [1, "usos", true, null, [], ["usos"]],
  pastLimit: (r) => {
    const cloud = validCloud(r);
    const broken: Array<() => void> = [
      () => (cloud["id"] = pollId.pastLimit(r)),
      () => (cloud["prompt"] = r.pick(["", "   ", word(r, PROMPT_MAX + 1, PROMPT_MAX + 20, SOLID)])),
      () => delete cloud[r.pick(["id", "prompt"])],
      () => (cloud[r.pick(["extra", "words", "hidden"])] = r.pick([true, 1, ["chat"]])),
    ];
    r.pick(broken)();
    return cloud;
  },
};

function validQuiz(r: Random): Record<string, unknown> {
  const options = Array.from({ length: r.int(QUIZ_OPTIONS_MIN, QUIZ_OPTIONS_MAX) }, () => word(r, 1, 20));
  return { id: pollId.valid(r), question: word(r, 1, 40), options, answer: r.int(0, options.length - 1), seconds: r.int(QUIZ_SECONDS_MIN, QUIZ_SECONDS_MAX) };
}

const quizDefinition: Field = {
  valid: validQuiz,
  wrongType: [1, "quiz", true, null, [], ["A", "B"]],
  pastLimit: (r) => {
    const quiz = validQuiz(r);
    const broken: Array<() => void> = [
      () => (quiz["id"] = pollId.pastLimit(r)),
      () => (quiz["options"] = Array.from({ length: QUIZ_OPTIONS_MAX + 1 }, (_, i) => `opção ${i}`)),
      () => (quiz["answer"] = (quiz["options"] as string[]).length),
      () => (quiz["answer"] = r.pick([-1, 1.5, "0", null])),
      () => (quiz["seconds"] = r.pick([QUIZ_SECONDS_MIN - 1, QUIZ_SECONDS_MAX + 1, 10.5, "10"])),
      () => delete quiz[r.pick(["id", "question", "options", "answer", "seconds"])],
      () => (quiz[r.pick(["extra", "startedAt", "endsAt"])] = r.pick([true, 1])),
    ];
    r.pick(broken)();
    return quiz;
  },
};

function validCounts(r: Random): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let n = r.int(1, 3); n > 0; n--) counts[r.pick(REACTIONS)] = r.int(1, 50);
  return counts;
}

const counts: Field = {
  valid: validCounts,
  wrongType: [1, "👏", true, null, [], [1]],
  pastLimit: (r) => {
    const reaction = r.pick(REACTIONS);
    return r.pick<Record<string, unknown>>([{}, { [reaction]: 0 }, { [reaction]: 51 }, { [reaction]: 1.5 }, { [reaction]: -1 }, { [reaction]: "1" }, { "👍": 1 }, { ...validCounts(r), x: 1 }, { [reaction]: null }]);
  },
};

/** A valid view of one of the presenter's demos, as the projector gets it (the `mirror` message). */
function validView(r: Random): Record<string, unknown> {
  switch (r.pick(MIRROR_DEMOS)) {
    case "handshake":
      return {
        demo: "handshake",
        path: `/parties/handshake/${word(r, 1, 12)}`,
        request: { method: "GET", upgrade: "websocket", connection: r.pick(["Upgrade", "keep-alive, Upgrade", null]), key: `${word(r, 22, 22)}==`, version: "13", extensions: r.pick([null, "permessage-deflate"]), protocol: null },
        accept: r.pick([null, `${word(r, 27, 27)}=`]),
      };
    case "wire": {
      const rows = Array.from({ length: r.int(0, WIRE_ROWS_MAX) }, (_, i) => ({
        id: i + 1,
        direction: r.pick(["in", "out"]),
        at: r.int(0, 2 ** 42),
        type: word(r, 1, 16),
        note: word(r, 0, 16),
        payloadBytes: r.int(0, 70_000),
      }));
      const side = () => ({ frames: r.int(0, 1000), bytes: r.int(0, 1e9), headerBytes: r.int(0, 1e6) });
      return { demo: "wire", rows, drawn: rows.length > 0 && r.int(0, 1) ? 1 : null, totals: { in: side(), out: side() }, extensions: r.pick(["", "permessage-deflate"]) };
    }
    default: {
      const visit = () => (r.int(0, 2) === 0 ? null : { visits: r.int(0, 1e6), time: word(r, 0, 8, "0123456789:") });
      return { demo: "pages", lang: r.pick(locales), page: visit(), data: visit() };
    }
  }
}

const mirrorView: Field = {
  valid: validView,
  wrongType: [1, "wire", true, null, [], [{ demo: "wire" }]],
  pastLimit: (r) => {
    const view = validView(r);
    const request = view["request"] as Record<string, unknown> | undefined;
    const broken: Array<() => void> = [
      () => (view["demo"] = r.pick(["poll", "", "WIRE", "handshake ", 7, null])),
      () => (view[r.pick(["extra", "role", "key", "html"])] = r.pick([1, "x", true, {}])),
      () => delete view[r.pick(Object.keys(view).filter((key) => key !== "demo"))],
    ];
    if (view["demo"] === "handshake") {
      broken.push(
        () => (request!["key"] = r.pick(["", "k".repeat(65), 5, null])),
        () => (request![r.pick(["cookie", "host", "origin"])] = "x"),
        () => (view["path"] = "/".repeat(65)),
      );
    } else if (view["demo"] === "wire") {
      const row = { id: 1, direction: "in", at: 0, type: "sync", note: "", payloadBytes: 15 };
      broken.push(
        () => (view["rows"] = Array.from({ length: WIRE_ROWS_MAX + 1 }, (_, i) => ({ ...row, id: i + 1 }))),
        () => {
          const wrong: Record<string, readonly unknown[]> = { direction: ["sideways", "IN", null], type: ["x".repeat(17), 1, null], note: ["x".repeat(17), 0, null], payloadBytes: [-1, 0.5, "28"], id: [0, -1, 0.5, null] };
          const field = r.pick(Object.keys(wrong));
          view["rows"] = [{ ...row, [field]: r.pick(wrong[field]!) }];
        },
        () => (view["rows"] = [{ ...row, masked: true }]),
        () => (view["drawn"] = r.pick([0, -1, 1.5, "1"])),
        () => (view["extensions"] = "x".repeat(201)),
      );
    } else {
      broken.push(
        () => (view["lang"] = r.pick(["fr", "pt-BR", "", null])),
        () => (view[r.pick(["page", "data"])] = r.pick([{ visits: -1, time: "x" }, { visits: 1.5, time: "x" }, { visits: 1, time: "x".repeat(33) }, { visits: 1 }, "<html>"])),
      );
    }
    r.pick(broken)();
    return view;
  },
};

/** A point of a slide, [x, y] in 0..1; past the limit: outside [0, 1], infinite, not a pair. */
const slidePoint: Field = {
  valid: (r) => [Math.round(r.float() * 1000) / 1000, Math.round(r.float() * 1000) / 1000],
  wrongType: [1, "0.5,0.5", true, {}, { x: 0.5, y: 0.5 }],
  pastLimit: (r) => r.pick<unknown>([[1.001, 0.5], [0.5, -0.001], [Infinity, 0.5], [0.5, -Infinity], [0.5], [0.5, 0.5, 0.5], ["0.5", 0.5], [null, 0.5], []]),
};

const laserAt: Field = { ...slidePoint, valid: (r) => (r.int(0, 3) === 0 ? null : slidePoint.valid(r)), wrongType: [1, "0.5,0.5", true, {}] };

const strokePoints: Field = {
  valid: (r) => Array.from({ length: r.int(1, 8) }, () => slidePoint.valid(r)),
  wrongType: [1, "x", true, null, {}],
  pastLimit: (r) => r.pick<unknown>([[], Array.from({ length: PIECE_POINTS_MAX + 1 }, () => [0.5, 0.5]), [[0.5, 0.5], slidePoint.pastLimit(r)], [[0.5, 0.5], 3]]),
};

/** Every client message and its fields (besides `type`). A new type fails to compile until it is here. */
const MESSAGES: { readonly [T in ClientMessageType]: Readonly<Record<string, Field>> } = {
  goto: { slide: int(0, SLIDE_MAX), step: int(0, STEP_MAX) },
  timer: { action: pick(["start", "pause", "reset"]) },
  showJoin: { part: pick(["card", "badge"]), shown: bool },
  sync: {},
  ping: { id: text(0, PING_ID_MAX) },
  read: { mark: text(0, PING_ID_MAX) },
  lane: { lane: nullablePick(LANES) },
  stream: { action: pick(["start", "stop", "fire"]) },
  seen: { id: int(1, EVENT_ID_MAX), latency: finite(-REPORT_MS_MAX, REPORT_MS_MAX) },
  rtt: { ms: finite(0, REPORT_MS_MAX) },
  reset: { feature: pick(REPORTING) },
  poll: { action: pick(["show", "open", "close"]), poll: pollDefinition },
  vote: { poll: pollId, option: int(0, OPTIONS_MAX - 1) },
  react: { counts },
  ask: { text: text(1, QUESTION_RAW_MAX) },
  upvote: { id: text(0, PING_ID_MAX) },
  moderate: { id: text(0, PING_ID_MAX), action: pick(["answered", "hidden", "open"]) },
  cloud: { action: pick(["show", "reset"]), cloud: cloudDefinition },
  cloudHide: { cloud: pollId, key: text(1, KEY_MAX), hidden: bool },
  cloudAnswer: { cloud: pollId, text: text(1, ANSWER_RAW_MAX) },
  notify: { kind: pick(NOTIFICATION_KINDS) },
  ack: { id: int(1, EVENT_ID_MAX) },
  tilt: { beta: finite(-180, 180), gamma: finite(-90, 90) },
  mirror: { view: mirrorView },
  pointer: { slide: int(0, SLIDE_MAX), at: laserAt },
  stroke: { slide: int(0, SLIDE_MAX), id: int(1, STROKE_ID_MAX), points: strokePoints },
  clearStrokes: { slide: int(0, SLIDE_MAX) },
  quiz: { action: pick(["show", "start", "end", "leaderboard"]), quiz: quizDefinition },
  quizSeen: { quiz: pollId },
  quizAnswer: { quiz: pollId, option: int(0, QUIZ_OPTIONS_MAX - 1) },
  nickname: { name: text(0, NICKNAME_RAW_MAX) },
  hideNickname: { player: int(1, PLAYER_MAX), hidden: bool },
};

export const MESSAGE_TYPES = Object.keys(MESSAGES) as ClientMessageType[];
const WITH_FIELDS = MESSAGE_TYPES.filter((type) => Object.keys(MESSAGES[type]).length > 0);
/** Only a presenter may send these (`forbidden` otherwise). */
export const PRESENTER_ONLY: readonly ClientMessageType[] = ["goto", "timer", "showJoin", "stream", "reset", "poll", "moderate", "notify", "mirror", "pointer", "stroke", "clearStrokes", "cloud", "cloudHide", "quiz", "hideNickname"];
/** Only the audience may send these (`forbidden` for a presenter or a screen). */
export const AUDIENCE_ONLY: readonly ClientMessageType[] = ["lane", "seen", "vote", "react", "ask", "upvote", "ack", "tilt", "cloudAnswer", "quizSeen", "quizAnswer", "nickname"];
/** Keys no message has; `toString` and friends are names an object inherits, but not forbidden ones. */
const EXTRA_KEYS = ["slid", "extra", "admin", "role", "key", "pid", "seq", "isPresenter", "Type", "type ", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];
const FORBIDDEN_KEYS = ["__proto__", "constructor", "prototype"];
/** Names Object.prototype has: as a `type` they must be unknown, not looked up. */
const INHERITED_NAMES = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "__lookupGetter__", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString"];

function valid(r: Random, type: ClientMessageType): Record<string, unknown> {
  const message: Record<string, unknown> = { type };
  for (const [name, field] of Object.entries(MESSAGES[type])) message[name] = field.valid(r);
  return message;
}

/** JSON.stringify, except that ±Infinity become 1e999 / -1e999 (JSON.parse reads them as ±Infinity). */
export function encode(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item === Infinity ? "@@inf@@" : item === -Infinity ? "@@-inf@@" : item))
    .replaceAll('"@@inf@@"', "1e999")
    .replaceAll('"@@-inf@@"', "-1e999");
}

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const badMessage = (ref?: string): Expected => (ref === undefined ? { code: "bad_message" } : { code: "bad_message", ref });

// ── Kinds ────────────────────────────────────────────────────────────────────────────────────

type Made = Omit<HostileFrame, "kind">;

function randomChar(r: Random): string {
  switch (r.int(0, 6)) {
    case 0:
      return String.fromCharCode(r.int(0, 31)); // controls
    case 1:
      return String.fromCharCode(r.int(0xd800, 0xdfff)); // a lone surrogate (sent as U+FFFD)
    case 2:
      return String.fromCodePoint(r.int(0x1f300, 0x1faff)); // emoji
    case 3:
      return String.fromCharCode(r.int(0xa0, 0x2fff));
    case 4:
      return r.pick(['{', '}', '[', ']', '"', ':', ',', "\\", "'", " "]);
    default:
      return String.fromCharCode(r.int(32, 126));
  }
}

function randomText(r: Random): Made {
  for (;;) {
    let text = "";
    for (let n = r.int(1, 300); n > 0; n--) text += randomChar(r);
    if (!parses(text) && utf8Bytes(text) <= MAX_FRAME_BYTES) return { wire: { text }, expect: { code: "bad_json" } };
  }
}

/** Bytes that are not UTF-8, in a text frame: the runtime decodes them with U+FFFD; the leading 0xFF makes sure no JSON survives. */
function invalidUtf8(r: Random): Made {
  const bytes = new Uint8Array(r.int(1, 200));
  bytes[0] = 0xff;
  for (let i = 1; i < bytes.length; i++) bytes[i] = r.int(0, 255);
  return { wire: { invalidUtf8: bytes }, expect: { code: "bad_json" } };
}

function binary(r: Random): Made {
  const body = r.int(0, 2) === 0 ? new TextEncoder().encode(encode(valid(r, "ping"))) : Uint8Array.from({ length: r.pick([0, 1, r.int(2, 2048), r.int(4097, 20_000)]) }, () => r.int(0, 255));
  return { wire: { binary: body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer }, expect: { code: "binary_not_supported" } };
}

const BAD_JSON_TEMPLATES = [
  "",
  "   ",
  "undefined",
  "NaN",
  "{'type':'ping','id':'x'}",
  '{type:"sync"}',
  '{"type":"ping","id":"x",}',
  '{"type":"goto","slide":NaN,"step":0}',
  '{"type":"goto","slide":01,"step":0}',
  '{"type":"goto","slide":+1,"step":0}',
  '{"type":"sync"/* a comment */}',
  '\uFEFF{"type":"sync"}',
  '{"type":"sync"}{"type":"sync"}',
  '{"type":"sync"}\u0000',
  '{"type":"ping","id":"\\x41"}',
  '{"type":"ping","id":"a\u0001b"}',
  '{"type":"ping","id":"\\ud83d\\u"}',
  "[1,2",
  '"unterminated',
  '{"type":"sync"',
  "{}}",
  "[,]",
];

function badJson(r: Random): Made {
  if (r.int(0, 2) === 0) {
    const text = r.pick(BAD_JSON_TEMPLATES);
    if (parses(text)) throw new Error(`template parses: ${text}`);
    return { wire: { text }, expect: { code: "bad_json" } };
  }
  const type = r.pick(MESSAGE_TYPES);
  const whole = encode(valid(r, type));
  for (;;) {
    const text =
      r.int(0, 1) === 0
        ? whole.slice(0, r.int(1, whole.length - 1)) // cut short
        : (() => {
            const at = r.int(0, whole.length - 1);
            return whole.slice(0, at) + r.pick(["{", "}", "[", "]", ":", ",", '"', "'", "\\", "\u0000"]) + whole.slice(at + 1);
          })();
    if (!parses(text)) return { wire: { text }, expect: { code: "bad_json" }, about: type };
  }
}

function randomJson(r: Random, depth: number): unknown {
  switch (depth <= 0 ? r.int(0, 3) : r.int(0, 5)) {
    case 0:
      return r.pick([null, true, false]);
    case 1:
      return r.pick([0, -1, 1.5, 1e308, -(2 ** 53), r.int(-1e6, 1e6)]);
    case 2:
      return r.pick(["", "goto", "ping", word(r, 1, 12), "🐍"]);
    case 3:
      return r.pick([[], {}]);
    case 4:
      return Array.from({ length: r.int(0, 4) }, () => randomJson(r, depth - 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let n = r.int(0, 4); n > 0; n--) object[word(r, 1, 8, "abcdefghijklmnopqrstuvwxyz")] = randomJson(r, depth - 1);
      return object;
    }
  }
}

/** Valid JSON that is not a message: not an object, or an object whose `type` is missing or not a string. */
function wrongShape(r: Random): Made {
  for (;;) {
    let value = randomJson(r, 3);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const object = value as Record<string, unknown>;
      delete object["type"];
      const type = r.pick([undefined, null, 5, true, ["ping"], { type: "ping" }, 0]);
      if (type !== undefined) object["type"] = type;
      value = r.int(0, 3) === 0 ? { ...valid(r, r.pick(MESSAGE_TYPES)), type } : object;
    }
    const text = encode(value);
    if (utf8Bytes(text) <= MAX_FRAME_BYTES) return { wire: { text }, expect: badMessage() };
  }
}

function mutated(r: Random, mutate: (message: Record<string, unknown>, fields: Readonly<Record<string, Field>>, type: ClientMessageType) => Expected, types: readonly ClientMessageType[] = WITH_FIELDS): Made {
  const type = r.pick(types);
  const message = valid(r, type);
  const expect = mutate(message, MESSAGES[type], type);
  return { wire: { text: encode(message) }, expect, about: type };
}

const wrongType = (r: Random) =>
  mutated(r, (message, fields, type) => {
    const name = r.pick(Object.keys(fields));
    message[name] = r.pick(fields[name]!.wrongType);
    return badMessage(type);
  });

const missingField = (r: Random) =>
  mutated(r, (message, fields, type) => {
    if (r.int(0, 5) === 0) {
      delete message["type"];
      return badMessage();
    }
    delete message[r.pick(Object.keys(fields))];
    return badMessage(type);
  });

const extraField = (r: Random) =>
  mutated(
    r,
    (message, fields, type) => {
      // A field the message really has is no extra one (cloudHide's `key`).
      message[r.pick(EXTRA_KEYS.filter((key) => !Object.hasOwn(fields, key)))] = r.pick([1, "x", true, null, { admin: true }, []]);
      return badMessage(type);
    },
    MESSAGE_TYPES,
  );

const pastLimit = (r: Random) =>
  mutated(r, (message, fields, type) => {
    const name = r.pick(Object.keys(fields));
    message[name] = fields[name]!.pastLimit(r);
    return badMessage(type);
  });

/** Around MAX_FRAME_BYTES, counted in UTF-8 bytes, not characters. */
function frameSize(r: Random): Made {
  const padTo = (bytes: number, unit: string, type: ClientMessageType = "ping", field = "id"): string => {
    const shell = encode({ type, [field]: "" });
    const room = bytes - utf8Bytes(shell);
    const unitBytes = utf8Bytes(unit);
    return `${shell.slice(0, -2)}${unit.repeat(Math.floor(room / unitBytes))}${"x".repeat(room % unitBytes)}"}`;
  };
  switch (r.int(0, 6)) {
    case 0: // exactly at the limit: parsed, and refused for what it says
      return { wire: { text: padTo(MAX_FRAME_BYTES, r.pick(["x", "é", "€", "🐍"])) }, expect: badMessage("ping"), about: "ping" };
    case 1: // one byte over
      return { wire: { text: padTo(MAX_FRAME_BYTES + 1, r.pick(["x", "é", "€", "🐍"])) }, expect: { code: "too_large" }, about: "ping" };
    case 2: {
      // fewer characters than the limit, more bytes: é is two bytes
      const text = padTo(MAX_FRAME_BYTES + r.int(2, 400), "é", "ask", "text");
      if (text.length > MAX_FRAME_BYTES) throw new Error("meant to be short in characters");
      return { wire: { text }, expect: { code: "too_large" }, about: "ask" };
    }
    case 3: // anything up to 64 KiB
      return { wire: { text: padTo(Math.round(MAX_FRAME_BYTES * 2 ** (r.float() * 4)) + 1, "x") }, expect: { code: "too_large" }, about: "ping" };
    case 4: {
      let text = "";
      while (utf8Bytes(text) <= MAX_FRAME_BYTES) text += randomChar(r).repeat(r.int(1, 200));
      return { wire: { text }, expect: { code: "too_large" } };
    }
    case 5: // exactly at the limit, not JSON
      return { wire: { text: "x".repeat(MAX_FRAME_BYTES) }, expect: { code: "bad_json" } };
    default: // a well-formed message of the right shape, too big
      return { wire: { text: padTo(r.int(MAX_FRAME_BYTES + 1, 3 * MAX_FRAME_BYTES), "—", "ask", "text") }, expect: { code: "too_large" }, about: "ask" };
  }
}

function nested(open: string, close: string, inner: string, depth: number): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

function deepNesting(r: Random): Made {
  const fit = Math.floor(MAX_FRAME_BYTES / 2) - 30;
  switch (r.int(0, 7)) {
    case 0:
      return { wire: { text: nested("[", "]", "", 10_000) }, expect: { code: "too_large" } };
    case 1:
      return { wire: { text: nested("[", "]", "", r.int(0, 9) === 0 ? 100_000 : 20_000) }, expect: { code: "too_large" } };
    case 2:
      return { wire: { text: nested("[", "]", r.pick(["", "1", '{"type":"ping","id":"x"}']), r.int(500, fit)) }, expect: badMessage() };
    case 3:
      return { wire: { text: `{"type":"ping","id":${nested("[", "]", '"x"', r.int(500, fit))}}` }, expect: badMessage("ping"), about: "ping" };
    case 4:
      return { wire: { text: `{"type":"goto","slide":${nested('{"a":', "}", "1", r.int(100, 560))},"step":0}` }, expect: badMessage("goto"), about: "goto" };
    case 5:
      return { wire: { text: nested('{"a":', "}", '{"type":"sync"}', r.int(100, 580)) }, expect: badMessage() };
    case 6:
      return { wire: { text: "[".repeat(r.int(1000, MAX_FRAME_BYTES)) }, expect: { code: "bad_json" } };
    default:
      return { wire: { text: `{"type":"sync","x":${nested("[", "]", "", 10_000)}}` }, expect: { code: "too_large" } };
  }
}

/** A forbidden key, sometimes spelled with a JSON escape (it parses to the same key). */
function forbiddenKey(r: Random): string {
  const key = r.pick(FORBIDDEN_KEYS);
  if (r.int(0, 2) > 0) return JSON.stringify(key);
  const at = r.int(0, key.length - 1);
  return `"${key.slice(0, at)}\\u${key.charCodeAt(at).toString(16).padStart(4, "0")}${key.slice(at + 1)}"`;
}

function protoKey(r: Random): Made {
  const key = forbiddenKey(r);
  const payload = r.pick([
    `{"polluted":"${POLLUTION_MARK}"}`,
    `{"polluted":"${POLLUTION_MARK}","role":"presenter","type":"goto","slide":999,"step":99}`,
    `{"toString":"${POLLUTION_MARK}","valueOf":1}`,
    `{"prototype":{"polluted":"${POLLUTION_MARK}"}}`,
    "null",
    `"${POLLUTION_MARK}"`,
  ]);
  const text = r.pick([
    () => `{"type":"ping","id":"x",${key}:${payload}}`,
    () => `{${key}:${payload},"type":"sync"}`,
    () => `{${key}:${payload}}`,
    () => `{"type":"react","counts":{${key}:${payload}}}`,
    () => `{"type":"react","counts":{"👏":1,${key}:50}}`,
    () => `{"type":"vote","poll":"ja-usou","option":0,${key}:${payload}}`,
    () => `{"type":"poll","action":"show","poll":{"id":"ja-usou","question":"Q?","options":["a","b"],${key}:${payload}}}`,
    () => `{"type":"ping","id":[{${key}:${payload}}]}`,
    () => nested('{"a":', "}", `{${key}:${payload}}`, r.int(1, 200)),
    () => `{"type":"goto","slide":1,"step":0,"x":[[[{${key}:${payload}}]]]}`,
  ])();
  return { wire: { text }, expect: badMessage() };
}

function unknownType(r: Random): Made {
  const real = new Set<string>(MESSAGE_TYPES);
  for (;;) {
    const base = r.pick(MESSAGE_TYPES);
    const type = r.pick([
      () => r.pick(INHERITED_NAMES),
      () => base.toUpperCase(),
      () => base[0]!.toUpperCase() + base.slice(1),
      () => ` ${base}`,
      () => `${base}\u0000`,
      () => `${base}s`,
      () => "",
      () => word(r, 1, 16),
      () => word(r, PING_ID_MAX + 1, 3000),
      () => "🐍".repeat(r.int(1, 300)),
      () => `a${"🐍".repeat(r.int(16, 100))}`, // its 32-character ref ends in half an emoji
      () => "ação",
    ])();
    if (real.has(type)) continue;
    const message = r.int(0, 1) === 0 ? { type } : { ...valid(r, base), type };
    const text = encode(message);
    if (utf8Bytes(text) <= MAX_FRAME_BYTES) return { wire: { text }, expect: { code: "unknown_type", ref: type.slice(0, PING_ID_MAX) } };
  }
}

/** Valid messages this role may not send: refused as `forbidden`, whatever they say. */
function unauthorised(r: Random, role: Role): Made {
  const types = role === "audience" ? PRESENTER_ONLY : role === "presenter" ? AUDIENCE_ONLY : [...PRESENTER_ONLY, ...AUDIENCE_ONLY];
  const type = r.pick(types);
  const message = valid(r, type);
  // A duplicated `type` key: JSON.parse keeps the last one, and so must the room's check.
  const text = r.int(0, 4) === 0 ? `{"type":"ping",${encode(message).slice(1)}` : encode(message);
  return { wire: { text }, expect: { code: "forbidden", ref: type }, about: type };
}

/** Not a real question, nor q1..q9 (the honest ones). */
function unknownQuestionId(r: Random): string {
  return r.pick([`q${r.int(100_000, 999_999_999)}`, "q0", "Q1", "", ...INHERITED_NAMES.filter((name) => name.length <= PING_ID_MAX)]);
}

/** Valid, authorised messages that the room's rules refuse. */
function refused(r: Random, role: Role): Made {
  if (role === "presenter") {
    return { wire: { text: encode({ type: "moderate", id: unknownQuestionId(r), action: r.pick(["answered", "hidden", "open"]) }) }, expect: { code: "no_question", ref: "moderate" }, about: "moderate" };
  }
  const made = r.pick([
    (): Made => ({ wire: { text: encode({ type: "vote", poll: r.pick(["nao-existe", `fuzz-${r.int(0, 1e6)}`, "constructor", "prototype", "tostring", "valueof"]), option: r.int(0, 5) }) }, expect: { code: "no_poll", ref: "vote" }, about: "vote" }),
    (): Made => ({ wire: { text: encode({ type: "upvote", id: unknownQuestionId(r) }) }, expect: { code: "no_question", ref: "upvote" }, about: "upvote" }),
    // Nothing visible once spaces, control, format and invisible characters are removed.
    (): Made => ({ wire: { text: encode({ type: "ask", text: word(r, 1, 40, " \t\n\u0000\u0001\u0007\u001b\u007f\u0085\u202e\u2066\u200b\u2060\ufeff\u3164") }) }, expect: { code: "bad_request", ref: "ask" }, about: "ask" }),
    // One character a person sees too many (within the message's raw cap: a rule, not a shape).
    (): Made => ({ wire: { text: encode({ type: "ask", text: "\u0958".repeat(QUESTION_TEXT_MAX + 1) }) }, expect: { code: "bad_request", ref: "ask" }, about: "ask" }),
  ])();
  // A screen is refused for who it is before anything else is looked at.
  return role === "screen" ? { ...made, expect: { code: "forbidden", ref: made.about! } } : made;
}

const MAKERS: Readonly<Record<Kind, (r: Random, role: Role) => Made>> = {
  "random-text": randomText,
  "invalid-utf8": invalidUtf8,
  binary,
  "bad-json": badJson,
  "wrong-shape": wrongShape,
  "wrong-type": wrongType,
  "missing-field": missingField,
  "extra-field": extraField,
  "past-limit": pastLimit,
  "frame-size": frameSize,
  "deep-nesting": deepNesting,
  "proto-key": protoKey,
  "unknown-type": unknownType,
  unauthorised,
  refused,
};

/** `count` hostile frames for a socket of `role`, the same ones for the same seed. */
export function hostileFrames(seed: number, role: Role, count: number): HostileFrame[] {
  const r = seeded(seed);
  const total = KINDS.reduce((sum, kind) => sum + WEIGHTS[kind], 0);
  return Array.from({ length: count }, () => {
    let roll = r.float() * total;
    const kind = KINDS.find((each) => (roll -= WEIGHTS[each]) < 0) ?? KINDS[0];
    return { kind, ...MAKERS[kind](r, role) };
  });
}

/** A short printable form of a frame, for failure messages. */
export function describeWire(wire: Wire): string {
  if ("text" in wire) return `text(${utf8Bytes(wire.text)} B) ${JSON.stringify(wire.text.slice(0, 120))}`;
  if ("binary" in wire) return `binary(${wire.binary.byteLength} B)`;
  return `invalid UTF-8 text(${wire.invalidUtf8.length} B)`;
}

/** The frame's size on the wire (payload bytes). */
export function wireBytes(wire: Wire): number {
  if ("text" in wire) return utf8Bytes(wire.text);
  if ("binary" in wire) return wire.binary.byteLength;
  return wire.invalidUtf8.length;
}
