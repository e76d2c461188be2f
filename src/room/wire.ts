/**
 * What the server sends: one valibot schema per message, checked by the browser before use.
 * Plain (non-strict) objects: a client ignores fields a newer server may add.
 */
import * as v from "valibot";
import { ERROR_CODES, type ErrorMessage } from "./errors.ts";
import { parseJson } from "./json.ts";
import { ROLES } from "./participants.ts";
import { applyPatch, type MergePatch } from "./patch.ts";
import type { FeatureName, FeatureReports, PatchedFeature } from "./protocol.ts";
import type { PublicState } from "./state.ts";

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
  joinCard: v.nullable(v.boolean()),
  joinBadge: v.boolean(),
}) satisfies v.GenericSchema<unknown, PublicState>; // the schema and state.ts's type must agree

export const YouSchema = v.object({
  role: v.picklist(ROLES),
  pid: v.optional(v.string()),
  /** This participant's ballots: poll id → option (so a reload shows their vote). */
  votes: v.optional(v.record(v.string(), v.number())),
});

const SnapshotSchema = v.object({
  type: v.literal("snapshot"),
  seq: v.number(),
  now: v.number(),
  you: YouSchema,
  state: PublicStateSchema,
});

const DeltaSchema = v.object({
  type: v.literal("delta"),
  seq: v.number(),
  now: v.number(),
  changes: v.partial(PublicStateSchema),
});

const PongSchema = v.object({
  type: v.literal("pong"),
  id: v.string(),
  now: v.number(),
});

const ErrorMessageSchema = v.object({
  type: v.literal("error"),
  code: v.picklist(ERROR_CODES),
  ref: v.optional(v.string()),
  detail: v.optional(v.string()),
}) satisfies v.GenericSchema<unknown, ErrorMessage>;

/** To a presenter that has been quiet a while: "still there?" Any message answers (src/room/liveness.ts). */
const ProbeSchema = v.object({
  type: v.literal("probe"),
});

/** After every 16 K characters sent to a connection: answer `read` with this id to keep getting everything (src/room/backlog.ts). */
const MarkSchema = v.object({
  type: v.literal("mark"),
  id: v.string(),
});

/**
 * To a phone that can follow (`halls=1` in its connect URL), when the talk is crowded: connect to
 * this hall of the talk instead (party `hall`, room `hall`), as the same participant. A close (4010) follows.
 */
const HallSchema = v.object({
  type: v.literal("hall"),
  hall: v.string(),
});

/** To a voter: the server kept their ballot (the client keeps it in `you.votes`). */
const VotedSchema = v.object({
  type: v.literal("voted"),
  poll: v.string(),
  option: v.number(),
});

/** A push notification, to every phone at once (each answers `ack`); `kind` is the notify feature's. */
const NotificationSchema = v.object({
  type: v.literal("notification"),
  id: v.number(),
  kind: v.string(),
  /** Server time it was sent (ms since the epoch). */
  at: v.number(),
});

/** One event of the delivery demo's stream, to the phones on the WebSocket lane. */
const EventSchema = v.object({
  type: v.literal("event"),
  id: v.number(),
  /** Server time the event was made (ms since the epoch). */
  at: v.number(),
});

/** A point of a slide, [x, y] in 0..1 of its 16:9 box (the pointer feature: src/features/pointer). */
const InkPointSchema = v.tuple([v.number(), v.number()]);

/** New points of one stroke: they go at index `from` of stroke `id` (so one seen twice changes nothing). */
const InkPieceSchema = v.object({ id: v.number(), from: v.number(), points: v.array(InkPointSchema) });

/**
 * The presenter's laser and pen on one slide since the previous frame (≤ 30 a second): `clear`
 * wipes the slide's strokes first, `pieces` add points, `pointer` is the laser now (null: off).
 */
const InkSchema = v.object({
  type: v.literal("ink"),
  slide: v.number(),
  pointer: v.optional(v.nullable(InkPointSchema)),
  clear: v.optional(v.literal(true)),
  pieces: v.optional(v.array(InkPieceSchema)),
});

