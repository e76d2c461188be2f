/** HTTP answers of the room server: JSON, never cached, readable from any origin (`npm run dev` serves the site apart). */
export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
  "access-control-allow-headers": "content-type, authorization",
  // The demos show the headers they received: let page scripts read all of them.
  "access-control-expose-headers": "*",
  "access-control-max-age": "86400",
};

export const JSON_HEADERS: Readonly<Record<string, string>> = { "content-type": "application/json", "cache-control": "no-store", ...CORS_HEADERS };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** Over-long bodies up to this size are read to the end and dropped; longer ones are cut off. */
const DRAIN_MAX = 64 * 1024;

/**
 * A request body of at most `max` bytes, or null when it is larger. A body a little too long is
 * still read to its end (and dropped): answering before it was read makes workerd close the
 * connection under a client that may be reusing it, and the client's next request fails with
 * "other side closed". A body past DRAIN_MAX is not worth that: it is cut off unread.
 */
export async function readSmallBody(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > DRAIN_MAX) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (done || !value) break;
    size += value.byteLength;
    if (size > DRAIN_MAX) {
      await reader.cancel();
      return null;
    }
    if (size <= max) chunks.push(value);
  }
  if (size > max) return null;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** The key of an `Authorization: Bearer <key>` header, or null. */
export function bearerKey(header: string | null): string | null {
  const match = /^Bearer ([^\s]+)$/i.exec(header?.trim() ?? "");
  return match ? match[1]! : null;
}
