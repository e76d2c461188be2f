/**
 * The PartyKit room: a thin adapter. Every handler does parse → validate → pure transition
 * (src/room) → persist → send, and never throws. Hibernation-safe: what must outlive a wake-up
 * lives in room.storage (the room) or in connection state (each connection's role); the class
 * fields below are caches rebuilt after a wake-up, or, like each peer's rate bucket, state that
 * may be dropped (a room only hibernates after a quiet spell, which refills every bucket anyway).
 */
import type * as Party from "partykit/server";
import { CORS_HEADERS, JSON_HEADERS, json } from "./http.ts";
import { Lab } from "./features.ts";
import { DEMO_FACTORIES } from "../features/index.ts";
import { toCsv } from "../features/export/csv.ts";
import { bearerKey, buildResults, parseExportFormat, parseExportLocale, resultsRows } from "../features/export/results.ts";
import { isCanonicalRoomCode } from "../room/codes.ts";
import { fullBucket, take, type Bucket } from "../room/limiter.ts";
import { countAudience, isParticipantId, type Member } from "../room/participants.ts";
import type { LabMember } from "./features.ts";
import {
  CLOSE_CODES,
  errorMessage,
  isPresenterOnly,
  parseClientMessage,
  type CloseCode,
  type ErrorCode,
  type RoomCreated,
  type RoomInfo,
  type ServerMessage,
} from "../room/protocol.ts";
import { checkVote, POLLS_MAX, tallyPoll, type PollDefinition, type PollView } from "../features/polls/rules.ts";
import { presenterLiveness, SWEEP_EVERY_MS } from "../room/liveness.ts";
import { hashKey, keyMatches, newPresenterKey } from "../room/secret.ts";
import {
  applyTimerAction,
  commit,
  goto,
  initialState,
  setPresence,
  type Presence,
  type PublicState,
  type RoomView,
} from "../room/state.ts";

/** Presence deltas wait this long, so a storm of joins makes one broadcast, not one per phone. */
export const PRESENCE_COALESCE_MS = 100;

/** What the room reads from a connect URL (`_pk`: PartySocket's connection id). */
const CONNECT_PARAMS = ["role", "pid", "key", "_pk"] as const;
/** Longer than any valid value of those, short enough that the URL fits PartyKit's attachment. */
const CONNECT_PARAM_MAX = 257;

/** Storage keys. The key hash is written once; the view on every change. */
const KEY_HASH = "keyHash";
const VIEW = "view";
/** `poll:<id>` → its definition and whether it is open; `vote:<id>:<pid>` → the option, one key per ballot. */
const POLL_PREFIX = "poll:";
const VOTE_PREFIX = "vote:";

interface StoredPoll {
  definition: PollDefinition;
  open: boolean;
}

/**
 * An admitted connection, as the room keeps it in memory. Only `member` is also in PartyKit's
 * connection state (written once, on connect): the rest changes on every message, and writing
 * connection state serializes it.
 */
interface Peer extends LabMember {
  /** Its rate limit (src/room/limiter.ts). */
  bucket: Bucket;
  /** When it was last heard from (ms), for the presenter liveness sweep. */
  heardAt: number;
  /** Closed for flooding: its frames still in flight are dropped unread. */
  shunned: boolean;
}

function newPeer(connection: Party.Connection, member: Member, now: number): Peer {
  return { connection, member, bucket: fullBucket(now), heardAt: now, shunned: false };
}

type Admission = { ok: true; member: Member } | { ok: false; error: ErrorCode; close: CloseCode };

function infoOf(connection: Party.Connection): Member | null {
  return connection.state as Member | null;
}

/** send() throws on a socket that closed meanwhile; a lost frame to a gone client is fine. */
function sendTo(connection: Party.Connection, message: ServerMessage | string): void {
  try {
    connection.send(typeof message === "string" ? message : JSON.stringify(message));
  } catch {
    // The client is gone; its onClose will update presence.
  }
}

function closeWith(connection: Party.Connection, code: CloseCode | 1000 | 1001, reason: string): void {
  try {
    connection.close(code, reason);
  } catch {
    // Already closed.
  }
}

