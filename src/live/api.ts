/** The room server's HTTP side: create a room, ask whether one exists. */
import { newRoomCode } from "../room/codes.ts";
import type { ParticipantIssued, RoomCreated } from "../room/wire.ts";
import { roomApi } from "./urls.ts";

/** Creates a room; the server makes the presenter key and keeps only its hash. */
export async function createRoom(): Promise<RoomCreated> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(roomApi(newRoomCode()), { method: "POST" });
    if (response.status === 409) continue; // the code is taken: draw another
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as RoomCreated;
  }
  throw new Error("no free room code");
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

/** Does this room exist? (So a mistyped code gets an answer, not a spinner.) */
export async function roomExists(code: string): Promise<boolean | "unreachable"> {
  try {
    const response = await fetch(roomApi(code));
    return response.ok;
  } catch {
    return "unreachable";
  }
}
