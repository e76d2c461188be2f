/**
 * Who is in the room: admission (the connect URL, then for presenters and screens their key in the
 * first frame), the admitted connections as the room keeps them in memory, presence, and the
 * liveness sweep's verdicts.
 */
import type * as Party from "partykit/server";
import { acked, count, freshBacklog, lagOf, laneOf, marked, type Backlog } from "../room/backlog.ts";
import { isCanonicalRoomCode } from "../room/codes.ts";
import { CLOSE_CODES, errorMessage, type CloseCode, type ErrorCode, type ErrorMessage } from "../room/errors.ts";
import type { Peer, RoomLink } from "../room/feature.ts";
import { DEFAULT_RATE, fullBucket, PRESENTER_RATE, take, type Verdict, type Bucket, type RateRule } from "../room/limiter.ts";
import { CONN_PATTERN, HALL_HEADER, hallOfState } from "../room/halls.ts";
import { presenterLiveness } from "../room/liveness.ts";
import { isParticipantId, type Member } from "../room/participants.ts";
import type { ServerMessage } from "../room/wire.ts";

/** The roles a key proves, in an `auth` frame (src/room/protocol.ts). */
export type KeyedRole = "presenter" | "screen";

export type Admission =
  | { ok: true; member: Member }
  | { ok: true; awaiting: KeyedRole }
  | { ok: false; error: ErrorCode; close: CloseCode; detail?: string };

/** A connection that must send its key before it is anyone (kept in connection state too, for a wake-up). */
interface Awaiting {
  awaiting: KeyedRole;
  since: number;
  /** Where it connected from: wrong keys are counted per source. */
  source: string;
}

/** How long a presenter or screen may take to send its key before it is closed. */
export const AUTH_WINDOW_MS = 10_000;

/** Who may connect to room `code` (created or not), decided from the connect URL alone. */
export function admit(url: string, code: string, created: boolean): Admission {
  if (!isCanonicalRoomCode(code)) return { ok: false, error: "bad_room", close: CLOSE_CODES.noRoom };
  if (!created) return { ok: false, error: "no_room", close: CLOSE_CODES.noRoom };
  const params = new URL(url).searchParams;
  const role = params.get("role");
  // A key in a URL ends up in logs: refuse it loudly rather than let it work.
  if (params.has("key")) return { ok: false, error: "bad_request", close: CLOSE_CODES.badRequest, detail: "key_in_url" };
  if (role === "presenter" || role === "screen") return { ok: true, awaiting: role };
  if (role === "audience") {
    const pid = params.get("pid");
    if (isParticipantId(pid)) return { ok: true, member: { role, pid } };
  }
  return { ok: false, error: "bad_request", close: CLOSE_CODES.badRequest };
}

/** What the room reads from a connect URL (`key` only to refuse it; `_pk`: PartySocket's connection id; `halls`: the client can be sent to a hall). */
const CONNECT_PARAMS = ["role", "pid", "key", "_pk", "halls"] as const;
/** Longer than any valid value of those, short enough that the URL fits PartyKit's attachment. */
const CONNECT_PARAM_MAX = 257;

/**
 * PartyKit keeps each connection's URL in a WebSocket attachment capped at 2,048 bytes: a longer
 * URL was closed with 1011 (or admitted without its snapshot) instead of getting the room's typed
 * refusal. Forward only what the room reads, each value cut past any valid length.
 */
export function trimConnectRequest(request: Party.Request): Party.Request {
  const url = new URL(request.url);
  const [, prefix = "", party = "", room = ""] = url.pathname.split("/");
  const kept = new URL(`/${prefix}/${party}/${room.slice(0, 16)}`, url.origin);
  for (const name of CONNECT_PARAMS) {
    const value = url.searchParams.get(name);
    if (value !== null) kept.searchParams.set(name, value.slice(0, CONNECT_PARAM_MAX));
  }
  // A connection's id names it on a hall's link, where a colon or a tab would be read as structure:
  // an id of any other shape is left to PartyKit to draw (a UUID).
  const id = kept.searchParams.get("_pk");
  if (id !== null && !CONN_PATTERN.test(id)) kept.searchParams.delete("_pk");
  const trimmed = new Request(kept, request as unknown as Request);
  // Only our own halls, reaching the talk from inside, may say they are one.
  trimmed.headers.delete(HALL_HEADER);
  return trimmed as unknown as Party.Request;
}

