/**
 * How the room says no: error codes (in `{ "type": "error", code, ref?, detail? }` frames and HTTP
 * bodies) and close codes. The server sends codes, never sentences: each page words a code in its
 * own language (src/live/strings.ts), and a script reads `code` and `detail` as they are.
 */

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
  "connection_limit",
  "no_cloud",
  "answer_limit",
  "ink_full",
  "no_quiz",
  "quiz_closed",
  "already_answered",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorMessage {
  type: "error";
  code: ErrorCode;
  /** The message type (or route) refused, when the error answers one. */
  ref?: string | undefined;
  /** A short machine-readable key saying what was wrong: a field ("slide"), a rule ("method"), a limit. */
  detail?: string | undefined;
}

export function errorMessage(code: ErrorCode, options: { ref?: string; detail?: string } = {}): ErrorMessage {
  const error: ErrorMessage = { type: "error", code };
  if (options.ref !== undefined) error.ref = options.ref;
  if (options.detail !== undefined) error.detail = options.detail;
  return error;
}

/**
 * Close codes the server uses (4000–4999 are the application's, RFC 6455 §7.4.2). All of them mean
 * "retrying the same URL will fail the same way": a client must not reconnect automatically.
 */
export const CLOSE_CODES = {
  /** Bad connect URL (missing or invalid participant id, missing or unknown role, a key in it), or no `auth` first. */
  badRequest: 4000,
  /** Presenter or screen key wrong, or not sent in time. */
  unauthorized: 4001,
  /** The room was never created (error `no_room`), or the URL's code can't be a room (`bad_room`). */
  noRoom: 4004,
  /** Flooding: too many messages refused by the rate limit; or too many wrong keys from one address. */
  policy: 4008,
  /** Too far behind: sent a megabyte it never showed it read (src/room/backlog.ts). May reconnect. */
  tooSlow: 4009,
  /** Sent to a hall of the talk (a `hall` message says which): connect there. */
  moved: 4010,
  /** Too many connections: one participant's (a few tabs), or one source address's (`connection_limit`). */
  tooMany: 4029,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

// A slow reader may come back: it resyncs from the snapshot. A phone sent to a hall goes there.
const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set(Object.values(CLOSE_CODES).filter((code) => code !== CLOSE_CODES.tooSlow && code !== CLOSE_CODES.moved));

/** True for close codes after which reconnecting is pointless (tell partysocket to stop). */
export function isFinalCloseCode(code: number): boolean {
  return FINAL_CLOSE_CODES.has(code);
}
