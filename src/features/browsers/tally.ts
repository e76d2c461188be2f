/**
 * "Onde vive?" measured in the room: each phone says once whether its browser has WebSocket,
 * the server reads which browser it is from the request, and the tally counts participants,
 * not reports (a reload or a second report replaces the first).
 */
import * as v from "valibot";
import { PARTICIPANT_ID_PATTERN } from "../../room/participants.ts";
import type { BrowserInfo } from "./userAgent.ts";

/** A report is tiny; anything bigger is not one. */
export const REPORT_MAX_BYTES = 256;
/** Participants remembered per room: far above a talk's audience, and a bound on memory. */
export const TALLY_MAX_PARTICIPANTS = 5000;

export const BrowserReportSchema = v.strictObject({
  pid: v.pipe(v.string(), v.regex(PARTICIPANT_ID_PATTERN)),
  websocket: v.boolean(),
});
export type BrowserReport = v.InferOutput<typeof BrowserReportSchema>;

export interface Participant extends BrowserInfo {
  websocket: boolean;
}

export interface TallyRow {
  name: string;
  count: number;
  /** How many of them have WebSocket. */
  websocket: number;
}

export interface Tally {
  /** Grows on every reset, so phones know to report again. */
  round: number;
  total: number;
  websocket: number;
  browsers: TallyRow[];
  systems: TallyRow[];
}

function rows(participants: Iterable<Participant>, key: (participant: Participant) => string): TallyRow[] {
  const byName = new Map<string, TallyRow>();
  for (const participant of participants) {
    const name = key(participant);
    const row = byName.get(name) ?? { name, count: 0, websocket: 0 };
    row.count += 1;
    if (participant.websocket) row.websocket += 1;
    byName.set(name, row);
  }
  // Most common first; ties in a stable, readable order.
  return [...byName.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "pt-BR"));
}

export function tally(participants: ReadonlyMap<string, Participant>, round: number): Tally {
  const all = [...participants.values()];
  return {
    round,
    total: all.length,
    websocket: all.filter((participant) => participant.websocket).length,
    browsers: rows(all, (participant) => participant.browser),
    systems: rows(all, (participant) => participant.os),
  };
}

/**
 * The tally as the presenter's results download gives it: the totals and a row per browser and
 * per system, without the round. A row names its browser or system under its own key (not
 * `name`, which the download words as a nickname) and counts `people`.
 */
export interface TallyExport {
  total: number;
  websocket: number;
  browsers: { browser: string; people: number; websocket: number }[];
  systems: { system: string; people: number; websocket: number }[];
}

export function tallyExport({ total, websocket, browsers, systems }: Tally): TallyExport {
  return {
    total,
    websocket,
    browsers: browsers.map((row) => ({ browser: row.name, people: row.count, websocket: row.websocket })),
    systems: systems.map((row) => ({ system: row.name, people: row.count, websocket: row.websocket })),
  };
}
