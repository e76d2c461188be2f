/**
 * The live session this page takes part in, if any: set by the presenter and audience pages
 * once their room answers, read by the demos on the slides (React islands, hydrated on their
 * own schedule, so they subscribe rather than look once).
 */
import type { Role } from "../room/participants.ts";
import type { RoomClient } from "./room.ts";

export interface LiveSession {
  code: string;
  role: Role;
  /** The audience's participant id. */
  pid?: string;
  client: RoomClient;
}

let current: LiveSession | null = null;
const listeners = new Set<(session: LiveSession | null) => void>();

export function setLiveSession(session: LiveSession | null): void {
  current = session;
  for (const listener of listeners) listener(session);
}

export function liveSession(): LiveSession | null {
  return current;
}

let roomWanted = false;
const roomWanters = new Set<() => void>();

/**
 * A live island appeared: if this page has no session, whoever can open a room for it (the
 * deck's personal room, for a reader) is told, once.
 */
export function wantRoom(): void {
  if (roomWanted || current) return;
  roomWanted = true;
  for (const listener of roomWanters) listener();
}

/** Calls `listener` when a live island first wants a room (at once if one already did). */
export function onRoomWanted(listener: () => void): void {
  roomWanters.add(listener);
  if (roomWanted) listener();
}

/** Calls `listener` now and on every change; returns the unsubscribe. */
export function watchLiveSession(listener: (session: LiveSession | null) => void): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}
