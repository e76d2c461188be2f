/**
 * Sec-WebSocket-Accept, step by step (RFC 6455 §4.2.2): the key the client sent, plus a fixed
 * GUID, through SHA-1, in base64. Pure WebCrypto: the same code runs in the room server (to
 * echo what it answered) and in the browser (to show the audience each step).
 */
export const WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** RFC 6455's own worked example (§1.3). */
export const RFC_EXAMPLE = {
  key: "dGhlIHNhbXBsZSBub25jZQ==",
  concatenated: "dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
  sha1Hex: "b37a4f2cc0624f1690f64606cf385945b2bec4ea",
  accept: "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
} as const;

export interface AcceptSteps {
  key: string;
  /** key + GUID, the exact string that is hashed */
  concatenated: string;
  /** the 20-byte SHA-1 digest, as hex */
  sha1Hex: string;
  /** the digest in base64: the header's value */
  accept: string;
}

export async function acceptSteps(key: string): Promise<AcceptSteps> {
  const concatenated = key + WEBSOCKET_GUID;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", new TextEncoder().encode(concatenated)));
  const sha1Hex = [...digest].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  const accept = btoa(String.fromCharCode(...digest));
  return { key, concatenated, sha1Hex, accept };
}
