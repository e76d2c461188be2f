/**
 * The wire protocol: one valibot schema per message, the limits, error and close codes.
 * JSON text frames `{ "type": "…", … }`. docs/PROTOCOL.md describes the same thing for people.
 * Shared by the server (parseClientMessage) and the browser (parseServerMessage).
 */
import * as v from "valibot";
import { OPTIONS_MAX, POLL_ID_PATTERN, PollDefinitionSchema } from "../features/polls/rules.ts";
import { utf8Length } from "./utf8.ts";

import type { PublicState } from "./state.ts";

export type { PublicState, TimerState } from "./state.ts";

// ── Limits ───────────────────────────────────────────────────────────────────────────────────

/** Largest accepted client frame, in UTF-8 bytes. Every valid message is far smaller. */
export const MAX_FRAME_BYTES = 4096;
export const SLIDE_MAX = 999;
export const STEP_MAX = 99;
export const PING_ID_MAX = 32;
/** Latency and round-trip reports from phones, in ms: anything longer is a phone that slept. */
export const REPORT_MS_MAX = 120_000;
/** Largest event id of the demo stream (a talk fires a few hundred). */
export const EVENT_ID_MAX = 2 ** 31 - 1;

// ── Roles, errors and close codes ────────────────────────────────────────────────────────────

/**
 * presenter: drives the talk (holds the key). audience: a phone, counted once per participant.
 * screen: the projector's view of the room: follows the presenter, sees what presenters see of
 * the demos, is not counted and cannot drive.
 */
export const ROLES = ["presenter", "audience", "screen"] as const;
export type Role = (typeof ROLES)[number];

