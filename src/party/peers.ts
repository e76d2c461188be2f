/**
 * Who is in the room: admission (decided from the connect URL alone), the admitted connections
 * as the room keeps them in memory, presence, and the presenter liveness sweep's verdicts.
 */
import type * as Party from "partykit/server";
import { isCanonicalRoomCode } from "../room/codes.ts";
import { CLOSE_CODES, type CloseCode, type ErrorCode } from "../room/errors.ts";
import type { Peer, RoomLink } from "../room/feature.ts";
import { fullBucket, take, type Verdict, type Bucket } from "../room/limiter.ts";
import { presenterLiveness } from "../room/liveness.ts";
import { countAudience, isParticipantId, type Member } from "../room/participants.ts";
import { keyMatches } from "../room/secret.ts";
import type { Presence } from "../room/state.ts";
import type { ServerMessage } from "../room/wire.ts";

export type Admission = { ok: true; member: Member } | { ok: false; error: ErrorCode; close: CloseCode };

/** Who may connect to room `code` (created with key hash `keyHash`, or not at all). */
export async function admit(url: string, code: string, keyHash: string | null): Promise<Admission> {
  if (!isCanonicalRoomCode(code)) return { ok: false, error: "bad_room", close: CLOSE_CODES.noRoom };
  if (!keyHash) return { ok: false, error: "no_room", close: CLOSE_CODES.noRoom };
  const params = new URL(url).searchParams;
  const role = params.get("role");
  if (role === "presenter") {
    if (await keyMatches(params.get("key"), keyHash)) return { ok: true, member: { role } };
    return { ok: false, error: "unauthorized", close: CLOSE_CODES.unauthorized };
  }
  if (role === "audience") {
    const pid = params.get("pid");
    if (isParticipantId(pid)) return { ok: true, member: { role, pid } };
  }
  if (role === "screen") return { ok: true, member: { role } };
  return { ok: false, error: "bad_request", close: CLOSE_CODES.badRequest };
}

/**
 * An admitted connection, as the room keeps it in memory. Only `member` is also in PartyKit's
 * connection state (written once, on connect): the rest changes on every message, and writing
 * connection state serializes it.
 */
interface Admitted extends Peer {
  connection: Party.Connection;
  /** Its rate limit (src/room/limiter.ts). */
  bucket: Bucket;
  /** When it was last heard from (ms), for the presenter liveness sweep. */
  heardAt: number;
  /** Closed for flooding: its frames still in flight are dropped unread. */
  shunned: boolean;
}

/** send() throws on a socket that closed meanwhile; a lost frame to a gone client is fine. */
export function sendTo(connection: Party.Connection, message: ServerMessage | string): void {
  try {
    connection.send(typeof message === "string" ? message : JSON.stringify(message));
  } catch {
    // The client is gone; its onClose will update presence.
  }
}

export function closeWith(connection: Party.Connection, code: CloseCode | 1000 | 1001, reason: string): void {
  try {
    connection.close(code, reason);
  } catch {
    // Already closed.
  }
}

/**
 * The admitted connections by id. Kept here because asking PartyKit (getConnections) re-wraps
 * every hibernatable socket and reads its state back on each call: at 1,000 phones that cost a
 * third of every broadcast (bench: fan-out p99 113 → 66 ms). Filled from PartyKit once after a
 * start or a wake-up (each as if just heard, with a full bucket).
 */
export class Peers {
  private readonly byId = new Map<string, Admitted>();

  constructor(connections: Iterable<Party.Connection>, now: number) {
    for (const connection of connections) {
      // A refused socket, still closing, has no state: it is not a peer.
      const member = connection.state as Member | null;
      if (member) this.add(connection, member, now);
    }
  }

  add(connection: Party.Connection, member: Member, now: number): void {
    this.byId.set(connection.id, { link: connection, connection, member, bucket: fullBucket(now), heardAt: now, shunned: false });
  }

  remove(link: RoomLink): void {
    this.byId.delete(link.id);
  }

  /**
   * A frame arrived from `link`: its member, or why it is not handled. Not a peer: refused at the
   * door, or taken as gone by the liveness sweep, on its way out. Shunned: closed for flooding; a
   * flood must cost the room next to nothing.
   */
  heard(link: RoomLink, now: number): { member: Member; verdict: Verdict } | null {
    const peer = this.byId.get(link.id);
    if (!peer || peer.shunned) return null;
    peer.heardAt = now;
    const { verdict, bucket } = take(peer.bucket, now);
    peer.bucket = bucket;
    if (verdict === "flood") {
      peer.shunned = true;
      closeWith(peer.connection, CLOSE_CODES.policy, "policy violation");
    }
    return { member: peer.member, verdict };
  }

  send(link: RoomLink, message: ServerMessage | string): void {
    const peer = this.byId.get(link.id);
    if (peer) sendTo(peer.connection, message);
  }

  broadcast(text: string): void {
    for (const { connection } of this.byId.values()) sendTo(connection, text);
  }

  audience(): Peer[] {
    return Array.from(this.byId.values()).filter(({ member }) => member.role === "audience");
  }

  /** Presenters and screens: the projector shows the features' measurements as the presenter sees them. */
  watchers(): RoomLink[] {
    return Array.from(this.byId.values()).flatMap(({ link, member }) => (member.role === "audience" ? [] : [link]));
  }

  presence(): Presence {
    const members = Array.from(this.byId.values(), ({ member }) => member);
    return { audience: countAudience(members), presenterOnline: members.some((member) => member.role === "presenter") };
  }

  /**
   * The liveness sweep (src/room/liveness.ts): probes quiet presenters, closes those that stayed
   * quiet (their link is dead: no close handshake will complete) and returns them, to be counted
   * out at once; `presenters` counts the ones still here.
   */
  sweep(now: number): { gone: RoomLink[]; presenters: number } {
    const gone: RoomLink[] = [];
    let presenters = 0;
    for (const { connection, member, heardAt } of this.byId.values()) {
      if (member.role !== "presenter") continue;
      const liveness = presenterLiveness(now - heardAt);
      if (liveness === "gone") {
        closeWith(connection, 1001, "silent");
        gone.push(connection);
        continue;
      }
      presenters++;
      if (liveness === "probe") sendTo(connection, { type: "probe" });
    }
    return { gone, presenters };
  }
}
