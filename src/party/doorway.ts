/**
 * What the room party's worker decides before a request reaches a room (PartyKit's
 * onBeforeRequest): a code that can't be a room, or a room the registry doesn't know, is answered
 * here, so a lookup never starts a room that doesn't exist; a new room spends its creator's
 * budget in the registry first. The live demos' routes go straight to their room: only pages
 * already in a room call them.
 */
import { isCanonicalRoomCode } from "../room/codes.ts";
import { errorMessage } from "../room/errors.ts";
import { json } from "../room/http.ts";
import { sourceOf } from "./peers.ts";
import type { Registry } from "./registry.ts";

/** The room's own routes (routes.ts); anything else after the code is a feature's. */
const ROOM_ROUTES = new Set(["", "participants", "export"]);
/** What a room answers at its own address (look up, create, erase). */
const ROOM_METHODS = ["GET", "POST", "DELETE"];

export async function throughDoorway(request: Request, code: string, registry: Registry): Promise<Request | Response> {
  if (request.method === "OPTIONS") return request;
  if (!isCanonicalRoomCode(code)) return json(400, errorMessage("bad_room"));
  const after = new URL(request.url).pathname.split("/").slice(4);
  if (!ROOM_ROUTES.has(after[0] ?? "")) return request;
  if (after.length === 0 && !ROOM_METHODS.includes(request.method)) return json(405, errorMessage("bad_request", { detail: "method" }), { allow: `${ROOM_METHODS.join(", ")}, OPTIONS` });
  if (after.length === 0 && request.method === "POST") {
    const claim = await registry.claim(code, sourceOf(request.headers));
    if (claim === "taken") return json(409, errorMessage("room_exists"));
    if (claim === "too_fast") return json(429, errorMessage("rate_limited", { detail: "rooms" }), { "retry-after": "10" });
    return request;
  }
  return (await registry.exists(code)) ? request : json(404, errorMessage("no_room"));
}