export const ERROR_CODES = [
  "bad_json",
  "bad_message",
  "unknown_type",
  "too_large",
  "binary_not_supported",
  "forbidden",
  "unauthorized",
  "no_room",
  "room_exists",
  "bad_room",
  "bad_request",
  "rate_limited",
  "no_poll",
  "poll_closed",
  "no_question",
  "already_upvoted",
  "own_question",
  "question_limit",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Short Portuguese texts: the audience's phones may show them as they are. */
export const ERROR_TEXT: Readonly<Record<ErrorCode, string>> = {
  bad_json: "JSON inválido",
  bad_message: "Mensagem inválida",
  unknown_type: "Tipo de mensagem desconhecido",
  too_large: `Mensagem grande demais (máximo ${MAX_FRAME_BYTES} bytes)`,
  binary_not_supported: "Mensagens binárias não são aceitas",
  forbidden: "Só quem apresenta pode fazer isso",
  unauthorized: "Chave de apresentação inválida",
  no_room: "Sala não encontrada",
  room_exists: "Essa sala já existe",
  bad_room: "Código de sala inválido",
  bad_request: "Requisição inválida",
  rate_limited: "Mensagens demais, vá mais devagar",
  no_poll: "Essa votação não existe",
  poll_closed: "A votação está fechada",
  no_question: "Essa pergunta não existe",
  already_upvoted: "Você já apoiou essa pergunta",
  own_question: "Essa pergunta é sua: não dá para apoiar a própria",
  question_limit: "Limite de perguntas",
};

/**
 * Close codes the server uses (4000–4999 are the application's, RFC 6455 §7.4.2). All four mean
 * "retrying the same URL will fail the same way": a client must not reconnect automatically.
 */
export const CLOSE_CODES = {
  /** Bad connect URL: missing or invalid participant id, missing or unknown role. */
  badRequest: 4000,
  /** Presenter key missing or wrong. */
  unauthorized: 4001,
  /** The room was never created (error `no_room`), or the URL's code can't be a room (`bad_room`). */
  noRoom: 4004,
  /** Flooding: too many messages refused by the rate limit. */
  policy: 4008,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set(Object.values(CLOSE_CODES));

/** True for close codes after which reconnecting is pointless (tell partysocket to stop). */
export function isFinalCloseCode(code: number): boolean {
  return FINAL_CLOSE_CODES.has(code);
}

// ── Live demos ───────────────────────────────────────────────────────────────────────────────

/** The three ways the delivery demo brings one event stream to a phone. */
export const LANES = ["poll", "longpoll", "ws"] as const;
export type Lane = (typeof LANES)[number];

/** The lab's modules (demos and audience features); each has its own report (`lab` messages) and reset. */
export const DEMOS = ["delivery", "requests", "pages", "rtt", "browsers", "reactions", "questions", "notify", "sensors"] as const;
export type DemoName = (typeof DEMOS)[number];

// ── Shared shapes ────────────────────────────────────────────────────────────────────────────

const Int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const TimerStateSchema = v.object({
  startedAt: v.nullable(v.number()),
  elapsed: v.number(),
});

export const PublicStateSchema = v.object({
  code: v.string(),
  slide: v.number(),
  step: v.number(),
  presenterOnline: v.boolean(),
  audience: v.number(),
  timer: TimerStateSchema,
  poll: v.nullable(
    v.object({
      id: v.string(),
      question: v.string(),
      options: v.array(v.string()),
      open: v.boolean(),
      counts: v.array(v.number()),
      total: v.number(),
    }),
  ),
}) satisfies v.GenericSchema<unknown, PublicState>; // the schema and state.ts's type must agree

// ── Client → server ──────────────────────────────────────────────────────────────────────────
// Strict objects: an unknown field is a bad_message, so a typo ("slid") fails loudly instead of
// being ignored.

export const GotoSchema = v.strictObject({
  type: v.literal("goto"),
  slide: Int(0, SLIDE_MAX),
  step: Int(0, STEP_MAX),
});

export const TimerSchema = v.strictObject({
  type: v.literal("timer"),
  action: v.picklist(["start", "pause", "reset"]),
});

export const SyncSchema = v.strictObject({
  type: v.literal("sync"),
});

export const PingSchema = v.strictObject({
  type: v.literal("ping"),
  id: v.pipe(v.string(), v.maxLength(PING_ID_MAX)),
});

/** Audience: which delivery lane this phone watches the event stream on (null: none). */
export const LaneSchema = v.strictObject({
  type: v.literal("lane"),
  lane: v.nullable(v.picklist(LANES)),
});

/** Presenter: the delivery demo's event stream (a steady ticker, or one event now). */
export const StreamSchema = v.strictObject({
  type: v.literal("stream"),
  action: v.picklist(["start", "stop", "fire"]),
});

/** Audience: event `id` reached this phone's screen `latency` ms after the server made it. */
export const SeenSchema = v.strictObject({
  type: v.literal("seen"),
  id: Int(1, EVENT_ID_MAX),
  // A phone's clock estimate can put a fast delivery a few ms before the event: not an error.
  latency: v.pipe(v.number(), v.finite(), v.minValue(-REPORT_MS_MAX), v.maxValue(REPORT_MS_MAX)),
});

/** Audience: this phone's latest round-trip time to the room, in ms. */
export const RttSchema = v.strictObject({
  type: v.literal("rtt"),
  ms: v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(REPORT_MS_MAX)),
});

/** Presenter: put a poll on screen (creating it the first time), open it for votes, or close it. */
export const PollSchema = v.strictObject({
  type: v.literal("poll"),
  action: v.picklist(["show", "open", "close"]),
  poll: PollDefinitionSchema,
});

/** Audience: this participant's ballot in a poll (a second one replaces the first while it is open). */
export const VoteSchema = v.strictObject({
  type: v.literal("vote"),
  poll: v.pipe(v.string(), v.regex(POLL_ID_PATTERN)),
  option: Int(0, OPTIONS_MAX - 1),
});

// ── Audience participation (issue 5) ─────────────────────────────────────────────────────────

/** The reactions a phone can send. */
export const REACTIONS = ["👏", "❤️", "😂", "🤯", "🐍", "🔥"] as const;
export type Reaction = (typeof REACTIONS)[number];
/** Longest question, in characters (after trimming). */
export const QUESTION_TEXT_MAX = 280;
export const NOTIFICATION_KINDS = ["email", "message", "like"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Audience: taps since the last batch, per reaction (phones batch: a few messages a second at most). */
export const ReactSchema = v.strictObject({
  type: v.literal("react"),
  counts: v.pipe(
    v.record(v.picklist(REACTIONS), Int(1, 50)),
    v.check((counts) => Object.keys(counts).length > 0, "vazio"),
  ),
});

/** Audience: a question for the presenter (plain text; trimmed; 1..QUESTION_TEXT_MAX characters). */
export const AskSchema = v.strictObject({
  type: v.literal("ask"),
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(QUESTION_TEXT_MAX)),
});

/** Audience: one upvote per participant and question. */
export const UpvoteSchema = v.strictObject({
  type: v.literal("upvote"),
  id: v.pipe(v.string(), v.maxLength(PING_ID_MAX)),
});

/** Presenter: mark a question answered, hide it, or bring it back. */
export const ModerateSchema = v.strictObject({
  type: v.literal("moderate"),
  id: v.pipe(v.string(), v.maxLength(PING_ID_MAX)),
  action: v.picklist(["answered", "hidden", "open"]),
});

/** Presenter: push a notification to every phone. */
export const NotifySchema = v.strictObject({
  type: v.literal("notify"),
  kind: v.picklist(NOTIFICATION_KINDS),
});

/** Audience: notification `id` reached this phone. */
export const AckSchema = v.strictObject({
  type: v.literal("ack"),
  id: Int(1, EVENT_ID_MAX),
});

/** Audience: this phone's tilt (front-back `beta`, left-right `gamma`, degrees), up to ~10 a second. */
export const TiltSchema = v.strictObject({
  type: v.literal("tilt"),
  beta: v.pipe(v.number(), v.finite(), v.minValue(-180), v.maxValue(180)),
  gamma: v.pipe(v.number(), v.finite(), v.minValue(-90), v.maxValue(90)),
});

/** Presenter: start a demo's measurements afresh. */
export const ResetSchema = v.strictObject({
  type: v.literal("reset"),
  demo: v.picklist(DEMOS),
});

const CLIENT_SCHEMAS = {
  goto: GotoSchema,
  timer: TimerSchema,
  sync: SyncSchema,
  ping: PingSchema,
  lane: LaneSchema,
  stream: StreamSchema,
  seen: SeenSchema,
  rtt: RttSchema,
  reset: ResetSchema,
  poll: PollSchema,
  vote: VoteSchema,
  react: ReactSchema,
  ask: AskSchema,
  upvote: UpvoteSchema,
  moderate: ModerateSchema,
  notify: NotifySchema,
  ack: AckSchema,
  tilt: TiltSchema,
} as const;

export const ClientMessageSchema = v.variant("type", [
  GotoSchema,
  TimerSchema,
  SyncSchema,
  PingSchema,
  LaneSchema,
  StreamSchema,
  SeenSchema,
  RttSchema,
  ResetSchema,
  PollSchema,
  VoteSchema,
  ReactSchema,
  AskSchema,
  UpvoteSchema,
  ModerateSchema,
  NotifySchema,
  AckSchema,
  TiltSchema,
]);

export type GotoMessage = v.InferOutput<typeof GotoSchema>;
export type TimerMessage = v.InferOutput<typeof TimerSchema>;
export type SyncMessage = v.InferOutput<typeof SyncSchema>;
export type PingMessage = v.InferOutput<typeof PingSchema>;
export type LaneMessage = v.InferOutput<typeof LaneSchema>;
export type StreamMessage = v.InferOutput<typeof StreamSchema>;
export type SeenMessage = v.InferOutput<typeof SeenSchema>;
export type RttMessage = v.InferOutput<typeof RttSchema>;
export type ResetMessage = v.InferOutput<typeof ResetSchema>;
export type PollMessage = v.InferOutput<typeof PollSchema>;
export type VoteMessage = v.InferOutput<typeof VoteSchema>;
export type ReactMessage = v.InferOutput<typeof ReactSchema>;
export type AskMessage = v.InferOutput<typeof AskSchema>;
export type UpvoteMessage = v.InferOutput<typeof UpvoteSchema>;
export type ModerateMessage = v.InferOutput<typeof ModerateSchema>;
export type NotifyMessage = v.InferOutput<typeof NotifySchema>;
export type AckMessage = v.InferOutput<typeof AckSchema>;
export type TiltMessage = v.InferOutput<typeof TiltSchema>;
export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;
export type ClientMessageType = ClientMessage["type"];

/** Actions the server refuses (`forbidden`) unless they come from a presenter connection. */
export function isPresenterOnly(message: ClientMessage): boolean {
  return message.type === "goto" || message.type === "timer" || message.type === "stream" || message.type === "reset" || message.type === "poll" || message.type === "moderate" || message.type === "notify";
}

// ── Server → client ──────────────────────────────────────────────────────────────────────────
// Plain (non-strict) objects: a client ignores fields a newer server may add.

export const YouSchema = v.object({
  role: v.picklist(ROLES),
  pid: v.optional(v.string()),
  /** This participant's ballots: poll id → option (so a reload shows their vote). */
  votes: v.optional(v.record(v.string(), v.number())),
});

export const SnapshotSchema = v.object({
  type: v.literal("snapshot"),
  seq: v.number(),
  now: v.number(),
  you: YouSchema,
  state: PublicStateSchema,
});

export const DeltaSchema = v.object({
  type: v.literal("delta"),
  seq: v.number(),
  now: v.number(),
  changes: v.partial(PublicStateSchema),
});

export const PongSchema = v.object({
  type: v.literal("pong"),
  id: v.string(),
  now: v.number(),
});

export const ErrorMessageSchema = v.object({
  type: v.literal("error"),
  code: v.picklist(ERROR_CODES),
  message: v.string(),
  ref: v.optional(v.string()),
});

/** To a presenter that has been quiet a while: "still there?" Any message answers (src/room/liveness.ts). */
export const ProbeSchema = v.object({
  type: v.literal("probe"),
});

/** To a voter: the server kept their ballot. */
export const VotedSchema = v.object({
  type: v.literal("voted"),
  poll: v.string(),
  option: v.number(),
});

/** A push notification, to every phone at once (each answers `ack`). */
export const NotificationSchema = v.object({
  type: v.literal("notification"),
  id: v.number(),
  kind: v.picklist(NOTIFICATION_KINDS),
  /** Server time it was sent (ms since the epoch). */
  at: v.number(),
});

/** One event of the delivery demo's stream, to the phones on the WebSocket lane. */
export const EventSchema = v.object({
  type: v.literal("event"),
  id: v.number(),
  /** Server time the event was made (ms since the epoch). */
  at: v.number(),
});

/** A demo's measurements: to presenters (and, for some demos, to the audience). */
export const LabSchema = v.object({
  type: v.literal("lab"),
  demo: v.picklist(DEMOS),
  data: v.unknown(),
});

export const ServerMessageSchema = v.variant("type", [SnapshotSchema, DeltaSchema, PongSchema, ErrorMessageSchema, EventSchema, LabSchema, VotedSchema, NotificationSchema, ProbeSchema]);

export type You = v.InferOutput<typeof YouSchema>;
export type SnapshotMessage = v.InferOutput<typeof SnapshotSchema>;
export type DeltaMessage = v.InferOutput<typeof DeltaSchema>;
export type PongMessage = v.InferOutput<typeof PongSchema>;
export type ErrorMessage = v.InferOutput<typeof ErrorMessageSchema>;
export type EventMessage = v.InferOutput<typeof EventSchema>;
export type LabMessage = v.InferOutput<typeof LabSchema>;
export type VotedMessage = v.InferOutput<typeof VotedSchema>;
export type NotificationMessage = v.InferOutput<typeof NotificationSchema>;
export type ServerMessage = v.InferOutput<typeof ServerMessageSchema>;

/** The body of HTTP answers: POST → 201 `RoomCreated`, GET → 200 `RoomInfo`, errors → ErrorMessage. */
export interface RoomCreated {
  code: string;
  key: string;
}
export interface RoomInfo {
  code: string;
  exists: true;
  state: v.InferOutput<typeof PublicStateSchema>;
}

export function errorMessage(code: ErrorCode, options: { ref?: string; detail?: string } = {}): ErrorMessage {
  const message = options.detail ? `${ERROR_TEXT[code]}: ${options.detail}` : ERROR_TEXT[code];
  const error: ErrorMessage = { type: "error", code, message };
  if (options.ref !== undefined) error.ref = options.ref;
  return error;
}

// ── Parsing ──────────────────────────────────────────────────────────────────────────────────

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: ErrorMessage };

