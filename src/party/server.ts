/**
 * The PartyKit room: lifecycle and dispatch. Every message goes parse (with its sender checked
 * against the one message table) → the room's own transition or its feature → persist → send, and
 * nothing throws. Hibernation-safe: what must outlive a wake-up lives in room.storage (the room)
 * or in connection state (each connection's member); the fields below are caches rebuilt after a
 * wake-up, or state that may be dropped (a room only hibernates after a quiet spell).
 */
import type * as Party from "partykit/server";
import { FEATURES, MESSAGES } from "../features/index.ts";
import { isCanonicalRoomCode } from "../room/codes.ts";
import { CLOSE_CODES, errorMessage, type CloseCode, type ErrorCode } from "../room/errors.ts";
import { json } from "../room/http.ts";
import { SWEEP_EVERY_MS } from "../room/liveness.ts";
import { parseClientMessage } from "../room/messages.ts";
import type { Peer } from "../room/feature.ts";
import type { Member } from "../room/participants.ts";
import { parseAuth } from "../room/protocol.ts";
import { applyTimerAction, commit, goto, initialState, setPresence, type PublicState, type RoomView } from "../room/state.ts";
import type { RoomCreated, ServerMessage } from "../room/wire.ts";
import { Features } from "./features.ts";
import { RoomKeys } from "./keys.ts";
import { admit, closeWith, Peers, sendTo, sourceOf, trimConnectRequest, type KeyedRole } from "./peers.ts";
import { answer } from "./routes.ts";
import { roomSettings, type RoomSettings } from "./settings.ts";
import { featureStorage } from "./storage.ts";

/** Presence deltas wait this long, so a storm of joins makes one broadcast, not one per phone. */
export const PRESENCE_COALESCE_MS = 100;

/** Storage key of the view, written on every change (the keys' hashes: keys.ts). */
const VIEW = "view";