export default class RoomServer implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };
  readonly room: Party.Room;

  // Caches of room.storage (null: the room was never created). `view` is the latest state;
  // `published` the latest one whose delta went out, which is what snapshots show: a snapshot
  // must never be ahead of the deltas still being written, or its reader would see them as stale.
  private keyHash: string | null = null;
  private view: RoomView | null = null;
  private published: RoomView | null = null;
  // A pending presence broadcast. Losing it to an eviction is harmless: presence is recomputed
  // from the live connections on the next start.
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  // Polls and their ballots, as stored. A ballot is written before it is acknowledged; the
  // counts everyone sees follow, coalesced, so a thousand votes make a few broadcasts.
  private readonly polls = new Map<string, StoredPoll>();
  private readonly ballots = new Map<string, Map<string, number>>();
  private recountTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly lab: Lab;
  // Admitted connections by id. Kept here because asking PartyKit (getConnections) re-wraps every
  // hibernatable socket and reads its state back on each call: at 1,000 phones that cost a third
  // of every broadcast (bench: fan-out p99 113 → 66 ms). Null until first needed after a start
  // or a wake-up, then filled from PartyKit once (each as if just heard, with a full bucket).
  private peers: Map<string, Peer> | null = null;
  private sweepScheduled = false;

  constructor(room: Party.Room) {
    this.room = room;
    this.lab = new Lab(DEMO_FACTORIES, {
      now: () => Date.now(),
      // Screens (the projector) show the demos' measurements as the presenter sees them.
      presenters: () => this.connected().flatMap(({ connection, member }) => (member.role === "audience" ? [] : [connection])),
      audience: () => this.connected().filter(({ member }) => member.role === "audience"),
      send: sendTo,
      storage: room.storage,
      isPresenterKey: async (key) => this.keyHash !== null && (await keyMatches(key, this.keyHash)),
    });
  }

  async onStart(): Promise<void> {
    if (!isCanonicalRoomCode(this.room.id)) return;
    await this.room.blockConcurrencyWhile(async () => {
      const stored = await this.room.storage.get<unknown>([KEY_HASH, VIEW]);
      const keyHash = stored.get(KEY_HASH);
      if (typeof keyHash !== "string") return;
      this.keyHash = keyHash;
      const view = stored.get(VIEW) as RoomView | undefined;
      // A view stored by an older version lacks the newer fields: their initial values fill in.
      this.view = { seq: view?.seq ?? 0, state: { ...initialState(this.room.id), ...view?.state } };
      this.published = this.view;
      await this.loadPolls();
      await this.lab.load();
      // After a restart nobody is connected; after a hibernation wake-up the sockets are still
      // here. Either way the stored presence may be stale: correct it as a change of its own, so
      // one seq never names two different states.
      // Likewise the poll's counts: a ballot is stored before its recount goes out.
      const poll = this.view.state.poll && this.pollView(this.view.state.poll.id);
      await this.change({ ...setPresence(this.view.state, this.readPresence()), poll: poll ?? null });
    });
  }

  // ── HTTP: create and look up rooms ─────────────────────────────────────────────────────────

  async onRequest(request: Party.Request): Promise<Response> {
    try {
      if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS_HEADERS });
      if (!isCanonicalRoomCode(this.room.id)) return json(400, errorMessage("bad_room"));
      const rest = this.subPath(request.url);
      if (rest.length === 1 && rest[0] === "export") return await this.exportResults(request);
      if (rest.length > 0) return await this.labRequest(request, rest);
      if (request.method === "GET") {
        if (!this.published) return json(404, errorMessage("no_room"));
        return json(200, { code: this.room.id, exists: true, state: this.published.state } satisfies RoomInfo);
      }
      if (request.method === "POST") return await this.create();
      return json(405, errorMessage("bad_request", { detail: "método não permitido" }), { allow: "GET, POST, OPTIONS" });
    } catch (error) {
      console.error("onRequest", error);
      return json(500, errorMessage("bad_request", { detail: "erro no servidor" }));
    }
  }

  /** The path after the room's code: `/parties/main/K7M2Q/delivery/events` → ["delivery", "events"]. */
  private subPath(url: string): string[] {
    const parts = new URL(url).pathname.split("/").filter(Boolean);
    const at = parts.indexOf(this.room.id);
    return at < 0 ? [] : parts.slice(at + 1);
  }

  /** A demo's HTTP route; only in a room that exists. */
  private async labRequest(request: Party.Request, [demo = "", ...rest]: string[]): Promise<Response> {
    if (!this.published) return json(404, errorMessage("no_room"));
    const response = await this.lab.request(demo, request, rest);
    return response ?? json(404, errorMessage("bad_request", { detail: "rota desconhecida" }));
  }

  /** The presenter's results download (polls and the lab modules' exports): key in `Authorization: Bearer`, never in the URL. */
  private async exportResults(request: Party.Request): Promise<Response> {
    if (!this.published || !this.keyHash) return json(404, errorMessage("no_room"));
    if (request.method !== "GET") return json(405, errorMessage("bad_request", { detail: "método não permitido" }), { allow: "GET, OPTIONS" });
    if (!(await keyMatches(bearerKey(request.headers.get("authorization")), this.keyHash))) return json(401, errorMessage("unauthorized"));
    const format = parseExportFormat(new URL(request.url).searchParams);
    if (!format) return json(400, errorMessage("bad_request", { detail: "format: json ou csv" }));
    const polls = Array.from(this.polls.keys(), (id) => this.pollView(id)).filter((poll) => poll !== null);
    const results = buildResults(this.room.id, Date.now(), polls, this.lab.exports());
    const attachment = { "content-disposition": `attachment; filename="full-duplex-${this.room.id}.${format}"` };
    if (format === "json") return json(200, results, attachment);
    return new Response(toCsv(resultsRows(results, parseExportLocale(new URL(request.url).searchParams))), { status: 200, headers: { ...JSON_HEADERS, "content-type": "text/csv; charset=utf-8", ...attachment } });
  }

  private async create(): Promise<Response> {
    if (this.keyHash) return json(409, errorMessage("room_exists"));
    const key = newPresenterKey();
    const keyHash = await hashKey(key);
    // Hashing let other requests in: another POST may have created the room meanwhile.
    if (this.keyHash) return json(409, errorMessage("room_exists"));
    this.keyHash = keyHash;
    this.view = { seq: 0, state: initialState(this.room.id) };
    await this.room.storage.put({ [KEY_HASH]: keyHash, [VIEW]: this.view });
    this.published = this.view;
    return json(201, { code: this.room.id, key } satisfies RoomCreated);
  }

  // ── WebSocket: admission ───────────────────────────────────────────────────────────────────

  /**
   * PartyKit keeps each connection's URL in a WebSocket attachment capped at 2,048 bytes: a
   * longer URL was closed with 1011 (or admitted without its snapshot) instead of getting the
   * room's typed refusal. Forward only what the room reads, each value cut past any valid length.
   */
  static onBeforeConnect(request: Party.Request): Party.Request {
    const url = new URL(request.url);
    const [, prefix = "", party = "", room = ""] = url.pathname.split("/");
    const kept = new URL(`/${prefix}/${party}/${room.slice(0, 16)}`, url.origin);
    for (const name of CONNECT_PARAMS) {
      const value = url.searchParams.get(name);
      if (value !== null) kept.searchParams.set(name, value.slice(0, CONNECT_PARAM_MAX));
    }
    return new Request(kept, request as unknown as Request) as unknown as Party.Request;
  }

  /** Who may connect, decided from the URL alone (role, pid, key). */
  private async admit(url: string): Promise<Admission> {
    if (!isCanonicalRoomCode(this.room.id)) return { ok: false, error: "bad_room", close: CLOSE_CODES.noRoom };
    if (!this.keyHash) return { ok: false, error: "no_room", close: CLOSE_CODES.noRoom };
    const params = new URL(url).searchParams;
    const role = params.get("role");
    if (role === "presenter") {
      if (await keyMatches(params.get("key"), this.keyHash)) return { ok: true, member: { role } };
      return { ok: false, error: "unauthorized", close: CLOSE_CODES.unauthorized };
    }
    if (role === "audience") {
      const pid = params.get("pid");
      if (isParticipantId(pid)) return { ok: true, member: { role, pid } };
    }
    if (role === "screen") return { ok: true, member: { role } };
    return { ok: false, error: "bad_request", close: CLOSE_CODES.badRequest };
  }

  async onConnect(connection: Party.Connection, context: Party.ConnectionContext): Promise<void> {
    try {
      const admission = await this.admit(context.request.url);
      if (!admission.ok || !this.published) {
        const refusal = admission.ok ? { error: "no_room" as const, close: CLOSE_CODES.noRoom } : admission;
        sendTo(connection, errorMessage(refusal.error));
        closeWith(connection, refusal.close, refusal.error);
        return;
      }
      const info = admission.member;
      connection.setState(info);
      this.peersById().set(connection.id, newPeer(connection, info, Date.now()));
      if (info.role === "presenter") await this.scheduleSweep();
      sendTo(connection, this.snapshotFor(info));
      for (const report of info.role === "audience" ? this.lab.audienceReports() : this.lab.reports()) sendTo(connection, report);
      this.schedulePresence();
    } catch (error) {
      console.error("onConnect", error);
    }
  }

  // ── WebSocket: messages ────────────────────────────────────────────────────────────────────

  async onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection): Promise<void> {
    try {
      // Not a peer: refused at the door, or taken as gone by the liveness sweep, on its way out.
      // Shunned: closed for flooding; a flood must cost the room next to nothing.
      const peer = this.peersById().get(sender.id);
      if (!peer || peer.shunned || !this.view) return;
      const info = peer.member;

      const now = Date.now();
      peer.heardAt = now;
      const { verdict, bucket } = take(peer.bucket, now);
      peer.bucket = bucket;
      if (verdict !== "ok") {
        if (verdict === "refused") return sendTo(sender, errorMessage("rate_limited"));
        peer.shunned = true;
        return closeWith(sender, CLOSE_CODES.policy, "policy violation");
      }

      const parsed = parseClientMessage(raw);
      if (!parsed.ok) return sendTo(sender, parsed.error);
      const message = parsed.message;
      if (isPresenterOnly(message) && info.role !== "presenter") {
        return sendTo(sender, errorMessage("forbidden", { ref: message.type }));
      }

      switch (message.type) {
        case "goto":
          return await this.change(goto(this.view.state, message));
        case "timer":
          return await this.change(applyTimerAction(this.view.state, message.action, Date.now()));
        case "sync":
          return sendTo(sender, this.snapshotFor(info));
        case "ping":
          return sendTo(sender, { type: "pong", id: message.id, now: Date.now() });
        case "poll":
          return await this.pollAction(message.action, message.poll, sender);
        case "vote":
          return await this.vote(message.poll, message.option, info, sender);
        default:
          this.lab.message(message, { connection: sender, member: info });
      }
    } catch (error) {
      console.error("onMessage", error);
    }
  }

  onClose(connection: Party.Connection): void {
    // Hibernatable sockets don't answer a client's close frame by themselves (workerd of
    // 2024-07-18): without this the client waits for its own timeout and reports 1006.
    closeWith(connection, 1000, "");
    this.left(connection);
  }

  onError(connection: Party.Connection): void {
    this.left(connection);
  }

  private left(connection: Party.Connection): void {
    this.peersById().delete(connection.id);
    this.lab.leave(connection);
    this.schedulePresence();
  }

  // ── Presenter liveness (src/room/liveness.ts) ──────────────────────────────────────────────

  private async scheduleSweep(): Promise<void> {
    if (this.sweepScheduled) return;
    this.sweepScheduled = true;
    await this.room.storage.setAlarm(Date.now() + SWEEP_EVERY_MS);
  }

  /** Asks quiet presenters whether they are still there; lets go of those that stayed quiet. */
  async onAlarm(): Promise<void> {
    this.sweepScheduled = false;
    const now = Date.now();
    let presenters = 0;
    for (const { connection, member, heardAt } of this.connected()) {
      if (member.role !== "presenter") continue;
      const liveness = presenterLiveness(now - heardAt);
      if (liveness === "gone") {
        // Its link is dead: no close handshake will complete. Count it out now; phones are told.
        closeWith(connection, 1001, "silent");
        this.left(connection);
        continue;
      }
      presenters++;
      if (liveness === "probe") sendTo(connection, { type: "probe" });
    }
    if (presenters > 0) await this.scheduleSweep();
  }

  // ── Polls ──────────────────────────────────────────────────────────────────────────────────

  private async loadPolls(): Promise<void> {
    for (const [key, value] of await this.room.storage.list<StoredPoll>({ prefix: POLL_PREFIX })) {
      this.polls.set(key.slice(POLL_PREFIX.length), value);
    }
    for (const [key, option] of await this.room.storage.list<number>({ prefix: VOTE_PREFIX })) {
      const [poll = "", pid = ""] = key.slice(VOTE_PREFIX.length).split(":");
      this.ballotsOf(poll).set(pid, option);
    }
  }

  private ballotsOf(poll: string): Map<string, number> {
    let ballots = this.ballots.get(poll);
    if (!ballots) this.ballots.set(poll, (ballots = new Map()));
    return ballots;
  }

  private pollView(id: string): PollView | null {
    const poll = this.polls.get(id);
    return poll ? tallyPoll(poll.definition, poll.open, this.ballotsOf(id)) : null;
  }

  /** show: on screen (created the first time, as the slide declares it); open/close: votes or not. */
  private async pollAction(action: "show" | "open" | "close", definition: PollDefinition, sender: Party.Connection): Promise<void> {
    if (!this.view) return;
    let poll = this.polls.get(definition.id);
    if (!poll) {
      if (this.polls.size >= POLLS_MAX) return sendTo(sender, errorMessage("bad_request", { detail: `no máximo ${POLLS_MAX} votações por sala` }));
      poll = { definition, open: false };
    }
    if (action !== "show") poll = { ...poll, open: action === "open" };
    this.polls.set(definition.id, poll);
    await this.room.storage.put(POLL_PREFIX + definition.id, poll);
    await this.change({ ...this.view.state, poll: this.pollView(definition.id) });
  }

  private async vote(pollId: string, option: number, info: Member, sender: Party.Connection): Promise<void> {
    if (info.role !== "audience" || info.pid === undefined) return sendTo(sender, errorMessage("forbidden", { ref: "vote" }));
    const poll = this.polls.get(pollId);
    const refusal = checkVote(poll && { open: poll.open, options: poll.definition.options }, option);
    if (refusal === "bad_option") return sendTo(sender, errorMessage("bad_message", { ref: "vote", detail: "option" }));
    if (refusal) return sendTo(sender, errorMessage(refusal, { ref: "vote" }));
    const ballots = this.ballotsOf(pollId);
    if (ballots.get(info.pid) !== option) {
      ballots.set(info.pid, option);
      await this.room.storage.put(`${VOTE_PREFIX}${pollId}:${info.pid}`, option);
      this.scheduleRecount();
    }
    sendTo(sender, { type: "voted", poll: pollId, option });
  }

  private scheduleRecount(): void {
    if (this.recountTimer !== null) return;
    this.recountTimer = setTimeout(() => {
      this.recountTimer = null;
      const current = this.view?.state.poll;
      if (this.view && current) {
        this.change({ ...this.view.state, poll: this.pollView(current.id) }).catch((error: unknown) => console.error("recount", error));
      }
    }, PRESENCE_COALESCE_MS);
  }

  /** Poll id → option for one participant, for their snapshot. */
  private votesOf(pid: string): Record<string, number> {
    const votes: Record<string, number> = {};
    for (const [poll, ballots] of this.ballots) {
      const option = ballots.get(pid);
      if (option !== undefined) votes[poll] = option;
    }
    return votes;
  }

  private snapshotFor(info: Member): ServerMessage {
    const view = this.published ?? { seq: 0, state: initialState(this.room.id) };
    const you = info.pid === undefined ? { role: info.role } : { role: info.role, pid: info.pid, votes: this.votesOf(info.pid) };
    return { type: "snapshot", seq: view.seq, now: Date.now(), you, state: view.state };
  }

  // ── State: change, persist, broadcast ──────────────────────────────────────────────────────

  /**
   * Moves the room to `next` (a no-op costs nothing), persists, then broadcasts. `view` is
   * updated before the write, so a change arriving meanwhile builds on this one; writes
   * complete in order, so deltas go out in seq order.
   */
  private async change(next: PublicState): Promise<void> {
    if (!this.view) return;
    const result = commit(this.view, next);
    if (!result) return;
    this.view = result.view;
    await this.room.storage.put(VIEW, result.view);
    this.published = result.view;
    this.broadcast(JSON.stringify({ type: "delta", seq: result.delta.seq, now: Date.now(), changes: result.delta.changes } satisfies ServerMessage));
  }

  private peersById(): Map<string, Peer> {
    if (!this.peers) {
      // A refused socket, still closing, has no state: it is not a peer.
      this.peers = new Map();
      const now = Date.now();
      for (const connection of this.room.getConnections()) {
        const member = infoOf(connection);
        if (member) this.peers.set(connection.id, newPeer(connection, member, now));
      }
    }
    return this.peers;
  }

  private connected(): Peer[] {
    return Array.from(this.peersById().values());
  }

  private broadcast(text: string): void {
    for (const { connection } of this.peersById().values()) sendTo(connection, text);
  }

  private readPresence(): Presence {
    const members = this.connected().map(({ member }) => member);
    return { audience: countAudience(members), presenterOnline: members.some((member) => member.role === "presenter") };
  }

  private schedulePresence(): void {
    if (this.presenceTimer !== null || !this.view) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      if (this.view) this.change(setPresence(this.view.state, this.readPresence())).catch((error: unknown) => console.error("presence", error));
    }, PRESENCE_COALESCE_MS);
  }
}
