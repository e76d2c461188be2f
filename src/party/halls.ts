/**
 * The talk's side of its halls (src/room/halls.ts): each hall's link (one incoming socket, marked
 * by HALL_HEADER, which only another object of ours can send) and the phones it holds, which the
 * room counts, addresses and hears as it does its own. A phone in a hall is a link of the room
 * whose id is `<hall>:<conn>` (no connection of the room's own has a colon in its id: peers.ts).
 *
 * Hibernation-safe: a link keeps its hall's number in its connection state, and each hall's phone
 * is stored (`hall:<n>:<conn>`) when it comes and erased when it goes, so a woken talk knows them
 * before anything is sent. One key per phone: a frame's writes are its joins and leaves, not its
 * hall's whole list (in a join storm that was 250 phones rewritten ten times a second per hall).
 */
import type * as Party from "partykit/server";
import type { CloseCode } from "../room/errors.ts";
import type { Peer, RoomLink } from "../room/feature.ts";
import { ASSIGNED_FOR_MS, chooseHall, downLine, HALL_HEADER, hallOfState, type DownLine } from "../room/halls.ts";
import type { Member } from "../room/participants.ts";
import type { ServerMessage } from "../room/wire.ts";
import { closeWith, refusalMessage, sendTo, type Refusal } from "./peers.ts";

/** A hall's phone as the talk keeps it (and stores it: `[pid, source]` by conn). */
interface HallPhone {
  link: RoomLink;
  member: Member & { role: "audience" };
  source: string;
}

interface Hall {
  link: Party.Connection | null;
  phones: Map<string, HallPhone>;
  /** Lines for its link, sent together once the current turn ends. */
  out: string[];
  /** When phones were last sent here (ASSIGNED_FOR_MS). */
  assigned: number[];
  /** Phones come (their stored value) or gone (null) since the last store. */
  changed: Map<string, StoredPhone | null>;
  /** Frames of this hall being handled: its lines wait for their end (hold/release). */
  holds: number;
}

const STORED = "hall:";
type StoredPhone = [pid: string, source: string];
/** Storage takes at most 128 keys per put or delete (Cloudflare's limit). */
const KEYS_PER_CALL = 128;

function storedKey(n: number, conn: string): string {
  return `${STORED}${n}:${conn}`;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += KEYS_PER_CALL) out.push(items.slice(i, i + KEYS_PER_CALL));
  return out;
}

/** The hall a connect request says it comes from (the header only our own objects can set). */
export function hallOfRequest(headers: Headers): number | null {
  const value = headers.get(HALL_HEADER);
  return value === null ? null : hallOfState({ hall: Number(value) });
}

export class Halls {
  private readonly halls = new Map<number, Hall>();
  private readonly byLink = new Map<string, { hall: Hall; phone: HallPhone }>();
  // Indexes kept by add and drop, their only writers: a storm's acknowledgements look a participant up per message.
  private readonly byParticipant = new Map<string, Set<HallPhone>>();
  private readonly bySource = new Map<string, number>();
  private flushing = false;

  /** After a start or a wake-up: the links still open, and the phones stored for each (halls without a link are forgotten). */
  async restore(connections: Iterable<Party.Connection>, storage: Party.Storage): Promise<void> {
    for (const connection of connections) {
      const n = hallOfState(connection.state);
      if (n !== null) this.hall(n).link = connection;
    }
    const stale: string[] = [];
    for (const [key, phone] of await storage.list<unknown>({ prefix: STORED })) {
      const [n, conn] = key.slice(STORED.length).split(":");
      const hall = this.halls.get(Number(n));
      // Keys of halls that didn't come back, and any older version's shape, go.
      if (hall && conn && Array.isArray(phone) && phone.length === 2) this.add(Number(n), hall, conn, String(phone[0]), String(phone[1]));
      else stale.push(key);
    }
    for (const keys of chunks(stale)) await storage.delete(keys);
  }