/** A feature's report, whole, its data typed by the feature's name (see FeatureReports). */
export type WholeReport<F extends FeatureName = FeatureName> = { [K in F]: { type: "report"; feature: K; data: FeatureReports[K] } }[F];

/** What changed in a feature's report since the one before, for the features that say so (PatchedReports). */
export type ReportPatch<F extends FeatureName = FeatureName> = { [K in F & PatchedFeature]: { type: "report"; feature: K; patch: MergePatch<FeatureReports[K]> } }[F & PatchedFeature];

export type ReportMessage<F extends FeatureName = FeatureName> = WholeReport<F> | ReportPatch<F>;

/**
 * The envelope is checked here; the data is the feature's report as the server (this same code)
 * built it, so its type comes from the feature's name rather than from a second schema per report.
 */
const ReportSchema = v.custom<ReportMessage>((value) => {
  if (typeof value !== "object" || value === null || !("type" in value) || value.type !== "report") return false;
  if (!("feature" in value) || typeof value.feature !== "string") return false;
  return "data" in value || ("patch" in value && typeof value.patch === "object" && value.patch !== null && !Array.isArray(value.patch));
});

/**
 * The whole report after `message`, given the whole one before it: a whole report replaces it, a
 * patch is applied to it. Null for a patch with nothing to apply it to (on one connection the
 * whole report always comes first).
 */
export function foldReport<F extends FeatureName>(previous: WholeReport<F> | undefined, message: ReportMessage<F>): WholeReport<F> | null {
  if (!("patch" in message)) return message;
  if (!previous) return null;
  return { ...previous, data: applyPatch(previous.data, message.patch) };
}

const ServerMessageSchema = v.variant("type", [
  SnapshotSchema,
  DeltaSchema,
  PongSchema,
  ErrorMessageSchema,
  ProbeSchema,
  MarkSchema,
  HallSchema,
  VotedSchema,
  NotificationSchema,
  EventSchema,
  InkSchema,
]);

export type You = v.InferOutput<typeof YouSchema>;
export type SnapshotMessage = v.InferOutput<typeof SnapshotSchema>;
export type DeltaMessage = v.InferOutput<typeof DeltaSchema>;
export type EventMessage = v.InferOutput<typeof EventSchema>;
export type NotificationMessage = v.InferOutput<typeof NotificationSchema>;
export type InkPiece = { id: number; from: number; points: [number, number][] };
/** Written out (not inferred) so the room can build one field by field; the schema checks the same shape. */
export interface InkFrame {
  type: "ink";
  slide: number;
  pointer?: [number, number] | null | undefined;
  clear?: true | undefined;
  pieces?: InkPiece[] | undefined;
}
export type ServerMessage =
  | SnapshotMessage
  | DeltaMessage
  | v.InferOutput<typeof PongSchema>
  | ErrorMessage
  | v.InferOutput<typeof ProbeSchema>
  | v.InferOutput<typeof MarkSchema>
  | v.InferOutput<typeof HallSchema>
  | v.InferOutput<typeof VotedSchema>
  | NotificationMessage
  | EventMessage
  | InkFrame
  | ReportMessage;

/** The body of HTTP answers: POST → 201 `RoomCreated`, GET → 200 `RoomInfo`, errors → ErrorMessage. */
export interface RoomCreated {
  code: string;
  key: string;
}
/** POST …/participants → 201: an id this room issued, to keep and send on every connect. */
export interface ParticipantIssued {
  pid: string;
}
export interface RoomInfo {
  code: string;
  exists: true;
  state: PublicState;
}

/** Browser side: a server frame checked against the schemas (null for anything unexpected). */
export function parseServerMessage(raw: unknown): ServerMessage | null {
  if (typeof raw !== "string") return null;
  const parsed = parseJson(raw);
  if (!parsed.ok || parsed.poisoned) return null;
  if (v.is(ReportSchema, parsed.value)) return parsed.value;
  const result = v.safeParse(ServerMessageSchema, parsed.value);
  return result.success ? result.output : null;
}
