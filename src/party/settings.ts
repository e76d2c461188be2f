/**
 * A room's settings, from partykit.json's `vars` (or `partykit dev --var`), read as `room.env`.
 * The defaults hold the line for a real audience; the benchmark raises them, because its thousands
 * of simulated phones share one address (loopback).
 */
import type { RateRule } from "../room/limiter.ts";
import { ISSUE_RATE } from "./keys.ts";
import { CONNECTIONS_PER_SOURCE } from "./peers.ts";

export interface RoomSettings {
  /** Connections one source address may hold in a room (CONNECTIONS_PER_SOURCE). */
  connectionsPerSource: number;
  /** Participant ids issued per source address (MINT_BURST, MINT_PER_SECOND). */
  issueRate: RateRule;
}

export function roomSettings(env: Readonly<Record<string, unknown>>): RoomSettings {
  const setting = (name: string, otherwise: number) => Number(env[name]) || otherwise;
  return {
    connectionsPerSource: setting("CONNECTIONS_PER_SOURCE", CONNECTIONS_PER_SOURCE),
    issueRate: { ...ISSUE_RATE, burst: setting("MINT_BURST", ISSUE_RATE.burst), perSecond: setting("MINT_PER_SECOND", ISSUE_RATE.perSecond) },
  };
}
