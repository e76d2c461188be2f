/**
 * The one message table: every message a client may send, by `type`, with its schema and who may
 * send it. The room's own messages are in protocol.ts; each feature declares its own in its
 * protocol.ts, and src/features/index.ts joins them into the table the server parses with. The
 * parser, the `ClientMessage` type and authorization all derive from that table, so a message
 * can't be accepted without a schema nor handled without its sender being checked.
 */
import * as v from "valibot";
import { errorMessage, type ErrorMessage } from "./errors.ts";
import { parseJson } from "./json.ts";
import { utf8Length } from "./utf8.ts";
import type { Role } from "./participants.ts";
import type { ClientMessage } from "./protocol.ts";

/** Largest accepted client frame, in UTF-8 bytes. Every valid message is far smaller. */
export const MAX_FRAME_BYTES = 4096;
/** `ref` and `detail` echo the client's own names, but only short ones (the error must stay small). */
const REF_MAX = 32;

/** Who may send a message: the presenter only, phones only, or anyone admitted. */
export type Sender = "presenter" | "audience" | "anyone";

export interface MessageSpec<S extends v.GenericSchema = v.GenericSchema> {
  schema: S;
  from: Sender;
}

export type MessageTable = Readonly<Record<string, MessageSpec>>;

/** The messages of a table, by type: `{ goto: { type: "goto", slide, step }, … }`. */
export type MessagesOf<T extends MessageTable> = { [K in keyof T]: v.InferOutput<T[K]["schema"]> };

/** A strict object with `type` set to its name: an unknown field is a bad_message, so a typo fails loudly. */
export function message<const T extends string, const E extends v.ObjectEntries>(type: T, entries: E) {
  return v.strictObject({ type: v.literal(type), ...entries });
}

/** An integer in [min, max]. */
export const Int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

function maySend(from: Sender, role: Role): boolean {
  return from === "anyone" || from === role;
}

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: ErrorMessage };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Where a valibot failure points ("slide", "timer.elapsed"): the error's detail, as short as `ref`. */
function issuePath(issues: readonly v.BaseIssue<unknown>[]): string | undefined {
  const path = issues[0]?.path?.map((item) => String(item.key)).join(".");
  return path ? path.slice(0, REF_MAX) : undefined;
}

/**
 * Turns one client frame into a valid message of `table` (the room's: src/features/index.ts) or a typed error, checking its sender's
 * role too. Never throws. Order matters: binary, then size (before any parsing work), then JSON,
 * then type, shape, sender.
 */
export function parseClientMessage(raw: string | ArrayBuffer | ArrayBufferView, table: MessageTable, role: Role): ParseResult<ClientMessage> {
  if (typeof raw !== "string") return { ok: false, error: errorMessage("binary_not_supported") };
  if (utf8Length(raw, MAX_FRAME_BYTES) > MAX_FRAME_BYTES) return { ok: false, error: errorMessage("too_large") };

  const parsed = parseJson(raw);
  if (!parsed.ok) return { ok: false, error: errorMessage("bad_json") };
  if (parsed.poisoned) return { ok: false, error: errorMessage("bad_message", { detail: "forbidden_key" }) };

  const value = parsed.value;
  if (!isPlainObject(value)) return { ok: false, error: errorMessage("bad_message", { detail: "not_an_object" }) };
  const type = value["type"];
  if (typeof type !== "string") return { ok: false, error: errorMessage("bad_message", { detail: "type" }) };
  if (!Object.hasOwn(table, type)) return { ok: false, error: errorMessage("unknown_type", { ref: type.slice(0, REF_MAX) }) };

  const spec: MessageSpec = table[type]!;
  const result = v.safeParse(spec.schema, value);
  if (!result.success) {
    const detail = issuePath(result.issues);
    return { ok: false, error: errorMessage("bad_message", detail ? { ref: type, detail } : { ref: type }) };
  }
  if (!maySend(spec.from, role)) return { ok: false, error: errorMessage("forbidden", { ref: type, detail: spec.from }) };
  // The schema checked it, and the table is the one ClientMessages is declared from.
  return { ok: true, message: result.output as ClientMessage };
}
