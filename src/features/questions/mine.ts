/**
 * What this phone did with the room's questions: the ones it asked and the ones it upvoted. The
 * server never tells anyone who asked or upvoted what (reports go to every phone alike); it tells
 * the phone that acted, in a patch for it alone with `you`, and sends each phone its own questions
 * in `yours`. The phone keeps both in its localStorage, per room, so a reload still marks "sua" and
 * the pressed upvotes. If that memory is lost, `yours` marks its questions again, and the server
 * still refuses a second upvote, and the refusal marks the question upvoted again.
 */
import type { LiveSession } from "../../live/session.ts";

export interface Mine {
  asked: ReadonlySet<string>;
  upvoted: ReadonlySet<string>;
}

const EMPTY: Mine = { asked: new Set(), upvoted: new Set() };
const KEY_PREFIX = "full-duplex:questions:";

/** Per room code: the memory, and who listens to it. */
const memories = new Map<string, { mine: Mine; listeners: Set<() => void> }>();
/** Clients whose messages are already being watched (an island and the deck bar's dialog share one). */
const watched = new WeakSet<object>();

function memoryOf(code: string) {
  let memory = memories.get(code);
  if (!memory) memories.set(code, (memory = { mine: read(code), listeners: new Set() }));
  return memory;
}

export function mine(code: string): Mine {
  return memoryOf(code).mine;
}

export function subscribeMine(code: string, listener: () => void): () => void {
  const { listeners } = memoryOf(code);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function remember(code: string, kind: keyof Mine, id: string): void {
  const memory = memoryOf(code);
  if (memory.mine[kind].has(id)) return;
  memory.mine = { ...memory.mine, [kind]: new Set([...memory.mine[kind], id]) };
  write(code, memory.mine);
  for (const listener of memory.listeners) listener();
}

/** The question of the latest upvote sent, so an `already_upvoted` refusal can mark it. */
let pendingUpvote: string | null = null;

/** Sends an upvote; false when the link is down. */
export function sendUpvote(session: LiveSession, id: string): boolean {
  pendingUpvote = id;
  return session.client.send({ type: "upvote", id });
}

/** Starts remembering what the server acknowledges to this phone (once per session). */
export function watchMine(session: LiveSession): void {
  if (watched.has(session.client)) return;
  watched.add(session.client);
  session.client.watch("questions", ({ you, yours }) => {
    if (you?.asked) remember(session.code, "asked", you.asked);
    if (you?.upvoted) remember(session.code, "upvoted", you.upvoted);
    // The room says which questions are this phone's own (`yours`), even after its memory was lost.
    for (const id of Object.keys(yours ?? {})) remember(session.code, "asked", id);
  });
  session.client.onMessage((message) => {
    if (message.type === "error" && message.code === "already_upvoted" && pendingUpvote) remember(session.code, "upvoted", pendingUpvote);
  });
}

function read(code: string): Mine {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY_PREFIX + code) ?? "null") as { asked?: unknown; upvoted?: unknown } | null;
    const ids = (value: unknown) => new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : []);
    return stored ? { asked: ids(stored.asked), upvoted: ids(stored.upvoted) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

function write(code: string, value: Mine): void {
  try {
    localStorage.setItem(KEY_PREFIX + code, JSON.stringify({ asked: [...value.asked], upvoted: [...value.upvoted] }));
  } catch {
    // Storage refused (private mode): this visit still marks them; a reload forgets.
  }
}
