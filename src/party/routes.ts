/**
 * The room's HTTP routes:
 *   POST /parties/main/<code>            create the room (201 {code, key}; 409 if it exists)
 *   GET  /parties/main/<code>            its public state (200; 404 if it was never created)
 *   DELETE /parties/main/<code>          erase everything it stored, at once (204; key in `Authorization`)
 *   POST /parties/main/<code>/participants a participant id for a phone (201 {pid}; 429 past the address's budget)
 *   GET  /parties/main/<code>/export     the presenter's results download (key in `Authorization`)
 *   *    /parties/main/<code>/<feature>/… a feature's own routes (the live demos)
 */
import type { Features } from "./features.ts";
import { toCsv } from "../features/export/csv.ts";
import { buildResults, parseExportFormat, parseExportLocale, resultsRows } from "../features/export/results.ts";
import { isCanonicalRoomCode } from "../room/codes.ts";
import { errorMessage } from "../room/errors.ts";
import { bearerKey, CORS_HEADERS, JSON_HEADERS, json } from "../room/http.ts";
import type { RoomKeys } from "./keys.ts";
import type { RoomView } from "../room/state.ts";
import type { ParticipantIssued, RoomInfo } from "../room/wire.ts";
import { sourceOf } from "./peers.ts";

/** What the routes need of the room. */
export interface RoomForHttp {
  code: string;
  keys: RoomKeys;
  /** The latest state whose delta went out; null when the room was never created. */
  published: RoomView | null;
  features: Features;
  create(): Promise<Response>;
  erase(): Promise<void>;
}

const METHOD_NOT_ALLOWED = errorMessage("bad_request", { detail: "method" });

export async function answer(request: Request, room: RoomForHttp): Promise<Response> {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS_HEADERS });
  if (!isCanonicalRoomCode(room.code)) return json(400, errorMessage("bad_room"));
  const [first, ...rest] = subPath(request.url, room.code);
  if (first === "export" && rest.length === 0) return await exportResults(request, room);
  if (first === "participants" && rest.length === 0) return await issueParticipant(request, room);
  if (first !== undefined) {
    if (!room.published) return json(404, errorMessage("no_room"));
    return (await room.features.request(first, request, rest)) ?? json(404, errorMessage("bad_request", { detail: "route" }));
  }
  if (request.method === "GET") {
    if (!room.published) return json(404, errorMessage("no_room"));
    return json(200, { code: room.code, exists: true, state: room.published.state } satisfies RoomInfo);
  }
  if (request.method === "POST") return await room.create();
  if (request.method === "DELETE") return await erase(request, room);
  return json(405, METHOD_NOT_ALLOWED, { allow: "GET, POST, DELETE, OPTIONS" });
}

/** The path after the room's code: `/parties/main/K7M2Q/delivery/events` → ["delivery", "events"]. */
function subPath(url: string, code: string): string[] {
  const parts = new URL(url).pathname.split("/").filter(Boolean);
  const at = parts.indexOf(code);
  return at < 0 ? [] : parts.slice(at + 1);
}

/** A new participant id, for a phone about to join (issued ids only: src/room/participants.ts). */
async function issueParticipant(request: Request, room: RoomForHttp): Promise<Response> {
  if (!room.published) return json(404, errorMessage("no_room"));
  if (request.method !== "POST") return json(405, METHOD_NOT_ALLOWED, { allow: "POST, OPTIONS" });
  const pid = await room.keys.issue(sourceOf(request.headers), Date.now());
  if (pid === null) return json(429, errorMessage("rate_limited", { detail: "issue" }), { "retry-after": "1" });
  return json(201, { pid } satisfies ParticipantIssued);
}

/** "Apagar os dados da sala": the presenter erases the room now instead of in 30 days (src/room/retention.ts). */
async function erase(request: Request, room: RoomForHttp): Promise<Response> {
  if (!room.published) return json(404, errorMessage("no_room"));
  if (!(await room.keys.isPresenterKey(bearerKey(request.headers.get("authorization"))))) return json(401, errorMessage("unauthorized"));
  await room.erase();
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** The presenter's results download (polls and every feature's export): key in `Authorization: Bearer`, never in the URL. */
async function exportResults(request: Request, room: RoomForHttp): Promise<Response> {
  if (!room.published) return json(404, errorMessage("no_room"));
  if (request.method !== "GET") return json(405, METHOD_NOT_ALLOWED, { allow: "GET, OPTIONS" });
  if (!(await room.keys.isPresenterKey(bearerKey(request.headers.get("authorization"))))) return json(401, errorMessage("unauthorized"));
  const params = new URL(request.url).searchParams;
  const format = parseExportFormat(params);
  if (!format) return json(400, errorMessage("bad_request", { detail: "format" }));
  const results = buildResults(room.code, Date.now(), room.features.exports());
  const attachment = { "content-disposition": `attachment; filename="full-duplex-${room.code}.${format}"` };
  if (format === "json") return json(200, results, attachment);
  const csv = toCsv(resultsRows(results, parseExportLocale(params)));
  return new Response(csv, { status: 200, headers: { ...JSON_HEADERS, "content-type": "text/csv; charset=utf-8", ...attachment } });
}
