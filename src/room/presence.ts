/**
 * Presence as the room shows it: who is here, with a grace period for who just left. A reload
 * closes a socket and opens another a second later; shown at once, every presenter reload made
 * every phone say "Apresentador offline" and every phone reload dropped the count for a second.
 * So a leave counts only once the same participant (or, for `presenterOnline`, any presenter)
 * has stayed away for PRESENCE_GRACE_MS; arrivals count at once. Pure: the room keeps the
 * departures and asks again at `recheckAt`.
 */
import { countAudience, type Member } from "./participants.ts";
import type { Presence } from "./state.ts";

/** How long a leave is held: a reload on a slow phone is back well within it. */
export const PRESENCE_GRACE_MS = 4_000;

/** When each one who left, left (ms): participants by id; presenters as one (any presenter will do). */
export interface Departures {
  presenter: number | null;
  participants: ReadonlyMap<string, number>;
}

export const NO_DEPARTURES: Departures = { presenter: null, participants: new Map() };

/** `member`'s last connection closed at `now` (a screen is not counted: it leaves no trace). */
export function departed(departures: Departures, member: Member, now: number): Departures {
  if (member.role === "presenter") return { ...departures, presenter: now };
  if (member.role !== "audience") return departures;
  return { ...departures, participants: new Map(departures.participants).set(member.pid, now) };
}

export interface HeldPresence {
  /** What to show: those here, and those who left less than the grace period ago. */
  presence: Presence;
  /** The departures still held (those back, or away past the grace period, are dropped). */
  departures: Departures;
  /** When the earliest held departure runs out and presence must be worked out again; null if none. */
  recheckAt: number | null;
}

/** Presence from the members connected now and the departures still within `graceMs` of `now`. */
export function heldPresence(members: Iterable<Member>, departures: Departures, now: number, graceMs = PRESENCE_GRACE_MS): HeldPresence {
  const here = Array.from(members);
  const pids = new Set(here.flatMap((member) => (member.role === "audience" ? [member.pid] : [])));
  const presenterHere = here.some((member) => member.role === "presenter");
  const held = (at: number | null): at is number => at !== null && now - at < graceMs;

  const participants = new Map<string, number>();
  for (const [pid, at] of departures.participants) if (!pids.has(pid) && held(at)) participants.set(pid, at);
  const presenter = !presenterHere && held(departures.presenter) ? departures.presenter : null;

  let earliest = presenter ?? Number.POSITIVE_INFINITY;
  for (const at of participants.values()) earliest = Math.min(earliest, at);
  return {
    presence: { audience: countAudience(here) + participants.size, presenterOnline: presenterHere || presenter !== null },
    departures: { presenter, participants },
    recheckAt: Number.isFinite(earliest) ? earliest + graceMs : null,
  };
}
