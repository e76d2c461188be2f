/**
 * The PartyKit room: lifecycle and dispatch. Every message goes parse (with its sender checked
 * against the one message table) → the room's own transition or its feature → persist → send, and
 * nothing throws. Hibernation-safe: what must outlive a wake-up lives in room.storage (the room)
 * or in connection state (each connection's member); the fields below are caches rebuilt after a
 * wake-up, or state that may be dropped (a room only hibernates after a quiet spell).
 */
import type * as Party from "partykit/server";
import { FEATURES, MESSAGES } from "../features/index.ts";
import { readSum } from "../features/reactions/sum.ts";
import { isCanonicalRoomCode } from "../room/codes.ts";
import { CLOSE_CODES, errorMessage } from "../room/errors.ts";
import { json } from "../room/http.ts";
import { SWEEP_EVERY_MS } from "../room/liveness.ts";
import { parseClientMessage } from "../room/messages.ts";
import { erasableAt } from "../room/retention.ts";
import type { Peer, RoomLink } from "../room/feature.ts";
import type { Member } from "../room/participants.ts";
import type { ClientMessage } from "../room/protocol.ts";
import { departed, heldPresence, NO_DEPARTURES, type Departures } from "../room/presence.ts";
import { parseAuth } from "../room/protocol.ts";
import { applyTimerAction, commit, goto, initialState, setPresence, showJoin, type PublicState, type RoomView } from "../room/state.ts";
import type { RoomCreated, ServerMessage } from "../room/wire.ts";
import { hallId, readUp } from "../room/halls.ts";
import { Features } from "./features.ts";
import { hallOfRequest, Halls } from "./halls.ts";
import { RoomKeys } from "./keys.ts";
import { admit, closeWith, CONNECTIONS_PER_PARTICIPANT, Peers, refuse, sendTo, sourceOf, trimConnectRequest, type KeyedRole } from "./peers.ts";
import { throughDoorway } from "./doorway.ts";
import { registryOf } from "./registry.ts";
import { answer } from "./routes.ts";
import { roomSettings, type RoomSettings } from "./settings.ts";
import { featureStorage } from "./storage.ts";

/**
 * Presence deltas wait this long, so a storm of joins makes one broadcast, not one per phone.
 * Leaves wait longer: a reload must not look like a leave (src/room/presence.ts).
 */
export const PRESENCE_COALESCE_MS = 100;

/** Storage keys of the view, and of when it last changed, written on every change (the keys' hashes: keys.ts). */
const VIEW = "view";
const ACTIVE_AT = "activeAt";

