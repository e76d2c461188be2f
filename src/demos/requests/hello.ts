/**
 * The phone's side of the requests demo: the address it asks, the request line it sends, and
 * what it makes of the answer (a greeting, or the server's error text).
 */

/** The body of the server's 200 answer (src/party/lab/requests.ts). */
export interface Hello {
  message: string;
  /** This request's number in the room. */
  number: number;
  who: string;
  /** The request's head as the server received it: a page cannot see it whole. */
  requestBytes: number;
}

/** `api`: the room's HTTP endpoint (`/parties/main/<CODE>`, maybe on another host). */
export function helloUrl(api: string, pid: string): string {
  return `${api}/requests/hello?pid=${encodeURIComponent(pid)}`;
}

/** The request line the browser sends for `url` (the host goes in a header, not in the line). */
export function requestLine(method: string, url: string, base: string): string {
  const { pathname, search } = new URL(url, base);
  return `${method} ${pathname}${search} HTTP/1.1`;
}

function parseObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function parseHello(body: string): Hello | null {
  const value = parseObject(body);
  if (!value) return null;
  const { message, number, who, requestBytes } = value;
  if (typeof message !== "string" || typeof who !== "string") return null;
  if (!Number.isInteger(number) || !Number.isInteger(requestBytes)) return null;
  return { message, who, number: number as number, requestBytes: requestBytes as number };
}

/** The Portuguese text of an error answer (`{"type":"error","message":…}`), if it is one. */
export function errorText(body: string): string | null {
  const value = parseObject(body);
  return value?.["type"] === "error" && typeof value["message"] === "string" ? value["message"] : null;
}
