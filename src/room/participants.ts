/**
 * Participants: a phone keeps a random id in its storage and sends it on every connect, so a
 * reload, a second tab or a phone waking up rejoins as the same person and is counted once.
 */
import { base64url } from "./encoding.ts";
import type { RandomFill } from "./codes.ts";

export const PARTICIPANT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function isParticipantId(value: unknown): value is string {
  return typeof value === "string" && PARTICIPANT_ID_PATTERN.test(value);
}

/** A fresh id for a browser to keep (16 random bytes, base64url: 22 characters). */
export function newParticipantId(random: RandomFill = (bytes) => crypto.getRandomValues(bytes)): string {
  return base64url(random(new Uint8Array(16)));
}

/**
 * presenter: drives the talk (holds the key). audience: a phone, counted once per participant.
 * screen: the projector's view of the room: follows the presenter, sees what presenters see of
 * the demos, is not counted and cannot drive.
 */
export const ROLES = ["presenter", "audience", "screen"] as const;
export type Role = (typeof ROLES)[number];

/** Who a connection is, as the server keeps it (PartyKit connection state): phones carry their id. */
export type Member = { role: "audience"; pid: string } | { role: "presenter" | "screen"; pid?: undefined };

/** The audience count: unique participant ids among audience connections. */
export function countAudience(members: Iterable<Member | null | undefined>): number {
  const pids = new Set<string>();
  for (const member of members) {
    if (member?.role === "audience") pids.add(member.pid);
  }
  return pids.size;
}
