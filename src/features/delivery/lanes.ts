/**
 * Which phone watches the stream which way. By default a phone's lane comes from its participant
 * id, so a room splits about evenly among the three techniques with nobody choosing; a phone may
 * switch, and tells the server with a `lane` message.
 */
import { LANES, type Lane } from "./protocol.ts";

/** The default lane of a participant id: FNV-1a of the id, modulo three (stable across reloads). */
export function laneOf(pid: string): Lane {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pid.length; i++) {
    hash ^= pid.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return LANES[hash % LANES.length]!;
}

export interface Watcher {
  pid: string;
  lane: Lane;
}

/** Phones per lane: unique participant ids (a second tab of the same phone counts once per lane). */
export function phonesPerLane(watchers: Iterable<Watcher>): Record<Lane, number> {
  const pids: Record<Lane, Set<string>> = { poll: new Set(), longpoll: new Set(), ws: new Set() };
  for (const { pid, lane } of watchers) pids[lane].add(pid);
  return { poll: pids.poll.size, longpoll: pids.longpoll.size, ws: pids.ws.size };
}
