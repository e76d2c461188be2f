/** The room server's HTTP side: create a room, ask whether one exists. */
import { newRoomCode } from "../room/codes.ts";
import type { ParticipantIssued, RoomCreated, RoomInfo } from "../room/wire.ts";
import { roomApi } from "./urls.ts";

/** Why no room was made: this address made too many just now (429), or no answer. */
export class NoRoom extends Error {
  readonly reason: "too_many" | "unreachable";
  constructor(reason: "too_many" | "unreachable") {
    super(reason);
    this.reason = reason;
  }
}

/** Creates a room; the server makes the presenter key and keeps only its hash. Throws NoRoom. */
export async function createRoom(): Promise<RoomCreated> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(roomApi(newRoomCode()), { method: "POST" }).catch(() => null);
    if (response?.status === 409) continue; // the code is taken: draw another
    if (response?.status === 429) throw new NoRoom("too_many");
    if (!response?.ok) throw new NoRoom("unreachable");
    return (await response.json()) as RoomCreated;
  }
  throw new NoRoom("unreachable");
}

/** Erases room `code` and everything it stored, now (the presenter's key proves the right). */
export async function eraseRoom(code: string, key: string): Promise<boolean> {
  try {
    const response = await fetch(roomApi(code), { method: "DELETE", headers: { authorization: `Bearer ${key}` } });
    return response.ok || response.status === 404;
  } catch {
    return false;
  }
}

/** Why a room issued no participant id: too many from this address just now, or no answer. */
export type NoParticipant = "busy" | "unreachable";

/** A participant id issued by room `code` (POST …/participants). */
export async function issueParticipant(code: string): Promise<string | NoParticipant> {
  try {
    const response = await fetch(`${roomApi(code)}/participants`, { method: "POST" });
    if (!response.ok) return response.status === 429 ? "busy" : "unreachable";
    return ((await response.json()) as ParticipantIssued).pid;
  } catch {
    return "unreachable";
  }
}

/** Room `code`'s public state (its slide, its audience), "missing" if it doesn't exist (any more), or no answer. */
export async function roomInfo(code: string): Promise<RoomInfo | "missing" | "unreachable"> {
  try {
    const response = await fetch(roomApi(code), { cache: "no-store" });
    if (response.status === 404) return "missing";
    return response.ok ? ((await response.json()) as RoomInfo) : "unreachable";
  } catch {
    return "unreachable";
  }
}

/** Does this room exist? (So a mistyped code gets an answer, not a spinner.) */
export async function roomExists(code: string): Promise<boolean | "unreachable"> {
  try {
    const response = await fetch(roomApi(code));
    return response.ok;
  } catch {
    return "unreachable";
  }
}
