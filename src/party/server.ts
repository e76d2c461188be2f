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
import { CLOSE_CODES, errorMessage } from "../room/errors.ts";
import { json } from "../room/http.ts";
import { SWEEP_EVERY_MS } from "../room/liveness.ts";
import { parseClientMessage } from "../room/messages.ts";
import type { Member } from "../room/participants.ts";
import { hashKey, keyMatches, newPresenterKey } from "../room/secret.ts";
import { applyTimerAction, commit, goto, initialState, setPresence, type PublicState, type RoomView } from "../room/state.ts";
import type { RoomCreated, ServerMessage } from "../room/wire.ts";
import { Features } from "./features.ts";
import { admit, closeWith, Peers, sendTo } from "./peers.ts";
import { answer } from "./routes.ts";
import { featureStorage } from "./storage.ts";

/** Presence deltas wait this long, so a storm of joins makes one broadcast, not one per phone. */
export const PRESENCE_COALESCE_MS = 100;

/** What the room reads from a connect URL (`_pk`: PartySocket's connection id). */
const CONNECT_PARAMS = ["role", "pid", "key", "_pk"] as const;
/** Longer than any valid value of those, short enough that the URL fits PartyKit's attachment. */
const CONNECT_PARAM_MAX = 257;

/** Storage keys. The key hash is written once; the view on every change. */
const KEY_HASH = "keyHash";
const VIEW = "view";

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
  private readonly features: Features;
  // Null until first needed after a start or a wake-up (see Peers).
  private admitted: Peers | null = null;
  private sweepScheduled = false;

  constructor(room: Party.Room) {
    this.room = room;
    this.features = new Features(FEATURES, {
      now: () => Date.now(),
      watchers: () => this.peers().watchers(),
      audience: () => this.peers().audience(),
      send: (link, message) => this.peers().send(link, message),
      storage: featureStorage(room.storage),
      isPresenterKey: async (key) => this.keyHash !== null && (await keyMatches(key, this.keyHash)),
      state: () => this.view?.state ?? initialState(room.id),
      change: (next) => this.change(next),
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
      return await answer(request as unknown as Request, { code: this.room.id, keyHash: this.keyHash, published: this.published, features: this.features, create: () => this.create() });
    } catch (error) {
      console.error("onRequest", error);
      return json(500, errorMessage("bad_request", { detail: "server_error" }));
    }
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

  async onConnect(connection: Party.Connection, context: Party.ConnectionContext): Promise<void> {
    try {
      const admission = await admit(context.request.url, this.room.id, this.keyHash);
      if (!admission.ok || !this.published) {
        const refusal = admission.ok ? { error: "no_room" as const, close: CLOSE_CODES.noRoom } : admission;
        sendTo(connection, errorMessage(refusal.error));
        closeWith(connection, refusal.close, refusal.error);
        return;
      }
      const member = admission.member;
      connection.setState(member);
      this.peers().add(connection, member, Date.now());
      if (member.role === "presenter") await this.scheduleSweep();
      sendTo(connection, this.snapshotFor(member));
      this.features.welcome({ link: connection, member });
      this.schedulePresence();
    } catch (error) {
      console.error("onConnect", error);
    }
  }

  async onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection): Promise<void> {
    try {
      const heard = this.peers().heard(sender, Date.now());
      if (!heard || heard.verdict === "flood" || !this.view) return;
      if (heard.verdict === "refused") return sendTo(sender, errorMessage("rate_limited"));

      const parsed = parseClientMessage(raw, MESSAGES, heard.member.role);
      if (!parsed.ok) return sendTo(sender, parsed.error);
      const message = parsed.message;
      switch (message.type) {
        case "goto":
          return await this.change(goto(this.view.state, message));
        case "timer":
          return await this.change(applyTimerAction(this.view.state, message.action, Date.now()));
        case "sync":
          return sendTo(sender, this.snapshotFor(heard.member));
        case "ping":
          return sendTo(sender, { type: "pong", id: message.id, now: Date.now() });
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

  // ── Presenter liveness (src/room/liveness.ts) ──────────────────────────────────────────────

  private async scheduleSweep(): Promise<void> {
    if (this.sweepScheduled) return;
    this.sweepScheduled = true;
    await this.room.storage.setAlarm(Date.now() + SWEEP_EVERY_MS);
  }

  /** Asks quiet presenters whether they are still there; counts out those that stayed quiet. */
  async onAlarm(): Promise<void> {
    this.sweepScheduled = false;
    const { gone, presenters } = this.peers().sweep(Date.now());
    for (const link of gone) this.left(link);
    if (presenters > 0) await this.scheduleSweep();
  }

  // ── State: change, persist, broadcast ──────────────────────────────────────────────────────

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
    this.peers().broadcast(JSON.stringify({ type: "delta", seq: result.delta.seq, now: Date.now(), changes: result.delta.changes } satisfies ServerMessage));
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
