/**
 * The audience over time, as the room counts it: per minute since the first person arrived, the
 * most people present at once (unique participants, as the room's presence counts them). Kept by
 * the room, so the talk's record has it whether or not anyone watched the presenter's panel.
 * Bounded: a day of minutes, then the last minute takes every later count.
 */

export const MINUTE_MS = 60_000;
/** A day: a room is erased long before, after a day idle (src/room/retention.ts). */
export const MAX_MINUTES = 24 * 60;

/** What the room stores, and the export gives: when counting started, and each minute's peak. */
export interface AttendanceExport {
  /** ISO 8601, UTC: the first count above zero. */
  startedAt: string | null;
  /** Minutes since `startedAt` that saw anyone, with their peak; minutes nobody changed are left out. */
  minutes: { minute: number; people: number }[];
  peak: number;
}

export interface StoredAttendance {
  startedAt: number | null;
  /** Minute → peak, as pairs (the storage keeps plain data). */
  minutes: [number, number][];
}

export class AttendanceLog {
  private startedAt: number | null;
  private readonly minutes: Map<number, number>;
  /** The count now: a minute's peak includes the count it began with, not only the changes within it. */
  private current = 0;

  constructor(stored?: StoredAttendance) {
    this.startedAt = stored?.startedAt ?? null;
    this.minutes = new Map(stored?.minutes ?? []);
  }

  /** The room's count of people changed to `count` at `at`; false when the log didn't change. */
  count(count: number, at: number): boolean {
    const before = this.current;
    this.current = count;
    if (this.startedAt === null) {
      if (count <= 0) return false;
      this.startedAt = at;
    }
    const minute = Math.min(MAX_MINUTES - 1, Math.max(0, Math.floor((at - this.startedAt) / MINUTE_MS)));
    // The minute's peak: what it held before the change (if this is its first), and the new count.
    const peak = Math.max(this.minutes.get(minute) ?? before, count);
    if (this.minutes.get(minute) === peak) return false;
    this.minutes.set(minute, peak);
    return true;
  }

  stored(): StoredAttendance {
    return { startedAt: this.startedAt, minutes: [...this.minutes] };
  }

  export(): AttendanceExport {
    const minutes = [...this.minutes].sort(([a], [b]) => a - b).map(([minute, people]) => ({ minute, people }));
    return {
      startedAt: this.startedAt === null ? null : new Date(this.startedAt).toISOString(),
      minutes,
      peak: Math.max(0, ...minutes.map(({ people }) => people)),
    };
  }
}

/** A stored log read back, or null when it isn't one (a value from an older version, a broken write). */
export function restoreAttendance(value: unknown): StoredAttendance | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { startedAt, minutes } = value as Partial<StoredAttendance>;
  if (!(startedAt === null || typeof startedAt === "number") || !Array.isArray(minutes)) return undefined;
  const pairs = minutes.filter((pair): pair is [number, number] => Array.isArray(pair) && pair.length === 2 && pair.every((n) => Number.isInteger(n) && n >= 0));
  return { startedAt, minutes: pairs.slice(0, MAX_MINUTES) };
}
