/**
 * The phone's side of the requests demo: the address it asks, the request line it sends, and
 * what it makes of the answer (a greeting, or the server's refusal).
 */
import { defaultLocale, type Locale } from "../../i18n/locales.ts";
import { withLang } from "../../i18n/param.ts";

/** The body of the server's 200 answer (src/features/requests/server.ts), worded in the language asked for. */
export interface Hello {
  message: string;
  /** This request's number in the room. */
  number: number;
  /** Who asked, named ("celular 3"). */
  who: string;
  /** The request's head as the server received it: a page cannot see it whole. */
  requestBytes: number;
}

/** `api`: the room's HTTP endpoint (`/parties/main/<CODE>`, maybe on another host); the greeting comes in `locale`. */
export function helloUrl(api: string, pid: string, locale: Locale = defaultLocale): string {
  return withLang(`${api}/requests/hello?pid=${encodeURIComponent(pid)}`, locale);
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

/**
 * A refused request, as data for the screen to phrase (refusalStrings): its status, and the room's
 * error code and detail when the body is one of the room's errors.
 */
export interface Refusal {
  status: number;
  code: string | null;
  detail: string | null;
}

export function refusalOf(status: number, body: string): Refusal {
  const value = parseObject(body);
  const error = value?.["type"] === "error" ? value : null;
  const text = (key: string) => (typeof error?.[key] === "string" ? (error[key] as string) : null);
  return { status, code: text("code"), detail: text("detail") };
}
