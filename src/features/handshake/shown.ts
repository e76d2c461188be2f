/**
 * What the presenter's handshake inspector shows, as the projector gets it (src/features/mirror):
 * the opening handshake the echo received from the presenter's browser and the accept it
 * answered. The projector recomputes the accept from the key itself (accept.ts), as the
 * presenter's page did.
 */
import * as v from "valibot";
import type { HandshakeEcho } from "./echo.ts";

/** Longest values carried: a key is 24 characters, the longest header a browser sends a few dozen. */
export const PATH_MAX = 64;
export const KEY_MAX = 64;
export const HEADER_MAX = 200;
const METHOD_MAX = 16;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const header = v.nullable(text(HEADER_MAX));

export const HandshakeShownSchema = v.strictObject({
  demo: v.literal("handshake"),
  path: text(PATH_MAX),
  request: v.strictObject({
    method: text(METHOD_MAX),
    upgrade: header,
    connection: header,
    key: v.pipe(v.string(), v.minLength(1), v.maxLength(KEY_MAX)),
    version: header,
    extensions: header,
    protocol: header,
  }),
  /** The Sec-WebSocket-Accept the server answered. */
  accept: v.nullable(text(KEY_MAX)),
});
export type HandshakeShown = v.InferOutput<typeof HandshakeShownSchema>;

const cut = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

/** The presenter's live handshake, to send (null without a key: nothing to show). */
export function handshakeShown(echo: HandshakeEcho, path: string): HandshakeShown | null {
  const { request } = echo;
  if (!request.key) return null;
  return {
    demo: "handshake",
    path: path.slice(0, PATH_MAX),
    request: {
      method: request.method.slice(0, METHOD_MAX),
      upgrade: cut(request.upgrade, HEADER_MAX),
      connection: cut(request.connection, HEADER_MAX),
      key: request.key.slice(0, KEY_MAX),
      version: cut(request.version, HEADER_MAX),
      extensions: cut(request.extensions, HEADER_MAX),
      protocol: cut(request.protocol, HEADER_MAX),
    },
    accept: cut(echo.accept, KEY_MAX),
  };
}

/** The echo as the presenter's page got it, for the projector to draw. */
export function echoOfShown(shown: HandshakeShown): HandshakeEcho {
  return { type: "handshake", request: { ...shown.request }, accept: shown.accept };
}