/** Keys that could reach an object's prototype if some later code merged the object naively. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * JSON.parse that also reports own keys named `__proto__`/`constructor`/`prototype` at any depth
 * (the reviver sees every key). Never throws.
 */
function parseJson(text: string): { ok: true; value: unknown; poisoned: boolean } | { ok: false } {
  let poisoned = false;
  try {
    const value: unknown = JSON.parse(text, (key, val: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) poisoned = true;
      return val;
    });
    return { ok: true, value, poisoned };
  } catch {
    return { ok: false };
  }
}

/** Where a valibot failure points ("slide", "timer.elapsed"), for a useful error text. */
function issuePath(issues: readonly v.BaseIssue<unknown>[]): string | undefined {
  const path = issues[0]?.path?.map((item) => String(item.key)).join(".");
  return path || undefined;
}

/** `ref` echoes the offending type, but only a short one (the error must stay small). */
function typeRef(type: string): string {
  return type.slice(0, PING_ID_MAX);
}

/**
 * Turns one client frame into a valid message or a typed error. Never throws. Order matters:
 * binary, then size (before any parsing work), then JSON, then shape.
 */
export function parseClientMessage(raw: string | ArrayBuffer | ArrayBufferView): ParseResult<ClientMessage> {
  if (typeof raw !== "string") return { ok: false, error: errorMessage("binary_not_supported") };
  if (utf8Length(raw, MAX_FRAME_BYTES) > MAX_FRAME_BYTES) return { ok: false, error: errorMessage("too_large") };

  const parsed = parseJson(raw);
  if (!parsed.ok) return { ok: false, error: errorMessage("bad_json") };
  if (parsed.poisoned) return { ok: false, error: errorMessage("bad_message", { detail: "chave proibida" }) };

  const value = parsed.value;
  if (!isPlainObject(value)) return { ok: false, error: errorMessage("bad_message", { detail: "esperava um objeto" }) };
  const type = value["type"];
  if (typeof type !== "string") return { ok: false, error: errorMessage("bad_message", { detail: "type" }) };
  if (!Object.hasOwn(CLIENT_SCHEMAS, type)) return { ok: false, error: errorMessage("unknown_type", { ref: typeRef(type) }) };

  const result = v.safeParse(CLIENT_SCHEMAS[type as ClientMessageType], value);
  if (!result.success) {
    const detail = issuePath(result.issues);
    return { ok: false, error: errorMessage("bad_message", detail ? { ref: type, detail } : { ref: type }) };
  }
  return { ok: true, message: result.output };
}

/** Browser side: a server frame checked against the schemas (null for anything unexpected). */
export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== "string") return null;
  const parsed = parseJson(raw);
  if (!parsed.ok || parsed.poisoned) return null;
  const result = v.safeParse(ServerMessageSchema, parsed.value);
  return result.success ? result.output : null;
}

export function encodeMessage(message: ServerMessage | ClientMessage): string {
  return JSON.stringify(message);
}
