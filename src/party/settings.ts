/**
 * A room's settings, from partykit.json's `vars` (or `partykit dev --var`), read as `room.env`.
 * The defaults hold the line for a real audience; the benchmark raises them, because its thousands
 * of simulated phones share one address (loopback).
 */
import type { RateRule } from "../room/limiter.ts";
import { ROOM_IDLE_MS } from "../room/retention.ts";
import { ISSUE_RATE } from "./keys.ts";
import { CONNECTIONS_PER_SOURCE } from "./peers.ts";

/**
 * Rooms one source address may create (the registry counts: registry.ts): 30 at once, then one
 * every 10 s. A speaker rehearsing never meets it; a script gets 30 rooms, then 6 a minute (it
 * made 88 a second). The tests raise it: they make hundreds of rooms from loopback.
 */
export const CREATE_RATE: RateRule = { burst: 30, perSecond: 0.1, maxRefused: Number.POSITIVE_INFINITY };

export interface RoomSettings {
  /** Connections one source address may hold in a room (CONNECTIONS_PER_SOURCE). */
  connectionsPerSource: number;
  /** Participant ids issued per source address (MINT_BURST, MINT_PER_SECOND). */
  issueRate: RateRule;
  /** Rooms created per source address (ROOMS_BURST, ROOMS_PER_SECOND). */
  createRate: RateRule;
  /** How long an unused room keeps its data (ROOM_IDLE_SECONDS; src/room/retention.ts). */
  idleMs: number;
  /** Phones the talk holds itself before it sends newcomers to halls (HALLS_FROM; 0: every one). */
  hallsFrom: number;
  /** Phones a hall is given (HALL_SIZE). */
  hallSize: number;
}

/**
 * Halls open past HALLS_FROM phones on the talk itself: below it a talk is one object, as simple as
 * ever. Sized by a Durable Object's soft limit of ~1,000 messages a second (docs/SCALE.md): in a
 * storm a phone sends two a second and answers a mark now and then, so a hall of 250 takes ~750 at
 * its busiest; the talk takes its own 100 phones' ~300 and ten frames a second from each hall: 40
 * halls (10,000 phones) add 400.
 */
export const HALLS_FROM = 100;
export const HALL_SIZE = 250;

export function roomSettings(env: Readonly<Record<string, unknown>>): RoomSettings {
  const setting = (name: string, otherwise: number) => Number(env[name]) || otherwise;
  // A count where 0 is a setting, not "unset".
  const count = (name: string, otherwise: number) => {
    const value = Number(env[name] ?? Number.NaN);
    return Number.isInteger(value) && value >= 0 ? value : otherwise;
  };
  return {
    connectionsPerSource: setting("CONNECTIONS_PER_SOURCE", CONNECTIONS_PER_SOURCE),
    issueRate: { ...ISSUE_RATE, burst: setting("MINT_BURST", ISSUE_RATE.burst), perSecond: setting("MINT_PER_SECOND", ISSUE_RATE.perSecond) },
    idleMs: setting("ROOM_IDLE_SECONDS", ROOM_IDLE_MS / 1000) * 1000,
    // HALLS_FROM=0: every phone that can go to a hall goes (the tests' crowded halls).
    hallsFrom: count("HALLS_FROM", HALLS_FROM),
    hallSize: setting("HALL_SIZE", HALL_SIZE),
    createRate: { ...CREATE_RATE, burst: setting("ROOMS_BURST", CREATE_RATE.burst), perSecond: setting("ROOMS_PER_SECOND", CREATE_RATE.perSecond) },
  };
}
