/**
 * The "Python na sala" program, filled in for a room: which of its lines a person edits (the
 * server's address, the room's code) and what goes there. Pure, so the unit test checks the
 * slide's rules and the integration test runs exactly the program the slide would show.
 */

/** A line a person fills in: `NAME = "value"` at the start of a line. */
const ASSIGNMENT = /^(\w+) = "([^"]*)"/;

/** Where a program's two placeholders are: line indexes, and the values shown until filled. */
export interface Placeholders {
  server: { line: number; value: string };
  room: { line: number; value: string };
}

/** The server's address is the first `ws://`/`wss://` assignment; the room's code the first 5-character code after it. */
export function findPlaceholders(lines: readonly string[]): Placeholders | null {
  let server: Placeholders["server"] | null = null;
  for (const [line, text] of lines.entries()) {
    const value = ASSIGNMENT.exec(text)?.[2];
    if (value === undefined) continue;
    if (!server && /^wss?:\/\//.test(value)) server = { line, value };
    else if (server && /^[A-Z0-9]{5}$/.test(value)) return { server, room: { line, value } };
  }
  return null;
}

export interface RoomValues {
  /** e.g. ws://192.168.0.12:1999 or wss://full-duplex.example.partykit.dev */
  server: string;
  room: string;
}

/** The program with its placeholders replaced by this room's values; nothing else changes. */
export function fillProgram(program: string, values: RoomValues): string {
  const lines = program.split("\n");
  const found = findPlaceholders(lines);
  if (!found) throw new Error("the program has no SERVIDOR/SALA placeholders");
  const fill = (place: { line: number; value: string }, value: string) => {
    lines[place.line] = lines[place.line]!.replace(`"${place.value}"`, JSON.stringify(value));
  };
  fill(found.server, values.server);
  fill(found.room, values.room);
  return lines.join("\n");
}

/**
 * The room server's WebSocket origin as a person in the room reaches it: the join address (what
 * the QR code opens: `npm start` builds it with this machine's network address), or the separate
 * room host when the site is hosted apart. `ws://` under http, `wss://` under https, like the page.
 */
export function roomServer(page: { protocol: string; host: string }, joinOrigin?: string, partyHost?: string): string {
  const scheme = (protocol: string) => (protocol === "https:" ? "wss" : "ws");
  if (partyHost) return `${scheme(page.protocol)}://${partyHost}`;
  const origin = new URL(joinOrigin || `${page.protocol}//${page.host}`);
  return `${scheme(origin.protocol)}://${origin.host}`;
}