/** Where a connection or request comes from: the client's address as the platform saw it. */
export function sourceOf(headers: Headers): string {
  // Cloudflare sets cf-connecting-ip; `partykit dev` sets neither, so loopback is one source.
  return headers.get("cf-connecting-ip") ?? headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
}

/**
 * An admitted connection, as the room keeps it in memory. Only `member` is also in PartyKit's
 * connection state (written once, on connect): the rest changes on every message, and writing
 * connection state serializes it.
 */
interface Admitted extends Peer {
  connection: Party.Connection;
  /** Where it connected from (sourceOf), for the connection caps. */
  source: string;
  /** Its rate limit (src/room/limiter.ts). */
  bucket: Bucket;
  /** When it was last heard from (ms), for the presenter liveness sweep. */
  heardAt: number;
  /** Closed for flooding or for not reading: nothing more is read from it or sent to it. */
  shunned: boolean;
  /** What it was sent and has shown it read (src/room/backlog.ts). */
  backlog: Backlog;
}

/** send() throws on a socket that closed meanwhile; a lost frame to a gone client is fine. */
export function sendTo(connection: Party.Connection, message: ServerMessage | string): void {
  try {
    connection.send(typeof message === "string" ? message : JSON.stringify(message));
  } catch {
    // The client is gone; its onClose will update presence.
  }
}

/** Why a connection is turned away: its typed error (and detail), then its close code. */
export interface Refusal {
  error: ErrorCode;
  close: CloseCode;
  detail?: string;
}

/** Turns a connection away at the door: its error, then its close (the talk's and a hall's alike). */
export function refuse(connection: Party.Connection, refusal: Refusal): void {
  sendTo(connection, refusalMessage(refusal));
  closeWith(connection, refusal.close, refusal.error);
}

export function refusalMessage({ error, detail }: Refusal): ErrorMessage {
  return errorMessage(error, detail === undefined ? {} : { detail });
}

export function closeWith(connection: Party.Connection, code: CloseCode | 1000 | 1001, reason: string): void {
  try {
    connection.close(code, reason);
  } catch {
    // Already closed.
  }
}

/** Connections one participant may hold: a few tabs and devices, not a botnet of one. */
export const CONNECTIONS_PER_PARTICIPANT = 4;
/**
 * Connections one source address may hold in a room, by default: a conference hall behind one NAT
 * fits; one client can't take the process's open files (~19,000 sockets would, for every room).
 * `partykit dev` sees all of loopback as one source: the benchmark raises it (CONNECTIONS_PER_SOURCE).
 */
export const CONNECTIONS_PER_SOURCE = 2_000;

/** A member's rate limit: the presenter's pointer and pen stream, everyone else's messages are few. */
function rateOf(member: Member): RateRule {
  return member.role === "presenter" ? PRESENTER_RATE : DEFAULT_RATE;
}

/** What the room keeps in a connection's state: who it is and where from, or that it is waiting for its key. */
type Stored = (Member & { source?: string }) | Awaiting;

/**
 * The admitted connections by id. Kept here because asking PartyKit (getConnections) re-wraps
 * every hibernatable socket and reads its state back on each call: at 1,000 phones that cost a
 * third of every broadcast (bench: fan-out p99 113 → 66 ms). Filled from PartyKit once after a
 * start or a wake-up (each as if just heard, with a full bucket).
 */
export class Peers {
  private readonly byId = new Map<string, Admitted>();
  /** Each participant's connections (their tabs): kept beside byId by add and remove, its only writers. */
  private readonly byParticipant = new Map<string, Set<Admitted>>();
  private readonly awaiting = new Map<string, { connection: Party.Connection } & Awaiting>();
  /** Every peer's lag, summed: the room's memory at stake. */
  private owed = 0;

  constructor(connections: Iterable<Party.Connection>, now: number) {
    for (const connection of connections) {
      // A refused socket, still closing, has no state: it is not a peer.
      const state = connection.state as Stored | null;
      if (!state || hallOfState(state) !== null) continue; // a hall's link is the talk's business (halls.ts)
      if ("awaiting" in state) this.awaiting.set(connection.id, { connection, ...state });
      else {
        const { source = "local", ...member } = state;
        this.add(connection, member, source, now);
      }
    }
  }

