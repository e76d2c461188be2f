/**
 * The server's samples of round-trip times: the latest report of each device in the room. A phone
 * is one participant (its pid: a reload or a second tab replaces, never adds); a presenter
 * connection is one device of its own. An entry goes when its connection leaves, or when it is
 * not refreshed for `staleMs` (the phone moved to another slide, or slept).
 */

export interface RttEntry {
  ms: number;
  /** When the report arrived (server clock, ms). */
  at: number;
  /** The connection that sent it: only its leaving removes the entry. */
  connection: string;
  /** An audience device (a phone), not a presenter's. */
  phone: boolean;
}

/** Reports older than this are a device that stopped measuring. Phones report every ~1 s. */
export const STALE_MS = 5_000;

export class RttSamples {
  private readonly entries = new Map<string, RttEntry>();
  private readonly staleMs: number;

  constructor(staleMs = STALE_MS) {
    this.staleMs = staleMs;
  }

  /** `device`: "p:<pid>" for a phone, "c:<connection id>" for a presenter's device. */
  put(device: string, entry: RttEntry): void {
    this.entries.set(device, entry);
  }

  /** A connection left: forget what it reported. True when something was removed. */
  leave(connection: string): boolean {
    let removed = false;
    for (const [device, entry] of this.entries) {
      if (entry.connection === connection) removed = this.entries.delete(device) || removed;
    }
    return removed;
  }

  /** Drops entries not refreshed within staleMs of `now`. True when something was removed. */
  prune(now: number): boolean {
    let removed = false;
    for (const [device, entry] of this.entries) {
      if (now - entry.at > this.staleMs) removed = this.entries.delete(device) || removed;
    }
    return removed;
  }

  /** The fresh entries at `now`. */
  fresh(now: number): RttEntry[] {
    return Array.from(this.entries.values()).filter((entry) => now - entry.at <= this.staleMs);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
