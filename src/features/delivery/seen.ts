/**
 * Which latency reports count: one per phone per event. A phone meets the events in id order on
 * every lane (and its cursor carries over when it switches), so "a new id for this phone" is the
 * whole rule: a repeated or older report (a retry, a second tab) is ignored. One number per phone.
 */

/** Phones remembered; beyond this the longest-quiet ones are forgotten (a talk has far fewer). */
export const SEEN_PHONES_MAX = 5_000;

export class SeenLedger {
  private readonly lastSeen = new Map<string, number>();
  private readonly max: number;

  constructor(max = SEEN_PHONES_MAX) {
    this.max = max;
  }

  /** True when this report is the first for event `id` from `pid` (and records it). */
  accept(pid: string, id: number): boolean {
    const last = this.lastSeen.get(pid);
    if (last !== undefined && id <= last) return false;
    // Re-insert so Map order is "least recently reporting first", then drop the oldest if full.
    this.lastSeen.delete(pid);
    this.lastSeen.set(pid, id);
    if (this.lastSeen.size > this.max) this.lastSeen.delete(this.lastSeen.keys().next().value!);
    return true;
  }

  clear(): void {
    this.lastSeen.clear();
  }
}
