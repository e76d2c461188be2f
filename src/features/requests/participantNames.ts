/**
 * Short anonymous names for the people behind HTTP requests: the projector says "celular 3"
 * ("phone 3"), never a participant id (which is what rejoins a room as that person). Numbered in
 * order of a first request, phones and other browsers (the presenter's laptop, a curl) apart.
 */
import type { Sender } from "./exchangeLog.ts";

/** Names remembered at most; past that the oldest is forgotten (a flood of made-up ids stays bounded). */
export const NAMES_MAX = 2000;

export class ParticipantNames {
  private readonly names = new Map<string, Sender>();
  private phones = 0;
  private others = 0;
  private readonly max: number;

  constructor(max = NAMES_MAX) {
    this.max = max;
  }

  /** `onPhone`: does the id belong to an audience connection of the room? Asked only for a new id. */
  nameOf(pid: string, onPhone: () => boolean): Sender {
    const known = this.names.get(pid);
    if (known !== undefined) return known;
    const name: Sender = onPhone() ? { device: "phone", n: ++this.phones } : { device: "browser", n: ++this.others };
    this.names.set(pid, name);
    if (this.names.size > this.max) this.names.delete(this.names.keys().next().value!);
    return name;
  }

  get size(): number {
    return this.names.size;
  }

  clear(): void {
    this.names.clear();
    this.phones = 0;
    this.others = 0;
  }
}
