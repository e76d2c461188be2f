/**
 * Reaction storm, a phone's side: every phone sends a batch of taps every `everyMs`, and keeps the
 * last frame that carries the totals (the room's reactions report, or the naive relay's
 * broadcast), parsed only when asked whether it is exact.
 */
import { REACTIONS } from "../../src/features/reactions/protocol.ts";
import { paced, send, type Member } from "../crowd.ts";
import { now } from "../meter.ts";
import type { Behaviour } from "./protocol.ts";

export type Totals = Record<string, number>;

export interface ReactionsSent {
  sent: Totals;
  messagesIn: number;
  stoppedAt: number;
}

const ROOM = '{"type":"report","feature":"reactions"';
const RELAY = '{"type":"reactions"';

export function reactionsPhones(phones: readonly Member[], { naive }: { naive: boolean }): Behaviour {
  const prefix = naive ? RELAY : ROOM;
  const totalsIn = (text: string): Totals => (naive ? (JSON.parse(text) as { totals: Totals }).totals : (JSON.parse(text) as { data: { totals: Totals } }).data.totals);
  const last = new Map<Member, string>();
  const exact = new Set<Member>();
  const sent: Totals = {};
  let messagesIn = 0;
  let stop = () => {};
  return {
    onFrame(member, text) {
      if (!text.startsWith(prefix)) return;
      last.set(member, text);
      exact.delete(member);
    },
    calls: {
      start: ({ everyMs }: { everyMs: number }) => {
        stop = paced(phones, everyMs, (member) => {
          const reaction = REACTIONS[(member.index + messagesIn) % REACTIONS.length]!;
          const taps = 1 + (messagesIn % 3);
          sent[reaction] = (sent[reaction] ?? 0) + taps;
          messagesIn++;
          send(member, { type: "react", counts: { [reaction]: taps } });
        });
      },
      stop: (): ReactionsSent => {
        stop();
        return { sent, messagesIn, stoppedAt: now() };
      },
      /** Whether every phone of this slice shows `totals` (the sum of what every slice sent). */
      exact: ({ totals }: { totals: Totals }): boolean => {
        for (const member of phones) {
          if (exact.has(member)) continue;
          const text = last.get(member);
          if (text === undefined) return false;
          const shown = totalsIn(text);
          if (!REACTIONS.every((reaction) => (shown[reaction] ?? 0) === (totals[reaction] ?? 0))) return false;
          exact.add(member);
        }
        return true;
      },
    },
    end: () => stop(),
  };
}
