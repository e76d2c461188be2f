/**
 * The room's own messages (goto, timer, showJoin, sync, ping) and the shapes every feature's protocol
 * builds on. JSON text frames `{ "type": "…", … }`; docs/PROTOCOL.md describes the same for people.
 * Each feature declares its messages in src/features/<name>/protocol.ts and adds them to the
 * `ClientMessages` and `FeatureReports` interfaces below, so the core names no feature and the
 * types still cover them all.
 */
import * as v from "valibot";
import { parseJson } from "./json.ts";
import { Int, MAX_FRAME_BYTES, message, type MessagesOf } from "./messages.ts";

export const SLIDE_MAX = 999;
export const STEP_MAX = 99;
export const PING_ID_MAX = 32;
/** Latency and round-trip reports from phones, in ms: anything longer is a phone that slept. */
export const REPORT_MS_MAX = 120_000;
/** Largest event or notification id (a talk fires a few hundred). */
export const EVENT_ID_MAX = 2 ** 31 - 1;

export const ROOM_MESSAGES = {
  /** Presenter: show this slide and step. */
  goto: { schema: message("goto", { slide: Int(0, SLIDE_MAX), step: Int(0, STEP_MAX) }), from: "presenter" },
  /** Presenter: the talk clock. */
  timer: { schema: message("timer", { action: v.picklist(["start", "pause", "reset"]) }), from: "presenter" },
  /** Presenter: show or hide how to join on the projector (the card on this slide, or the corner badge). */
  showJoin: { schema: message("showJoin", { part: v.picklist(["card", "badge"]), shown: v.boolean() }), from: "presenter" },
  /** Anyone: send me the whole state again (after a gap in `seq`). */
  sync: { schema: message("sync", {}), from: "anyone" },
  /** Anyone: answer `pong` with this id and the server's clock. */
  ping: { schema: message("ping", { id: v.pipe(v.string(), v.maxLength(PING_ID_MAX)) }), from: "anyone" },
  /** Anyone: I have read everything up to this `mark` (src/room/backlog.ts). */
  read: { schema: message("read", { mark: v.pipe(v.string(), v.maxLength(PING_ID_MAX)) }), from: "anyone" },
} as const;

/**
 * A presenter's or screen's first frame: its key. Keys never ride in a URL (proxies and the
 * platform log URLs), so such a connection is admitted only once this frame proves it.
 */
const AuthSchema = message("auth", { key: v.string() });

/** The key in an `auth` frame (any string: a long one is simply wrong, and never hashed), or null for anything else. */
export function parseAuth(raw: string | ArrayBuffer | ArrayBufferView): string | null {
  if (typeof raw !== "string" || raw.length > MAX_FRAME_BYTES) return null;
  const parsed = parseJson(raw);
  if (!parsed.ok || parsed.poisoned) return null;
  const result = v.safeParse(AuthSchema, parsed.value);
  return result.success ? result.output.key : null;
}

/**
 * Every message a client may send, by type. Features extend it from their protocol.ts:
 * `declare module "../../room/protocol.ts" { interface ClientMessages extends MessagesOf<typeof MESSAGES> {} }`.
 */
export interface ClientMessages extends MessagesOf<typeof ROOM_MESSAGES> {}
export type ClientMessage = ClientMessages[keyof ClientMessages];
export type ClientMessageType = keyof ClientMessages;

/**
 * What each feature's report carries, by feature name (`{ "type": "report", "feature": name, "data" }`
 * on the wire). Features extend it from their protocol.ts, as above.
 */
export interface FeatureReports {}
export type FeatureName = keyof FeatureReports;

/**
 * The features whose reports travel as changes: whole on connect and after a reset, otherwise as
 * a JSON Merge Patch over the report sent before (src/room/patch.ts), so a long list costs what
 * changed in it, not its length. A feature adds itself from its protocol.ts (`questions: true`)
 * and says `patches: true` in its server part; the type check holds the two together.
 */
export interface PatchedReports {}
export type PatchedFeature = keyof PatchedReports & FeatureName;
