/** Fan-out, a phone's side: every delta's arrival is kept (which change, when), and its seq checked. */
import type { Member } from "../crowd.ts";
import type { Behaviour } from "./protocol.ts";

/**
 * The nth change (n ≥ 1): distinct for n < 2,000, and both slide and step differ from the
 * (n-1)th, so every delta carries both and names its change (the room starts at 0/0).
 */
export function change(n: number): { slide: number; step: number } {
  return { slide: 1 + (n % 40), step: (n % 2) + 2 * Math.floor(n / 40) };
}

/** Which change a delta delivers (the inverse of `change`). */
export function changeOf(slide: number, step: number): number {
  return 40 * Math.floor(step / 2) + slide - 1;
}

export interface FanOutPart {
  latencies: number[];
  /** Changes some phone of this slice never got (summed over phones). */
  lost: number;
  /** Phones of this slice that saw a gap in `seq` or a seq going backwards. */
  outOfOrder: number;
}

export function fanOutPhones(phones: readonly Member[]): Behaviour {
  /** Pairs: change number, arrival time (epoch ms). */
  const arrivals: number[] = [];
  const received = new Map<Member, number>();
  const lastSeq = new Map<Member, number>();
  let outOfOrder = 0;
  return {
    onFrame(member, text, at) {
      if (!text.startsWith('{"type":"delta"')) return;
      const delta = JSON.parse(text) as { seq: number; changes: { slide?: number; step?: number } };
      const previous = lastSeq.get(member);
      if (previous !== undefined && delta.seq !== previous + 1) outOfOrder++;
      lastSeq.set(member, delta.seq);
      if (delta.changes.slide === undefined || delta.changes.step === undefined) return;
      arrivals.push(changeOf(delta.changes.slide, delta.changes.step), at);
      received.set(member, (received.get(member) ?? 0) + 1);
    },
    calls: {
      received: () => arrivals.length / 2,
      /** `sentAt[n]`: when the presenter sent change n (epoch ms). */
      result: ({ sentAt, changes }: { sentAt: number[]; changes: number }): FanOutPart => {
        const latencies: number[] = [];
        for (let i = 0; i < arrivals.length; i += 2) {
          const sent = sentAt[arrivals[i]!];
          if (sent !== undefined) latencies.push(arrivals[i + 1]! - sent);
        }
        const lost = phones.reduce((sum, member) => sum + changes - (received.get(member) ?? 0), 0);
        return { latencies, lost, outOfOrder };
      },
    },
  };
}