export default class RoomServer implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };
  readonly room: Party.Room;

  // Caches of room.storage (null: the room was never created). `view` is the latest state;
  // `published` the latest one whose delta went out, which is what snapshots show: a snapshot
  // must never be ahead of the deltas still being written, or its reader would see them as stale.
  private readonly keys: RoomKeys;
  private view: RoomView | null = null;
  private published: RoomView | null = null;
  // A pending presence broadcast. Losing it to an eviction is harmless: presence is recomputed
  // from the live connections on the next start.
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly features: Features;
  // Null until first needed after a start or a wake-up (see Peers).
  private admitted: Peers | null = null;
  private sweepScheduled = false;
  private readonly settings: RoomSettings;

  constructor(room: Party.Room) {
    this.room = room;
    this.settings = roomSettings(room.env);
    this.keys = new RoomKeys(this.settings.issueRate);
    this.features = new Features(FEATURES, {
      now: () => Date.now(),
      presenters: () => this.peers().presenters(),
      screens: () => this.peers().screens(),
      audience: () => this.peers().audience(),
      send: (link, message) => this.peers().send(link, message),
      storage: featureStorage(room.storage),
      isPresenterKey: (key) => this.keys.isPresenterKey(key),
      isParticipant: (pid) => this.keys.isParticipant(pid),
      state: () => this.view?.state ?? initialState(room.id),
      change: (next) => this.change(next),
    });
  }

  async onStart(): Promise<void> {
    if (!isCanonicalRoomCode(this.room.id)) return;
    await this.room.blockConcurrencyWhile(async () => {
      if (!(await this.keys.load(this.room.storage))) return;
      const view = await this.room.storage.get<RoomView>(VIEW);
      // A view stored by an older version lacks the newer fields: their initial values fill in.
      this.view = { seq: view?.seq ?? 0, state: { ...initialState(this.room.id), ...view?.state } };
      this.published = this.view;
      await this.features.load();
      // After a restart nobody is connected; after a hibernation wake-up the sockets are still
      // here. Either way the stored presence may be stale: correct it as a change of its own, so
      // one seq never names two different states.
      await this.change(setPresence(this.view.state, this.peers().presence()));
    });
  }

  async onRequest(request: Party.Request): Promise<Response> {
    try {
      // PartyKit's request is the Workers runtime's: the same object as the standard one the routes read.
      return await answer(request as unknown as Request, { code: this.room.id, keys: this.keys, published: this.published, features: this.features, create: () => this.create() });
    } catch (error) {
      console.error("onRequest", error);
      return json(500, errorMessage("bad_request", { detail: "server_error" }));
    }
  }

  private async create(): Promise<Response> {
    const made = this.keys.created ? null : await this.keys.create();
    if (!made) return json(409, errorMessage("room_exists"));
    this.view = { seq: 0, state: initialState(this.room.id) };
    await this.room.storage.put({ ...made.stored, [VIEW]: this.view });
    this.published = this.view;
    return json(201, { code: this.room.id, key: made.key } satisfies RoomCreated);
  }

  /** Only what the room reads of a connect URL goes on (peers.ts says why). */
  static onBeforeConnect(request: Party.Request): Party.Request {
    return trimConnectRequest(request);
  }

  async onConnect(connection: Party.Connection, context: Party.ConnectionContext): Promise<void> {
    try {
      const admission = admit(context.request.url, this.room.id, this.published !== null);
      if (!admission.ok) return this.refuse(connection, admission);
      const source = sourceOf(context.request.headers as unknown as Headers);
      const pid = "member" in admission ? admission.member.pid : undefined;
      // Only ids this room issued: a made-up one counts for nothing (no ballots, no head).
      if (pid !== undefined && !(await this.keys.isParticipant(pid))) return this.refuse(connection, { error: "bad_request", close: CLOSE_CODES.badRequest, detail: "pid" });
      const over = this.peers().overLimit(source, pid, this.settings.connectionsPerSource);
      if (over) return this.refuse(connection, { error: "connection_limit", close: CLOSE_CODES.tooMany, detail: over });
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

  private refuse(connection: Party.Connection, refusal: { error: ErrorCode; close: CloseCode; detail?: string }): void {
    sendTo(connection, errorMessage(refusal.error, refusal.detail === undefined ? {} : { detail: refusal.detail }));
    closeWith(connection, refusal.close, refusal.error);
  }

  /** An admitted connection: its state, its snapshot and the reports it may see. */
  private async welcome(connection: Party.Connection, member: Member, source: string): Promise<void> {
    this.peers().join(connection, member, source, Date.now());
    if (member.role === "presenter") await this.scheduleSweep();
    this.resync({ link: connection, member });
    this.schedulePresence();
  }

  private resync(peer: Peer): void {
    this.peers().reply(peer.link, this.snapshotFor(peer.member));
    this.features.welcome(peer);
  }

  /** The first frame of a presenter or screen: its key, or it is closed. */
  private async authenticate(connection: Party.Connection, raw: string | ArrayBuffer | ArrayBufferView, wants: KeyedRole, source: string): Promise<void> {
    const key = parseAuth(raw);
    if (key === null) return this.refuse(connection, { error: "bad_request", close: CLOSE_CODES.badRequest, detail: "auth_first" });
    const check = await this.keys.check(wants, key, source, Date.now());
    if (check === "throttled") return this.refuse(connection, { error: "rate_limited", close: CLOSE_CODES.policy, detail: "wrong_keys" });
    if (check === "wrong") return this.refuse(connection, { error: "unauthorized", close: CLOSE_CODES.unauthorized });
    await this.welcome(connection, { role: wants }, source);
  }

  async onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection): Promise<void> {
    try {
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
      const message = parsed.message;
      switch (message.type) {
        case "goto":
          return await this.change(goto(this.view.state, message));
        case "timer":
          return await this.change(applyTimerAction(this.view.state, message.action, Date.now()));
        case "sync":
          return this.peers().reply(sender, this.snapshotFor(heard.member));
        case "ping":
          return this.peers().reply(sender, { type: "pong", id: message.id, now: Date.now() });
        case "read":
          // Back from behind: everything anew, as to a newcomer.
          if (this.peers().read(sender, message.mark)) this.resync({ link: sender, member: heard.member });
          return;
        default:
          return await this.features.message(message, { link: sender, member: heard.member });
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

  private left(connection: Party.Connection | { id: string }): void {
    this.peers().remove(connection);
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
    for (const link of this.peers().sweep(Date.now())) this.left(link);
    this.peers().catchUp((member) => this.snapshotFor(member));
    if (this.peers().watched) await this.scheduleSweep();
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
    await this.room.storage.put(VIEW, result.view);
    this.published = result.view;
    const delta = JSON.stringify({ type: "delta", seq: result.delta.seq, now: Date.now(), changes: result.delta.changes } satisfies ServerMessage);
    if (this.peers().broadcast(delta)) await this.scheduleSweep();
  }

  private peers(): Peers {
    this.admitted ??= new Peers(this.room.getConnections(), Date.now());
    return this.admitted;
  }

  private schedulePresence(): void {
    if (this.presenceTimer !== null || !this.view) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      if (this.view) this.change(setPresence(this.view.state, this.peers().presence())).catch((error: unknown) => console.error("presence", error));
    }, PRESENCE_COALESCE_MS);
  }
}