export default class RoomServer implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };
  readonly room: Party.Room;

  // Caches of room.storage (null: the room was never created). `view` is the latest state;
  // `published` the latest one whose delta went out, which is what snapshots show: a snapshot
  // must never be ahead of the deltas still being written, or its reader would see them as stale.
  private keys!: RoomKeys;
  private view: RoomView | null = null;
  private published: RoomView | null = null;
  // A pending presence broadcast (due at presenceDue), and who left within the grace period.
  // Losing them to an eviction is harmless: presence is recomputed from the live connections on
  // the next start.
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private presenceDue = 0;
  private departures: Departures = NO_DEPARTURES;
  private features!: Features;
  // Null until first needed after a start or a wake-up (see Peers).
  private admitted: Peers | null = null;
  /** The talk's halls and their phones (halls.ts); none until the talk is crowded. */
  private halls = new Halls();
  private sweepScheduled = false;
  /** How many times the room was made fresh (fresh()). */
  private generation = 0;
  private readonly settings: RoomSettings;

  constructor(room: Party.Room) {
    this.room = room;
    this.settings = roomSettings(room.env);
    this.fresh();
  }

  /** A room as if never created: at the start, and once its data is erased. */
  private fresh(): void {
    const room = this.room;
    this.view = this.published = null;
    this.departures = NO_DEPARTURES;
    this.keys = new RoomKeys(this.settings.issueRate);
    // A feature's pending write from before an erase must not bring its data back.
    const generation = ++this.generation;
    this.features = new Features(FEATURES, {
      now: () => Date.now(),
      presenters: () => this.peers().presenters(),
      screens: () => this.peers().screens(),
      audience: () => [...this.peers().audience(), ...this.halls.audience()],
      participant: (pid) => [...this.peers().participant(pid), ...this.halls.participant(pid)],
      send: (link, message) => {
        if (!this.halls.to(link, message, "send")) this.peers().send(link, message);
      },
      toAudience: (text) => {
        for (const { link } of this.peers().audience()) this.peers().send(link, text);
        this.halls.broadcast(text);
      },
      storage: featureStorage(room.storage, () => generation === this.generation),
      isPresenterKey: (key) => this.keys.isPresenterKey(key),
      isParticipant: (pid) => this.keys.isParticipant(pid),
      issuedAt: (pid) => this.keys.issuedAt(pid),
      state: () => this.view?.state ?? initialState(this.code()),
      change: (next) => this.change(next),
    });
  }

  /**
   * The room's code. Woken by an alarm (a cold start), PartyKit can't tell it (reading it throws):
   * the stored view says it then.
   */
  private code(): string {
    try {
      return this.room.id;
    } catch {
      return this.view?.state.code ?? "";
    }
  }

  async onStart(): Promise<void> {
    const code = this.code();
    if (code !== "" && !isCanonicalRoomCode(code)) return;
    await this.room.blockConcurrencyWhile(async () => {
      if (!(await this.keys.load(this.room.storage))) return;
      const view = await this.room.storage.get<RoomView>(VIEW);
      // A view stored by an older version lacks the newer fields: their initial values fill in.
      this.view = { seq: view?.seq ?? 0, state: { ...initialState(code || (view?.state.code ?? "")), ...view?.state } };
      this.published = this.view;
      await this.halls.restore(this.room.getConnections(), this.room.storage);
      await this.features.load();
      // After a restart nobody is connected; after a hibernation wake-up the sockets are still
      // here. Either way the stored presence may be stale: correct it as a change of its own, so
      // one seq never names two different states.
      await this.change(setPresence(this.view.state, heldPresence(this.members(), this.departures, Date.now()).presence));
    });
    // Started by a request or a connection (not an alarm): the registry keeps its entry.
    if (this.view && code !== "") await registryOf(this.room.context.parties).touch(code);
  }

  /** Only what the room reads of a connect URL goes on (peers.ts says why). */
  static onBeforeConnect(request: Party.Request): Party.Request {
    return trimConnectRequest(request);
  }

  /** Lookups of unknown rooms and new rooms are settled by the registry (doorway.ts). */
  static async onBeforeRequest(request: Party.Request, lobby: Party.Lobby): Promise<Party.Request | Response> {
    const passed = await throughDoorway(request as unknown as Request, lobby.id, registryOf(lobby.parties));
    return passed as unknown as Party.Request | Response;
  }

  async onRequest(request: Party.Request): Promise<Response> {
    try {
      // PartyKit's request is the Workers runtime's: the same object as the standard one the routes read.
      return await answer(request as unknown as Request, {
        code: this.room.id,
        keys: this.keys,
        published: this.published,
        features: this.features,
        create: () => this.create(),
        erase: () => this.erase(),
      });
    } catch (error) {
      console.error("onRequest", error);
      return json(500, errorMessage("bad_request", { detail: "server_error" }));
    }
  }

  private async create(): Promise<Response> {
    const made = this.keys.created ? null : await this.keys.create();
    if (!made) return json(409, errorMessage("room_exists"));
    this.view = { seq: 0, state: initialState(this.room.id) };
    await this.room.storage.put({ ...made.stored, [VIEW]: this.view, [ACTIVE_AT]: Date.now() });
    await this.room.storage.setAlarm(erasableAt(Date.now(), this.settings.idleMs));
    this.published = this.view;
    return json(201, { code: this.room.id, key: made.key } satisfies RoomCreated);
  }

  async onConnect(connection: Party.Connection, context: Party.ConnectionContext): Promise<void> {
    try {
      const hall = hallOfRequest(context.request.headers as unknown as Headers);
      if (hall !== null) {
        if (this.published === null) return refuse(connection, { error: "no_room", close: CLOSE_CODES.noRoom });
        return this.halls.linked(hall, connection);
      }
      const admission = admit(context.request.url, this.room.id, this.published !== null);
      if (!admission.ok) return refuse(connection, admission);
      const source = sourceOf(context.request.headers as unknown as Headers);
      const pid = "member" in admission ? admission.member.pid : undefined;
      // Only ids this room issued: a made-up one counts for nothing (no ballots, no head).
      if (pid !== undefined && !(await this.keys.isParticipant(pid))) return refuse(connection, { error: "bad_request", close: CLOSE_CODES.badRequest, detail: "pid" });
      const over = this.overLimit(source, pid);
      if (over) return refuse(connection, { error: "connection_limit", close: CLOSE_CODES.tooMany, detail: over });
      if (pid !== undefined && this.toHall(connection, context.request.url)) return;
      if ("awaiting" in admission) {
        // Nothing is sent until the key arrives in the first frame; the sweep closes a silent one.
        this.peers().await(connection, admission.awaiting, source, Date.now());
        return await this.scheduleSweep();
      }
      await this.welcome(connection, admission.member, source);
    } catch (error) {
      console.error("onConnect", error);
    }
  }

  /** Why one more connection from `source` (as `pid`) is one too many, counting the phones in halls too; or null. */
  private overLimit(source: string, pid: string | undefined): "per_participant" | "per_source" | null {
    const inHalls = this.halls.counts(pid ?? "", source);
    const over = this.peers().overLimit(source, pid, this.settings.connectionsPerSource - inHalls.source);
    if (over) return over;
    return pid !== undefined && this.peers().participant(pid).length + inHalls.participant >= CONNECTIONS_PER_PARTICIPANT ? "per_participant" : null;
  }

  /**
   * A crowded talk sends a phone that can follow (`halls=1`) to one of its halls: true if it did.
   * Below HALLS_FROM phones here, or with every hall full, the phone stays.
   */
  private toHall(connection: Party.Connection, url: string): boolean {
    if (new URL(url).searchParams.get("halls") !== "1" || this.peers().audience().length < this.settings.hallsFrom) return false;
    const n = this.halls.assign(this.settings.hallSize, Date.now());
    if (n === null) return false;
    sendTo(connection, { type: "hall", hall: hallId(this.room.id, n) });
    closeWith(connection, CLOSE_CODES.moved, "moved");
    return true;
  }

  /** An admitted connection: its state, its snapshot and the reports it may see. */
  private async welcome(connection: Party.Connection, member: Member, source: string): Promise<void> {
    this.peers().join(connection, member, source, Date.now());
    if (member.role === "presenter") await this.scheduleSweep();
    this.resync({ link: connection, member });
    this.schedulePresence();
  }

  private resync(peer: Peer): void {
    this.reply(peer.link, this.snapshotFor(peer.member));
    this.features.welcome(peer);
  }

  /** An answer to one connection, in this room or in a hall: sent even when it is behind. */
  private reply(link: RoomLink, message: ServerMessage): void {
    if (!this.halls.to(link, message, "reply")) this.peers().reply(link, message);
  }

  /** The first frame of a presenter or screen: its key, or it is closed. */
  private async authenticate(connection: Party.Connection, raw: string | ArrayBuffer | ArrayBufferView, wants: KeyedRole, source: string): Promise<void> {
    const key = parseAuth(raw);
    if (key === null) return refuse(connection, { error: "bad_request", close: CLOSE_CODES.badRequest, detail: "auth_first" });
    const check = await this.keys.check(wants, key, source, Date.now());
    if (check === "throttled") return refuse(connection, { error: "rate_limited", close: CLOSE_CODES.policy, detail: "wrong_keys" });
    if (check === "wrong") return refuse(connection, { error: "unauthorized", close: CLOSE_CODES.unauthorized });
    await this.welcome(connection, { role: wants }, source);
  }

  async onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection): Promise<void> {
    try {
      const hall = this.halls.hallOf(sender);
      if (hall !== null) return await this.fromHall(hall, String(raw));
      const heard = this.peers().heard(sender, Date.now());
      if (!heard) {
        const waiting = this.peers().takeAwaiting(sender);
        if (waiting) await this.authenticate(sender, raw, waiting.awaiting, waiting.source);
        return;
      }
      if (heard.verdict === "flood" || !this.view) return;
      if (heard.verdict === "refused") return this.peers().reply(sender, errorMessage("rate_limited"));

      const parsed = parseClientMessage(raw, MESSAGES, heard.member.role);
      if (!parsed.ok) return this.peers().reply(sender, parsed.error);
      await this.handle(parsed.message, { link: sender, member: heard.member });
    } catch (error) {
      console.error("onMessage", error);
    }
  }

  /**
   * A frame of a hall's link: its phones' joins (each checked as the room checks its own, then
   * welcomed), leaves and messages (limited and checked in the hall; parsed again here: the talk
   * trusts no one's bytes), in the order they happened.
   */
  private async fromHall(n: number, frame: string): Promise<void> {
    this.halls.hold(n);
    try {
      await this.fromHallLines(n, frame);
    } finally {
      this.halls.release(n);
    }
  }

  private async fromHallLines(n: number, frame: string): Promise<void> {
    let moved = false;
    const lines = readUp(frame);
    // The joins' ids, checked together (each check awaits): a hall's first frame may carry 250.
    const joins = lines.flatMap((line) => (line.op === "join" ? [line.pid] : []));
    const issued = new Set(joins.length === 0 ? [] : (await Promise.all(joins.map(async (pid) => ((await this.keys.isParticipant(pid)) ? [pid] : [])))).flat());
    for (const line of lines) {
      if (line.op === "join") {
        moved = true;
        const known = this.halls.phone(n, line.conn);
        const over = known ? null : this.overLimit(line.source, line.pid);
        if (!issued.has(line.pid)) this.halls.refuse(n, line.conn, { error: "bad_request", close: CLOSE_CODES.badRequest, detail: "pid" });
        else if (over) this.halls.refuse(n, line.conn, { error: "connection_limit", close: CLOSE_CODES.tooMany, detail: over });
        else this.resync(this.halls.join(n, line.conn, line.pid, line.source));
      } else if (line.op === "leave") {
        const member = this.halls.leave(n, line.conn);
        if (member) this.departures = departed(this.departures, member, Date.now());
        this.features.leave({ id: `${n}:${line.conn}` });
        moved = true;
      } else if (line.op === "sum") {
        // The hall's phones' reactions, summed (only those the talk admitted: the hall sums no one else's).
        const sum = readSum(line.json);
        if (sum) await this.features.message(sum as ClientMessage, { link: { id: `${n}:` }, member: { role: "audience", pid: "" } });
      } else {
        const peer = this.halls.phone(n, line.conn);
        if (!peer) continue; // not admitted (yet, or any more)
        if (line.op === "resync") this.resync(peer);
        else {
          const parsed = parseClientMessage(line.json, MESSAGES, "audience");
          if (!parsed.ok) this.reply(peer.link, parsed.error);
          else await this.handle(parsed.message, peer);
        }
      }
    }
    if (!moved) return;
    await this.halls.store(n, this.room.storage);
    this.schedulePresence();
  }

  /** A message its sender may send, from a connection here or a phone in a hall. */
  private async handle(message: ClientMessage, from: Peer): Promise<void> {
    if (!this.view) return;
    const sender = from.link;
    switch (message.type) {
      case "goto":
        return await this.change(goto(this.view.state, message));
      case "timer":
        return await this.change(applyTimerAction(this.view.state, message.action, Date.now()));
      case "showJoin":
        return await this.change(showJoin(this.view.state, message.part, message.shown));
      case "sync":
        return this.reply(sender, this.snapshotFor(from.member));
      case "ping":
        return this.reply(sender, { type: "pong", id: message.id, now: Date.now() });
      case "read":
        // Back from behind: everything anew, as to a newcomer. (A hall keeps its phones' marks itself.)
        if (this.peers().read(sender, message.mark)) this.resync(from);
        return;
      default:
        return await this.features.message(message, from);
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

  /**
   * A hall's link closed: its phones count as left, held for the grace period like a reload, since
   * a hall that comes back (or its phones, reconnecting through the talk) announces them again at once.
   */
  private unlinked(n: number): void {
    const now = Date.now();
    for (const { link, member } of this.halls.unlinked(n)) {
      this.departures = departed(this.departures, member, now);
      this.features.leave(link);
    }
    this.halls.store(n, this.room.storage).catch((error: unknown) => console.error("halls", error));
    this.schedulePresence();
  }

  /** A connection closed; unless `held` is false, its member still counts for the grace period. */
  private left(connection: Party.Connection | { id: string }, { held = true } = {}): void {
    const hall = this.halls.hallOf(connection);
    if (hall !== null) return this.unlinked(hall);
    const member = this.peers().remove(connection);
    if (member && held) this.departures = departed(this.departures, member, Date.now());
    this.features.leave(connection);
    this.schedulePresence();
  }

  private async scheduleSweep(): Promise<void> {
    if (this.sweepScheduled) return;
    this.sweepScheduled = true;
    await this.room.storage.setAlarm(Date.now() + SWEEP_EVERY_MS);
  }

  /**
   * Closes connections that never sent their key; asks quiet presenters whether they are still
   * there, and counts out those that stayed quiet; sends those behind the state they missed.
   */
  async onAlarm(): Promise<void> {
    this.sweepScheduled = false;
    // Counted out at once: a presenter quiet this long has had its grace already.
    for (const link of this.peers().sweep(Date.now())) this.left(link, { held: false });
    this.peers().catchUp((member) => this.snapshotFor(member));
    if (this.peers().watched) return await this.scheduleSweep();
    if (!this.view) return;
    // Otherwise the alarm waits for the room's data to expire (src/room/retention.ts).
    const due = erasableAt((await this.room.storage.get<number>(ACTIVE_AT)) ?? Date.now(), this.settings.idleMs);
    const now = Date.now();
    if (due > now) return await this.room.storage.setAlarm(due);
    // Someone is connected, quiet as the room is: not idle. Look again in an hour.
    if (this.peers().count + this.halls.size > 0) return await this.room.storage.setAlarm(now + 3_600_000);
    await this.erase();
  }

  /**
   * Erases everything the room stored and forgets it in memory: its connections are closed as
   * a room that doesn't exist would close them. The registry forgets it too, when it can be
   * reached (not from an alarm: its entry then expires by itself).
   */
  private async erase(): Promise<void> {
    const code = this.view?.state.code;
    for (const connection of this.room.getConnections()) {
      sendTo(connection, errorMessage("no_room"));
      closeWith(connection, CLOSE_CODES.noRoom, "no_room");
    }
    // Each hall, its link closed with 4004, closes its phones the same way.
    this.halls = new Halls();
    await this.room.storage.deleteAll();
    this.admitted = null;
    this.fresh();
    try {
      if (code) await registryOf(this.room.context.parties).forget(code);
    } catch {
      // In an alarm: the entry expires by itself.
    }
  }

  private snapshotFor(member: Member): ServerMessage {
    const view = this.published ?? { seq: 0, state: initialState(this.room.id) };
    const you = member.role === "audience" ? { role: member.role, pid: member.pid, votes: this.features.votesOf(member.pid) } : { role: member.role };
    return { type: "snapshot", seq: view.seq, now: Date.now(), you, state: view.state };
  }

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
    await this.room.storage.put({ [VIEW]: result.view, [ACTIVE_AT]: Date.now() });
    this.published = result.view;
    if (result.delta.changes.audience !== undefined) this.features.presence(result.delta.changes.audience);
    const delta = JSON.stringify({ type: "delta", seq: result.delta.seq, now: Date.now(), changes: result.delta.changes } satisfies ServerMessage);
    this.halls.broadcast(delta);
    if (this.peers().broadcast(delta)) await this.scheduleSweep();
  }

  /** Who is connected: here, and in the halls. */
  private members(): Member[] {
    return [...this.peers().members(), ...this.halls.members()];
  }

  private peers(): Peers {
    this.admitted ??= new Peers(this.room.getConnections(), Date.now());
    return this.admitted;
  }

  /** Works out presence in `delayMs` (or sooner, if already due sooner), then again when a held leave runs out. */
  private schedulePresence(delayMs = PRESENCE_COALESCE_MS): void {
    if (!this.view) return;
    const due = Date.now() + delayMs;
    if (this.presenceTimer !== null) {
      if (this.presenceDue <= due) return;
      clearTimeout(this.presenceTimer);
    }
    this.presenceDue = due;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      if (!this.view) return;
      const now = Date.now();
      const held = heldPresence(this.members(), this.departures, now);
      this.departures = held.departures;
      if (held.recheckAt !== null) this.schedulePresence(held.recheckAt - now);
      this.change(setPresence(this.view.state, held.presence)).catch((error: unknown) => console.error("presence", error));
    }, delayMs);
  }
}
