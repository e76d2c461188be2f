/**
 * Participants: the room issues each phone an id, which the phone keeps and sends on every
 * connect, so a reload, a second tab or a phone waking up rejoins as the same person and is
 * counted once. The room signs what it issues (an HMAC with a secret only the room holds), so an
 * id can't be made up: ballots, questions, upvotes and the head count only count issued ids, and
 * issuing is rate-limited per source address (src/party/keys.ts).
 */
import { base64url } from "./encoding.ts";
import type { RandomFill } from "./codes.ts";
import { sameHex } from "./secret.ts";

/** An issued id: 16 random bytes and 12 bytes of their HMAC-SHA-256, base64url (22 + 16 characters). */
export const PARTICIPANT_ID_PATTERN = /^[A-Za-z0-9_-]{38}$/;
const RANDOM_CHARACTERS = 22;

/** Has the shape of an issued id (whether the room issued it takes its secret: isIssued). */
export function isParticipantId(value: unknown): value is string {
  return typeof value === "string" && PARTICIPANT_ID_PATTERN.test(value);
}

/** The room's signing key, from its stored secret. */
export function participantKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

async function signature(key: CryptoKey, random: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(random));
  return base64url(new Uint8Array(mac).slice(0, 12));
}

/** A fresh id, signed by the room. */
export async function issueParticipantId(key: CryptoKey, random: RandomFill = (bytes) => crypto.getRandomValues(bytes)): Promise<string> {
  const part = base64url(random(new Uint8Array(16)));
  return part + (await signature(key, part));
}

/** True when the room that holds `key` issued `pid`. */
export async function isIssued(pid: unknown, key: CryptoKey): Promise<boolean> {
  if (!isParticipantId(pid)) return false;
  return sameHex(pid.slice(RANDOM_CHARACTERS), await signature(key, pid.slice(0, RANDOM_CHARACTERS)));
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
