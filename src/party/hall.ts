/**
 * A hall of a talk (party `hall`, id `CODE-n`; src/room/halls.ts says why halls exist): it holds
 * its phones' sockets, answers their pings, limits and checks what they send as the talk would,
 * and forwards the rest up one socket to the talk, coalesced into at most a frame per LINK_EVERY_MS
 * (reactions summed: one line per frame, src/features/reactions/sum.ts);
 * what the talk sends down it delivers, a change once for all its phones. The talk decides who
 * is admitted (it alone knows which participant ids it issued): until it answers, a phone is here
 * but hears nothing but its pongs.
 *
 * Its phones' sockets hibernate with it; its link can't (an outgoing socket keeps a Durable
 * Object awake), and whenever the link opens, at a start or a wake-up or after losing the talk,
 * every phone here is announced again, so the talk always ends up knowing exactly who is here.
 */
import type * as Party from "partykit/server";
import { MESSAGES } from "../features/index.ts";
import { ReactionsSum } from "../features/reactions/sum.ts";
import { isCanonicalRoomCode } from "../room/codes.ts";
import { CLOSE_CODES, errorMessage, type CloseCode } from "../room/errors.ts";
import { CONN_PATTERN, HALL_HEADER, LINK_EVERY_MS, parseHallId, readDown, sourceField, upLine, type UpLine } from "../room/halls.ts";
import { SWEEP_EVERY_MS } from "../room/liveness.ts";
import { parseClientMessage } from "../room/messages.ts";
import { isParticipantId } from "../room/participants.ts";
import { closeWith, Peers, refuse, sourceOf, trimConnectRequest } from "./peers.ts";
import { registryOf } from "./registry.ts";
import { roomSettings, type RoomSettings } from "./settings.ts";

type TalkLink = Awaited<ReturnType<Party.Stub["socket"]>>;

/** Waits between tries to reach the talk. */
const RELINK_MS = 1_000;
/** What a phone behind asks the talk for, through its hall: a snapshot. */
const SYNC = JSON.stringify({ type: "sync" });
/** Messages held while the link is down; past this the oldest go (none was acknowledged). */
const HELD_MAX = 10_000;

export default class HallServer implements Party.Server {
  readonly options: Party.ServerOptions = { hibernate: true };
  readonly room: Party.Room;
  private readonly settings: RoomSettings;
  private readonly talk: { code: string; n: number } | null;
  private admitted: Peers | null = null;
  /** The socket to the talk (the Workers runtime's WebSocket, not the DOM's). */
  private link: TalkLink | null = null;
  private linking = false;
  /** Lines waiting for the next frame up. */
  private up: string[] = [];
  /** Reactions since the last frame up: one line for all of them, from phones the talk admitted. */
  private readonly reactions = new ReactionsSum();
  /** Phones the talk admitted (it alone knows the ids it issued); kept in memory: after a wake-up the roll call admits them again. */
  private readonly welcomed = new Set<string>();
  private upTimer: ReturnType<typeof setTimeout> | null = null;
  private lastUp = 0;
  private catchUpTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the talk exists, asked of the registry once. */
  private exists: Promise<boolean> | null = null;

  constructor(room: Party.Room) {
    this.room = room;
    this.settings = roomSettings(room.env);
    this.talk = parseHallId(room.id, isCanonicalRoomCode);
  }

  /** Only what the hall reads of a connect URL goes on, as for the talk (peers.ts). */
  static onBeforeConnect(request: Party.Request): Party.Request {
    return trimConnectRequest(request);
  }

  /** A hall answers no requests: everything but phones' sockets goes to the talk. */
  static onBeforeRequest(): Response {
    return new Response(null, { status: 404 });
  }

  async onStart(): Promise<void> {
    // Woken with phones still connected: reach the talk at once and announce them.
    if (this.peers().count > 0) this.connectLink();
  }

  async onConnect(connection: Party.Connection, context: Party.ConnectionContext): Promise<void> {
    if (!this.talk) return refuse(connection, { error: "bad_room", close: CLOSE_CODES.noRoom });
    // A hall of a talk that doesn't exist must not start that talk's object: the registry says (as at the talk's door).
    this.exists ??= registryOf(this.room.context.parties).exists(this.talk.code);
    if (!(await this.exists)) return refuse(connection, { error: "no_room", close: CLOSE_CODES.noRoom });
    const params = new URL(context.request.url).searchParams;
    const pid = params.get("pid");
    if (params.get("role") !== "audience" || !isParticipantId(pid) || !CONN_PATTERN.test(connection.id)) return refuse(connection, { error: "bad_request", close: CLOSE_CODES.badRequest });
    const source = sourceField(sourceOf(context.request.headers as unknown as Headers));
    // A hall takes what the talk sends it and a margin for reloads; a crowd aimed at one hall is refused.
    if (this.peers().count >= this.settings.hallSize * 2) return refuse(connection, { error: "connection_limit", close: CLOSE_CODES.tooMany, detail: "hall_full" });
    if (this.peers().overLimit(source, pid, this.settings.connectionsPerSource)) return refuse(connection, { error: "connection_limit", close: CLOSE_CODES.tooMany });
    this.peers().join(connection, { role: "audience", pid }, source, Date.now());
    this.forward({ op: "join", conn: connection.id, pid, source });
  }

  onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection): void {
    const heard = this.peers().heard(sender, Date.now());
    if (!heard || heard.verdict === "flood") return;
    if (heard.verdict === "refused") return this.peers().reply(sender, errorMessage("rate_limited"));
    const parsed = parseClientMessage(raw, MESSAGES, heard.member.role);
    if (!parsed.ok) return this.peers().reply(sender, parsed.error);
    const message = parsed.message;
    if (message.type === "ping") return this.peers().reply(sender, { type: "pong", id: message.id, now: Date.now() });
    if (message.type === "read") {
      if (this.peers().read(sender, message.mark)) this.forward({ op: "resync", conn: sender.id });
      return;
    }
    // A sum is counted as it is: only admitted phones' reactions go into it (others go up as they came, and the talk drops them).
    if (message.type === "react" && this.welcomed.has(sender.id)) {
      this.reactions.add(message.counts);
      return this.scheduleUp();
    }
    this.forward({ op: "message", conn: sender.id, json: JSON.stringify(message) });
  }

  onClose(connection: Party.Connection): void {
    closeWith(connection, 1000, ""); // as the talk does (server.ts says why)
    this.left(connection);
  }

  onError(connection: Party.Connection): void {
    this.left(connection);
  }

  private left(connection: Party.Connection): void {
    this.welcomed.delete(connection.id);
    if (this.peers().remove(connection)) this.forward({ op: "leave", conn: connection.id });
  }

  private peers(): Peers {
    this.admitted ??= new Peers(this.room.getConnections(), Date.now());
    return this.admitted;
  }

  /** A line for the talk: in the next frame, which leaves at once if the last left LINK_EVERY_MS ago. */
  private forward(line: UpLine): void {
    this.up.push(upLine(line));
    if (this.up.length > HELD_MAX) this.up.splice(0, this.up.length - HELD_MAX);
    this.scheduleUp();
  }

  private scheduleUp(): void {
    if (!this.link) return this.connectLink();
    if (this.upTimer !== null) return;
    this.upTimer = setTimeout(() => this.flushUp(), Math.max(0, this.lastUp + LINK_EVERY_MS - Date.now()));
  }

  private flushUp(): void {
    this.upTimer = null;
    if (!this.link) return;
    const reactions = this.reactions.take();
    if (reactions !== null) this.up.push(upLine({ op: "sum", json: reactions }));
    if (this.up.length === 0) return;
    this.lastUp = Date.now();
    try {
      this.link.send(this.up.join("\n"));
      this.up = [];
    } catch {
      // The link broke meanwhile: its close event reconnects, and the lines wait.
    }
  }

  /** Reaches the talk; once there, announces every phone here (the talk then answers each with its snapshot). */
  private connectLink(): void {
    if (this.link || this.linking || !this.talk) return;
    this.linking = true;
    const { code, n } = this.talk;
    this.room.context.parties
      .main!.get(code)
      .socket({ headers: { [HALL_HEADER]: String(n) } })
      .then((link) => {
        this.link = link;
        link.addEventListener("message", (event) => this.fromTalk(String(event.data)));
        link.addEventListener("close", (event) => this.unlink(link, event.code));
        link.addEventListener("error", () => this.unlink(link));
        // Joins already waiting are announced again below: drop them, keep the messages.
        const roll = this.peers().audience().map(({ link: phone, member }) => upLine({ op: "join", conn: phone.id, pid: member.pid!, source: this.peers().sourceOf(phone) }));
        this.up = [...roll, ...this.up.filter((line) => line[0] !== "j" && line[0] !== "l")];
        this.flushUp();
      })
      .catch((error: unknown) => {
        console.error("hall link", error);
        setTimeout(() => this.connectLink(), RELINK_MS);
      })
      .finally(() => {
        this.linking = false;
      });
  }

  private unlink(link: TalkLink, code?: number): void {
    if (this.link !== link) return;
    this.link = null;
    if (code === CLOSE_CODES.noRoom) {
      // The talk was erased (or never was): its phones hear it as they would from the talk.
      this.up = [];
      for (const { link: phone } of this.peers().audience()) {
        const connection = this.room.getConnection(phone.id);
        if (connection) refuse(connection, { error: "no_room", close: CLOSE_CODES.noRoom });
      }
      this.admitted = null;
      this.welcomed.clear();
      return;
    }
    // Phones still here: they need the talk. Without phones, nothing keeps the hall awake.
    if (this.peers().count > 0) setTimeout(() => this.connectLink(), RELINK_MS);
  }

  private fromTalk(frame: string): void {
    const peers = this.peers();
    for (const line of readDown(frame)) {
      if (line.op === "all") {
        if (peers.broadcast(line.text)) this.scheduleCatchUp();
      } else if (line.op === "reply") peers.reply({ id: line.conn }, line.text);
      else if (line.op === "send") peers.send({ id: line.conn }, line.text);
      else if (line.op === "admit") {
        if (this.room.getConnection(line.conn)) this.welcomed.add(line.conn);
      } else {
        const connection = this.room.getConnection(line.conn);
        this.welcomed.delete(line.conn);
        peers.remove({ id: line.conn });
        if (connection) closeWith(connection, line.code as CloseCode, "");
      }
    }
  }

  /** Phones behind that missed a change ask the talk for a snapshot, at most every SWEEP_EVERY_MS, as the talk's own do. */
  private scheduleCatchUp(): void {
    this.catchUpTimer ??= setTimeout(() => {
      this.catchUpTimer = null;
      for (const { link } of this.peers().takeMissed()) this.forward({ op: "message", conn: link.id, json: SYNC });
    }, SWEEP_EVERY_MS);
  }
}
