/**
 * One group's stream of a feature's reports (presenters and screens, or phones), encoded once for
 * the whole group. For a feature whose reports travel as patches it keeps the last report the
 * group was sent: the base of the next patch, and what a newcomer gets whole (at most one report
 * window behind; the next patch brings it level with everyone).
 */
import { diffPatch } from "../room/patch.ts";

export class ReportStream {
  private readonly feature: string;
  private readonly patches: boolean;
  /** The last report this group was sent (patched features only); undefined: none yet. */
  private base: unknown = undefined;
  /** `base` encoded whole, once for every connection that joins until the next report (a join storm). */
  private baseText: string | null = null;
  /**
   * The next report goes whole: the stream's first (after a start or a hibernation wake-up the
   * stream is new but sockets may not be, holding whatever they folded before), and after a reset,
   * so nothing from before it survives a fold.
   */
  private whole = true;
  /** Whether the frame `next` last returned was a whole report (which replaces what a client folded). */
  sentWhole = false;

  constructor(feature: string, patches: boolean) {
    this.feature = feature;
    this.patches = patches;
  }

  /** The frame for a connection that just joined the group: a whole report. */
  first(current: () => unknown): string {
    if (!this.patches) return this.encode("data", current());
    this.base ??= current();
    return (this.baseText ??= this.encode("data", this.base));
  }

  /** The frame for the whole group now that the report is `report`; null when nothing changed. */
  next(report: unknown): string | null {
    if (!this.patches) return this.encode("data", report);
    const base = this.base;
    this.base = report;
    this.baseText = null;
    this.sentWhole = this.whole;
    if (this.whole) {
      this.whole = false;
      return this.encode("data", report);
    }
    const patch = diffPatch(base, report);
    return patch === null ? null : this.encode("patch", patch);
  }

  /** After a reset: the next report is sent whole. */
  restart(): void {
    this.whole = true;
  }

  private encode(kind: "data" | "patch", value: unknown): string {
    return JSON.stringify({ type: "report", feature: this.feature, [kind]: value });
  }
}