  private hall(n: number): Hall {
    let hall = this.halls.get(n);
    if (!hall) this.halls.set(n, (hall = { link: null, phones: new Map(), out: [], assigned: [], changed: new Map(), holds: 0 }));
    return hall;
  }

  private add(n: number, hall: Hall, conn: string, pid: string, source: string): HallPhone {
    const phone: HallPhone = { link: { id: `${n}:${conn}` }, member: { role: "audience", pid }, source };
    hall.phones.set(conn, phone);
    this.byLink.set(phone.link.id, { hall, phone });
    const tabs = this.byParticipant.get(pid) ?? new Set();
    this.byParticipant.set(pid, tabs.add(phone));
    this.bySource.set(source, (this.bySource.get(source) ?? 0) + 1);
    return phone;
  }

  private drop(hall: Hall, conn: string, phone: HallPhone): void {
    hall.phones.delete(conn);
    this.byLink.delete(phone.link.id);
    const tabs = this.byParticipant.get(phone.member.pid);
    tabs?.delete(phone);
    if (tabs?.size === 0) this.byParticipant.delete(phone.member.pid);
    const fromSource = (this.bySource.get(phone.source) ?? 1) - 1;
    if (fromSource === 0) this.bySource.delete(phone.source);
    else this.bySource.set(phone.source, fromSource);
  }

  /** Hall `n`'s link opened (a hall started, or came back): its phones follow as joins. */
  linked(n: number, connection: Party.Connection): void {
    connection.setState({ hall: n });
    this.hall(n).link = connection;
  }

  /** The hall of `connection`, if it is a hall's current link (read off its state: asked of every frame the talk gets). */
  hallOf(connection: RoomLink & { state?: unknown }): number | null {
    const n = hallOfState(connection.state);
    return n !== null && this.halls.get(n)?.link?.id === connection.id ? n : null;
  }

  /** Hall `n`'s link closed: its phones, gone with it (they come back as joins when it does). */
  unlinked(n: number): Peer[] {
    const hall = this.halls.get(n);
    if (!hall) return [];
    const gone = [...hall.phones.values()];
    for (const [conn, phone] of hall.phones) {
      this.drop(hall, conn, phone);
      hall.changed.set(conn, null);
    }
    hall.link = null;
    return gone;
  }

  /** Where a newcomer goes (halls fill in order), or null when every hall is full. Counts it there for a while. */
  assign(size: number, now: number): number | null {
    const load = (n: number) => {
      const hall = this.halls.get(n);
      if (!hall) return 0;
      hall.assigned = hall.assigned.filter((at) => now - at < ASSIGNED_FOR_MS);
      return hall.phones.size + hall.assigned.length;
    };
    const n = chooseHall(load, size);
    if (n !== null) this.hall(n).assigned.push(now);
    return n;
  }

  join(n: number, conn: string, pid: string, source: string): Peer {
    const hall = this.hall(n);
    hall.assigned.shift(); // one who was on the way has arrived
    this.queue(hall, { op: "admit", conn });
    const known = hall.phones.get(conn);
    if (known) return known;
    hall.changed.set(conn, [pid, source]);
    return this.add(n, hall, conn, pid, source);
  }

  /** A phone left its hall: the member it was. */
  leave(n: number, conn: string): Member | undefined {
    const hall = this.halls.get(n);
    const phone = hall?.phones.get(conn);
    if (!phone) return undefined;
    this.drop(hall!, conn, phone);
    hall!.changed.set(conn, null);
    return phone.member;
  }

  phone(n: number, conn: string): Peer | undefined {
    return this.halls.get(n)?.phones.get(conn);
  }

  /** Writes what changed of hall `n`'s phones, after a frame that moved them. */
  async store(n: number, storage: Party.Storage): Promise<void> {
    const hall = this.halls.get(n);
    if (!hall || hall.changed.size === 0) return;
    const changed = [...hall.changed];
    hall.changed.clear();
    const come = changed.filter((entry): entry is [string, StoredPhone] => entry[1] !== null);
    const gone = changed.filter(([, phone]) => phone === null).map(([conn]) => storedKey(n, conn));
    for (const part of chunks(come)) await storage.put(Object.fromEntries(part.map(([conn, phone]) => [storedKey(n, conn), phone])));
    for (const keys of chunks(gone)) await storage.delete(keys);
  }

