/**
 * Halls: how one talk spreads its phones over several objects (docs/SCALE.md). Past a size, a
 * phone that says it can follow (`halls=1` in its connect URL) is sent to one of the talk's halls:
 * a hall holds its phones' sockets, answers their pings, limits and checks what they send, and
 * forwards it to the talk over one socket, coalesced; the talk sends each change once per hall,
 * and the hall fans it out. Pure: the hall ids, the choice of a hall, and the link's frames.
 *
 * The link speaks lines, not JSON: one frame carries many lines (`\n`), each `op \t fields…`, the
 * last field being a message as JSON (JSON.stringify never writes a raw tab or newline), so
 * neither side wraps or re-escapes the phones' messages.
 */

/** The request header that makes a connection to the talk a hall's link. Dropped from every request from outside (peers.ts). */
export const HALL_HEADER = "x-full-duplex-hall";

/** The most halls a talk opens: 64 × 250 phones, with the talk's own, is 16,000 and more. */
export const HALLS_MAX = 64;

/** A hall sends the talk at most one frame per LINK_EVERY_MS (ten a second), whatever its phones send. */
export const LINK_EVERY_MS = 100;

/** How long a phone sent to a hall counts there before it arrives (a join storm must not overfill one). */
export const ASSIGNED_FOR_MS = 10_000;

/** What goes up a hall's link, from its phones. `conn` is the phone's connection id in its hall. */
export type UpLine =
  | { op: "join"; conn: string; pid: string; source: string }
  | { op: "leave"; conn: string }
  | { op: "message"; conn: string; json: string }
  /** The phone read its way back from behind: it needs everything anew. */
  | { op: "resync"; conn: string }
  /** The hall's phones' input summed since the last frame (reactions: src/features/reactions/sum.ts). */
  | { op: "sum"; json: string };

/** What comes down a hall's link, for its phones. */
export type DownLine =
  /** To every phone of the hall that is keeping up (a delta, an audience report). */
  | { op: "all"; text: string }
  /** An answer to one phone (its snapshot, an error): sent even when it is behind. */
  | { op: "reply"; conn: string; text: string }
  /** A feature's message to one phone: not while it is behind. */
  | { op: "send"; conn: string; text: string }
  /** The talk admitted this phone (its id is one the talk issued): its reactions may be summed. */
  | { op: "admit"; conn: string }
  /** Close one phone (refused at the door, after its error went as a reply). */
  | { op: "close"; conn: string; code: number };

const UP_OPS = { join: "j", leave: "l", message: "m", resync: "r", sum: "s" } as const;
const DOWN_OPS = { all: "*", reply: "@", send: "#", close: "x", admit: "+" } as const;

/** A connection id a hall forwards: PartySocket's are UUIDs; anything else is cut out at the door. */
export const CONN_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The hall number of a link's connection state (`{ hall: n }`), if it is a hall's link. */
export function hallOfState(state: unknown): number | null {
  const n = (state as { hall?: unknown } | null)?.hall;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n < HALLS_MAX ? n : null;
}

export function hallId(code: string, n: number): string {
  return `${code}-${n}`;
}

/** `CODE-n` → its talk's code and its number, or null when it can't be a hall. */
export function parseHallId(id: string, isCode: (code: string) => boolean): { code: string; n: number } | null {
  const match = /^(.+)-(\d{1,2})$/.exec(id);
  if (!match) return null;
  const n = Number(match[2]);
  return isCode(match[1]!) && n < HALLS_MAX && String(n) === match[2] ? { code: match[1]!, n } : null;
}

/**
 * The hall a newcomer goes to: the first one with a place (halls fill in order, so a talk opens as
 * few as it needs), or null when all HALLS_MAX are full. `load(n)`: phones there or on their way.
 */
export function chooseHall(load: (n: number) => number, size: number): number | null {
  for (let n = 0; n < HALLS_MAX; n++) if (load(n) < size) return n;
  return null;
}

export function upLine(line: UpLine): string {
  switch (line.op) {
    case "join":
      return `${UP_OPS.join}\t${line.conn}\t${line.pid}\t${line.source}`;
    case "message":
      return `${UP_OPS.message}\t${line.conn}\t${line.json}`;
    case "sum":
      return `${UP_OPS.sum}\t${line.json}`;
    default:
      return `${UP_OPS[line.op]}\t${line.conn}`;
  }
}

export function downLine(line: DownLine): string {
  switch (line.op) {
    case "all":
      return `${DOWN_OPS.all}\t${line.text}`;
    case "close":
      return `${DOWN_OPS.close}\t${line.conn}\t${line.code}`;
    case "admit":
      return `${DOWN_OPS.admit}\t${line.conn}`;
    default:
      return `${DOWN_OPS[line.op]}\t${line.conn}\t${line.text}`;
  }
}

/** Splits `text` at its first `count` tabs: the fields, the rest last. */
function fields(text: string, count: number): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    const tab = text.indexOf("\t", from);
    if (tab < 0) break;
    parts.push(text.slice(from, tab));
    from = tab + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

/** The lines of a frame up a link (lines that can't be read are left out: only halls write them). */
export function readUp(frame: string): UpLine[] {
  const lines: UpLine[] = [];
  for (const text of frame.split("\n")) {
    if (text[0] === UP_OPS.sum && text[1] === "\t") {
      lines.push({ op: "sum", json: text.slice(2) });
      continue;
    }
    const [op, conn = "", ...rest] = fields(text, text[0] === UP_OPS.join ? 3 : 2);
    if (!CONN_PATTERN.test(conn)) continue;
    if (op === UP_OPS.join && rest.length === 2) lines.push({ op: "join", conn, pid: rest[0]!, source: rest[1]! });
    else if (op === UP_OPS.message && rest.length === 1) lines.push({ op: "message", conn, json: rest[0]! });
    else if (op === UP_OPS.leave) lines.push({ op: "leave", conn });
    else if (op === UP_OPS.resync) lines.push({ op: "resync", conn });
  }
  return lines;
}

/** The lines of a frame down a link. */
export function readDown(frame: string): DownLine[] {
  const lines: DownLine[] = [];
  for (const text of frame.split("\n")) {
    if (text[0] === DOWN_OPS.all) {
      lines.push({ op: "all", text: text.slice(2) });
      continue;
    }
    const [op, conn = "", rest = ""] = fields(text, 2);
    if (op === DOWN_OPS.reply) lines.push({ op: "reply", conn, text: rest });
    else if (op === DOWN_OPS.send) lines.push({ op: "send", conn, text: rest });
    else if (op === DOWN_OPS.close) lines.push({ op: "close", conn, code: Number(rest) });
    else if (op === DOWN_OPS.admit) lines.push({ op: "admit", conn });
  }
  return lines;
}

/** A source address as a field of a line: no tabs or newlines, and short. */
export function sourceField(source: string): string {
  return source.replace(/\s/g, "").slice(0, 64) || "local";
}