  /**
   * Why one more connection from `source` (as participant `pid`) would be one too many, or null.
   * Counted afresh, not kept as counters that could drift: a join storm of 1,000 costs a million steps.
   */
  overLimit(source: string, pid: string | undefined, perSource: number): "per_participant" | "per_source" | null {
    let fromSource = 0;
    let fromParticipant = 0;
    for (const peer of this.byId.values()) {
      if (peer.source === source) fromSource++;
      if (pid !== undefined && peer.member.pid === pid) fromParticipant++;
    }
    for (const waiting of this.awaiting.values()) if (waiting.source === source) fromSource++;
    if (fromParticipant >= CONNECTIONS_PER_PARTICIPANT) return "per_participant";
    return fromSource >= perSource ? "per_source" : null;
  }

  /** `connection` must send its key (an `auth` frame) before it is anyone. */
  await(connection: Party.Connection, role: KeyedRole, source: string, now: number): void {
    const state: Awaiting = { awaiting: role, since: now, source };
    connection.setState(state);
    this.awaiting.set(connection.id, { connection, ...state });
  }

  /** What `link` is waiting to prove, if it is waiting; it stops waiting either way. */
  takeAwaiting(link: RoomLink): Awaiting | undefined {
    const waiting = this.awaiting.get(link.id);
    this.awaiting.delete(link.id);
    return waiting;
  }

  /** Someone is here or on their way: the sweep must keep running. */
  get watched(): boolean {
    return this.awaiting.size > 0 || Array.from(this.byId.values()).some(({ member }) => member.role === "presenter");
  }

  /** A new member: written to its connection's state (once: writing it serializes it), then kept here. */
  join(connection: Party.Connection, member: Member, source: string, now: number): void {
    connection.setState({ ...member, source } satisfies Stored);
    this.add(connection, member, source, now);
  }

  private add(connection: Party.Connection, member: Member, source: string, now: number): void {
    const peer: Admitted = { link: connection, connection, member, source, bucket: fullBucket(now, rateOf(member)), heardAt: now, shunned: false, backlog: freshBacklog() };
    this.byId.set(connection.id, peer);
    if (member.pid !== undefined) {
      const tabs = this.byParticipant.get(member.pid) ?? new Set();
      this.byParticipant.set(member.pid, tabs.add(peer));
    }
  }

  /** `link` is gone: the member it was, if it was admitted. */
  remove(link: RoomLink): Member | undefined {
    const peer = this.byId.get(link.id);
    if (peer) this.owed -= lagOf(peer.backlog);
    this.byId.delete(link.id);
    const pid = peer?.member.pid;
    if (pid !== undefined) {
      const tabs = this.byParticipant.get(pid);
      tabs?.delete(peer!);
      if (tabs?.size === 0) this.byParticipant.delete(pid);
    }
    this.awaiting.delete(link.id);
    return peer?.member;
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
    const { verdict, bucket } = take(peer.bucket, now, rateOf(peer.member));
    peer.bucket = bucket;
    if (verdict === "flood") {
      peer.shunned = true;
      closeWith(peer.connection, CLOSE_CODES.policy, "policy violation");
    }
    return { member: peer.member, verdict };
  }

  /** An answer to `link` (its snapshot, a pong, an error): sent even when it is behind. */
  reply(link: RoomLink, message: ServerMessage | string): void {
    const peer = this.byId.get(link.id);
    if (peer) this.deliver(peer, typeof message === "string" ? message : JSON.stringify(message));
  }

  /** A feature's report or message: not to a connection that is behind (it gets them whole when it catches up). */
  send(link: RoomLink, message: ServerMessage | string): void {
    const peer = this.byId.get(link.id);
    if (peer && !peer.backlog.behind) this.deliver(peer, typeof message === "string" ? message : JSON.stringify(message));
  }

  /** A delta to everyone; those behind get a snapshot at the next sweep instead. True if any is owed one. */
  broadcast(text: string): boolean {
    let missed = false;
    for (const peer of this.byId.values()) {
      if (peer.backlog.behind) missed = peer.backlog.missed = true;
      else this.deliver(peer, text);
    }
    return missed;
  }