  /** Every hall's phones, as the room's audience. */
  audience(): Peer[] {
    return Array.from(this.byLink.values(), ({ phone }) => phone);
  }

  members(): Member[] {
    return Array.from(this.byLink.values(), ({ phone }) => phone.member);
  }

  participant(pid: string): RoomLink[] {
    return Array.from(this.byParticipant.get(pid) ?? [], ({ link }) => link);
  }

  /** Phones of participant `pid` and of `source` in every hall, for the room's connection caps. */
  counts(pid: string, source: string): { participant: number; source: number } {
    return { participant: this.byParticipant.get(pid)?.size ?? 0, source: this.bySource.get(source) ?? 0 };
  }

  get size(): number {
    return this.byLink.size;
  }

  /**
   * One phone's answer (`reply`: even when it is behind) or a feature's message to it (`send`), if
   * `link` is a phone in a hall: false when it isn't (then it is the talk's own).
   */
  to(link: RoomLink, message: ServerMessage | string, op: "reply" | "send"): boolean {
    const found = this.byLink.get(link.id);
    if (!found) return false;
    const text = typeof message === "string" ? message : JSON.stringify(message);
    this.queue(found.hall, { op, conn: link.id.slice(link.id.indexOf(":") + 1), text });
    return true;
  }

  /** Refuses a phone at hall `n`'s door, not admitted: its error, then its close. */
  refuse(n: number, conn: string, refusal: Refusal): void {
    const hall = this.halls.get(n);
    if (!hall) return;
    this.queue(hall, { op: "reply", conn, text: JSON.stringify(refusalMessage(refusal)) });
    this.queue(hall, { op: "close", conn, code: refusal.close });
  }

  /** `text` to every phone of every hall: one line per hall. */
  broadcast(text: string): void {
    for (const hall of this.halls.values()) if (hall.phones.size > 0) this.queue(hall, { op: "all", text });
  }

  /**
   * What the talk sends a hall goes as one frame at the end of the current task (a microtask, not
   * a timer: a timer waits behind every frame queued on a busy talk, and a change must go out at
   * once), or at the end of the hall's own frame being handled: a storm of acknowledgements, or a
   * report to a few hundred phones, costs the link one frame, not one per phone. Held per hall: a
   * frame of 250 joins (each id checked, which awaits) holds its own hall's answers, no one else's.
   */
  private queue(hall: Hall, line: DownLine): void {
    if (!hall.link) return;
    hall.out.push(downLine(line));
    if (this.flushing || hall.holds > 0) return;
    this.flushing = true;
    queueMicrotask(() => this.flush());
  }

  /** Holds what is sent to hall `n` until `release(n)`: its frame of many lines gets its answers in one frame. */
  hold(n: number): void {
    this.hall(n).holds++;
  }

  release(n: number): void {
    const hall = this.hall(n);
    // (Not below zero: an erase replaces the halls while a frame is handled.)
    if (hall.holds > 0 && --hall.holds === 0) this.send(hall);
  }

  private flush(): void {
    this.flushing = false;
    for (const hall of this.halls.values()) if (hall.holds === 0) this.send(hall);
  }

  private send(hall: Hall): void {
    if (hall.out.length === 0 || !hall.link) return;
    sendTo(hall.link, hall.out.join("\n"));
    hall.out = [];
  }

  /** Closes every link (the room's data was erased: the halls close their phones in turn). */
  closeAll(code: CloseCode, reason: string): void {
    for (const hall of this.halls.values()) {
      if (hall.link) closeWith(hall.link, code, reason);
      for (const [conn, phone] of hall.phones) this.drop(hall, conn, phone);
    }
    this.halls.clear();
  }
}
