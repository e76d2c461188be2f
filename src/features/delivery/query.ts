/**
 * The delivery demo's HTTP routes, checked before any work: `GET …/delivery/events?since=N` (a
 * plain poll), `…&wait=S` (a long poll held up to S seconds) and `GET …/delivery/last` (where the
 * stream is, for a client's first cursor). Bad input gets a 4xx and a short key saying what was wrong (the error's `detail`).
 */
import { EVENT_ID_MAX } from "../../room/protocol.ts";

/** The longest a long poll is held, in seconds: under the ~30 s after which proxies tend to cut idle requests. */
export const WAIT_MAX_S = 25;
/** Longest URL accepted (path and query, UTF-16 units ≈ bytes for a URL): a real one is under 100. */
export const URL_MAX = 2048;
/**
 * Long polls a room holds at once (each is memory and a timer); past it, the oldest is answered
 * at once to make room, so abandoned ones can't keep an honest phone out.
 */
export const HELD_MAX = 300;

/** A long poll carries its phone's participant id: one phone holds one long poll. */
export type DeliveryRoute = { route: "events"; since: number; wait: number | null; pid: string | null } | { route: "last" };

export type Checked = { ok: true; request: DeliveryRoute } | { ok: false; status: 400 | 404 | 405 | 413 | 414; detail: string };

const CANONICAL_INT = /^(0|[1-9][0-9]{0,9})$/;

/** A decimal integer in [min, max] written the plain way ("7", not "07", "7.0", "+7" or "1e1"). */
function plainInt(text: string, min: number, max: number): number | null {
  if (!CANONICAL_INT.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/** What is read of the request's headers (the DOM's Headers and the Workers' one both fit). */
export interface HeaderReader {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** True when the request says it carries a body (these routes take none). */
function hasBody(headers: HeaderReader): boolean {
  const length = headers.get("content-length");
  return headers.has("transfer-encoding") || (length !== null && length.trim() !== "0");
}

/**
 * Checks one request to `…/delivery/<rest>`. `url` is the whole URL; `rest` the path after
 * `/delivery/`. Order: route, URL length, method, body, query.
 */
export function checkDeliveryRequest(method: string, url: string, headers: HeaderReader, rest: readonly string[]): Checked {
  const route = rest.length === 1 ? rest[0] : undefined;
  if (route !== "events" && route !== "last") return { ok: false, status: 404, detail: "route" };
  const parsed = new URL(url);
  if (parsed.pathname.length + parsed.search.length > URL_MAX) {
    return { ok: false, status: 414, detail: `url_max_${URL_MAX}` };
  }
  if (method !== "GET") return { ok: false, status: 405, detail: "method" };
  if (hasBody(headers)) return { ok: false, status: 413, detail: "body" };

  const params = parsed.searchParams;
  const allowed = route === "events" ? ["since", "wait", "pid"] : [];
  for (const name of new Set(params.keys())) {
    if (!allowed.includes(name)) return { ok: false, status: 400, detail: `param:${name.slice(0, 32)}` };
    if (params.getAll(name).length > 1) return { ok: false, status: 400, detail: `repeated:${name.slice(0, 32)}` };
  }
  if (route === "last") return { ok: true, request: { route } };

  const sinceText = params.get("since");
  if (sinceText === null) return { ok: false, status: 400, detail: "since_missing" };
  const since = plainInt(sinceText, 0, EVENT_ID_MAX);
  if (since === null) return { ok: false, status: 400, detail: "since" };
  const pid = params.get("pid");
  const waitText = params.get("wait");
  if (waitText === null) return { ok: true, request: { route, since, wait: null, pid } };
  const wait = plainInt(waitText, 1, WAIT_MAX_S);
  if (wait === null) return { ok: false, status: 400, detail: "wait" };
  // Whether the room issued it is the server's to check; a long poll without one is refused here.
  if (pid === null) return { ok: false, status: 400, detail: "pid" };
  return { ok: true, request: { route, since, wait, pid } };
}