  /** The sweep's snapshots, to those behind that missed a change. */
  catchUp(snapshotFor: (member: Member) => ServerMessage): void {
    for (const peer of this.takeMissed()) this.deliver(peer, JSON.stringify(snapshotFor(peer.member)));
  }

  /** Those behind that missed a change since asked last (a hall asks the talk for their snapshots). */
  takeMissed(): Admitted[] {
    const missed = Array.from(this.byId.values()).filter(({ backlog }) => backlog.missed);
    for (const peer of missed) peer.backlog.missed = false;
    return missed;
  }

  /** Where `link` connected from (sourceOf). */
  sourceOf(link: RoomLink): string {
    return this.byId.get(link.id)?.source ?? "local";
  }

  /** `link` has read up to mark `id`. True when that brings it back from behind: it needs everything anew. */
  read(link: RoomLink, id: string): boolean {
    const peer = this.byId.get(link.id);
    if (!peer) return false;
    this.owed -= acked(peer.backlog, id);
    if (!peer.backlog.behind || laneOf(peer.backlog, this.owed) !== "live") return false;
    peer.backlog.behind = peer.backlog.missed = false;
    return true;
  }

  /** Sends, counts, marks every MARK_EVERY characters, and drops a connection that stopped reading. */
  private deliver(peer: Admitted, text: string): void {
    if (peer.shunned) return;
    sendTo(peer.connection, text);
    this.owed += text.length;
    if (count(peer.backlog, text.length)) {
      // Unguessable (48 random bits), so only a client that reads can answer it.
      const id = crypto.randomUUID().slice(0, 13);
      const mark = JSON.stringify({ type: "mark", id } satisfies ServerMessage);
      sendTo(peer.connection, mark);
      this.owed += mark.length;
      count(peer.backlog, mark.length);
      marked(peer.backlog, id);
    }
    const lane = laneOf(peer.backlog, this.owed);
    if (lane === "behind") peer.backlog.behind = true;
    if (lane === "close") {
      peer.shunned = true;
      closeWith(peer.connection, CLOSE_CODES.tooSlow, "too slow");
    }
  }

  /** Admitted connections, and those still to send their key. */
  get count(): number {
    return this.byId.size + this.awaiting.size;
  }

  audience(): Peer[] {
    return Array.from(this.byId.values()).filter(({ member }) => member.role === "audience");
  }

  /** One participant's connections (each tab of their phone). */
  participant(pid: string): RoomLink[] {
    return Array.from(this.byParticipant.get(pid) ?? [], ({ link }) => link);
  }

  /** Presenters, who see every feature's full report. */
  presenters(): RoomLink[] {
    return Array.from(this.byId.values()).flatMap(({ link, member }) => (member.role === "presenter" ? [link] : []));
  }

  /** Screens: the projector shows the features' measurements as the presenter sees them, but private ones. */
  screens(): RoomLink[] {
    return Array.from(this.byId.values()).flatMap(({ link, member }) => (member.role === "screen" ? [link] : []));
  }

  /** Who is connected now (presence is worked out from them: src/room/presence.ts). */
  members(): Member[] {
    return Array.from(this.byId.values(), ({ member }) => member);
  }

  /**
   * The sweep: closes connections that never sent their key; probes quiet presenters (src/room/
   * liveness.ts) and closes those that stayed quiet (their link is dead: no close handshake will
   * complete), returning them to be counted out at once.
   */
  sweep(now: number): RoomLink[] {
    for (const [id, { connection, since }] of this.awaiting) {
      if (now - since < AUTH_WINDOW_MS) continue;
      this.awaiting.delete(id);
      sendTo(connection, errorMessage("unauthorized", { detail: "auth_timeout" }));
      closeWith(connection, CLOSE_CODES.unauthorized, "unauthorized");
    }
    const gone: RoomLink[] = [];
    for (const { connection, member, heardAt } of this.byId.values()) {
      if (member.role !== "presenter") continue;
      const liveness = presenterLiveness(now - heardAt);
      if (liveness === "gone") {
        closeWith(connection, 1001, "silent");
        gone.push(connection);
      } else if (liveness === "probe") sendTo(connection, { type: "probe" });
    }
    return gone;
  }
}
