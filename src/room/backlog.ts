/**
 * What a connection has been sent but not shown it read. A room can't see a socket's unsent data
 * (workerd has no `bufferedAmount`), so a client that never reads made the room keep everything
 * it was sent: 100 such sockets grew the server by 0.7 GB a minute. The room marks its output
 * instead: after every MARK_EVERY characters sent to a connection comes a `mark`, and a client
 * that answers `ack` with its id has read everything before it (a stream arrives in order).
 *
 * lag = characters sent − characters before the last acked mark (JSON text, counted in UTF-16
 * units: the room's frames are nearly all ASCII).
 * - lag ≤ BEHIND: live, gets everything.
 * - lag > BEHIND: behind. Reports and deltas stop; while the state changes it gets a snapshot at
 *   most every sweep (5 s). Once an ack brings its lag to CAUGHT_UP or less it gets everything
 *   again, starting with a snapshot and every report whole.
 * - lag > CLOSE, or the room's total lag over ROOM_BUDGET while its own is over CROWDED: closed
 *   (4009; it may reconnect, and resyncs from the snapshot). An honest phone's lag stays under
 *   ~MARK_EVERY plus what is in flight, so 1,000 of them owe ~20–40 MB: the budget leaves them be
 *   (at 32 MB and CAUGHT_UP, a loaded machine closed honest phones in the benchmark).
 * A client that never acks (the Python example) is behind after BEHIND characters and then gets a
 * few hundred characters per 5 s of change: hours before CLOSE.
 */

export const MARK_EVERY = 16 * 1024;
export const CAUGHT_UP = 32 * 1024;
export const BEHIND = 128 * 1024;
export const CLOSE = 1024 * 1024;
export const ROOM_BUDGET = 64 * 1024 * 1024;
/** Over ROOM_BUDGET, connections this far behind go first. */
export const CROWDED = 64 * 1024;
/** Marks a connection may have outstanding; an ack of an older one is ignored. */
export const MARKS_KEPT = 4;

export interface Backlog {
  sent: number;
  read: number;
  /** Outstanding marks, oldest first: id, and `sent` just after it. */
  marks: Array<{ id: string; at: number }>;
  behind: boolean;
  /** Behind, and the state changed since its last snapshot. */
  missed: boolean;
}

export function freshBacklog(): Backlog {
  return { sent: 0, read: 0, marks: [], behind: false, missed: false };
}

export const lagOf = (backlog: Backlog): number => backlog.sent - backlog.read;

/** True when `chars` more sent make a mark due (one per MARK_EVERY crossed). */
export function count(backlog: Backlog, chars: number): boolean {
  const before = Math.floor(backlog.sent / MARK_EVERY);
  backlog.sent += chars;
  return Math.floor(backlog.sent / MARK_EVERY) > before;
}

/** A mark just sent (after `count` of its own text). */
export function marked(backlog: Backlog, id: string): void {
  backlog.marks.push({ id, at: backlog.sent });
  if (backlog.marks.length > MARKS_KEPT) backlog.marks.shift();
}

/** An ack of mark `id`: how many characters it proved read (0 for an unknown or stale mark). */
export function acked(backlog: Backlog, id: string): number {
  const index = backlog.marks.findIndex((mark) => mark.id === id);
  if (index < 0) return 0;
  const { at } = backlog.marks[index]!;
  backlog.marks.splice(0, index + 1);
  const proven = at - backlog.read;
  backlog.read = at;
  return proven;
}

export type Lane = "live" | "behind" | "close";

/** Where a connection stands, given its lag and the whole room's. */
export function laneOf(backlog: Backlog, roomLag: number): Lane {
  const lag = lagOf(backlog);
  if (lag > CLOSE || (roomLag > ROOM_BUDGET && lag > CROWDED)) return "close";
  if (lag > BEHIND || (backlog.behind && lag > CAUGHT_UP)) return "behind";
  return "live";
}
