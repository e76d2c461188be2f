/**
 * Polls, a phone's side: ballots (changed every `everyMs` in the vote storm, or one each at a
 * random moment in the poll within 10 s), their `voted` acknowledgements counted, and the last
 * delta that carries the poll kept, parsed only when asked whether it is open or exact.
 */
import { paced, send, type Member } from "../crowd.ts";
import { now } from "../meter.ts";
import { sleep } from "../stats.ts";
import type { Behaviour } from "./protocol.ts";

export interface PollCounts {
  open: boolean;
  counts: number[];
}

/** The poll in a delta frame (only frames that carry one are kept). */
export const pollIn = (text: string | undefined): PollCounts | null => (text === undefined ? null : (JSON.parse(text) as { changes: { poll: PollCounts } }).changes.poll);

export interface BallotsSent {
  sent: number;
  /** Everyone's last ballot, counted per option. */
  counts: number[];
  /** The last ballot's send time (epoch ms). */
  lastAt: number;
}

export function votesPhones(phones: readonly Member[], { poll, options }: { poll: string; options: number }): Behaviour {
  const last = new Map<Member, string>();
  const exact = new Set<Member>();
  const ballots = new Map<Member, number>();
  let acked = 0;
  let sent = 0;
  let lastAt = 0;
  let stop = () => {};
  const timers: ReturnType<typeof setTimeout>[] = [];
  const vote = (member: Member, option: number) => {
    ballots.set(member, option);
    sent++;
    send(member, { type: "vote", poll, option });
    lastAt = now();
  };
  const result = (): BallotsSent => ({ sent, counts: Array.from({ length: options }, (_, option) => [...ballots.values()].filter((chosen) => chosen === option).length), lastAt });
  const every = (check: (poll: PollCounts | null) => boolean) => {
    for (const member of phones) {
      if (exact.has(member)) continue;
      if (!check(pollIn(last.get(member)))) return false;
      exact.add(member);
    }
    return true;
  };
  return {
    onFrame(member, text) {
      if (text.startsWith('{"type":"voted"')) acked++;
      else if (text.startsWith('{"type":"delta"') && text.includes('"poll":{')) {
        last.set(member, text);
        exact.delete(member);
      }
    },
    calls: {
      open: () => {
        const open = every((counted) => counted?.open === true);
        exact.clear();
        return open;
      },
      /** The vote storm: every phone changes its ballot every `everyMs`, always to another option. */
      start: ({ everyMs }: { everyMs: number }) => {
        stop = paced(phones, everyMs, (member) => vote(member, ((ballots.get(member) ?? 0) + 1 + Math.floor(Math.random() * (options - 1))) % options));
      },
      stop: (): BallotsSent => {
        stop();
        return result();
      },
      /** The poll within S s: every phone votes once, at a random moment; answers after the last one. */
      voteOnce: async ({ withinMs }: { withinMs: number }): Promise<BallotsSent> => {
        for (const member of phones) timers.push(setTimeout(() => vote(member, Math.floor(Math.random() * options)), Math.random() * withinMs));
        while (sent < phones.length) await sleep(20);
        return result();
      },
      exact: ({ counts }: { counts: number[] }) => every((counted) => counted?.counts.every((count, option) => count === counts[option]) === true),
      acked: () => acked,
    },
    end: () => {
      stop();
      timers.forEach(clearTimeout);
    },
  };
}
