/**
 * Flood, the honest phones' side: the first `honest` phones of the audience ping every `everyMs`
 * and time each pong, in their own thread (send and receipt on one clock).
 */
import { send, type Member } from "../crowd.ts";
import { now } from "../meter.ts";
import { sleep, until } from "../stats.ts";
import type { Behaviour } from "./protocol.ts";

export function pingsPhones(phones: readonly Member[], { honest, everyMs }: { honest: number; everyMs: number }): Behaviour {
  const pinging = phones.filter((member) => member.index < honest);
  let window = { sentAt: new Map<string, number>(), rtts: [] as number[] };
  let ids = 0;
  return {
    onFrame(_member, text, at) {
      if (!text.startsWith('{"type":"pong"')) return;
      const sent = window.sentAt.get((JSON.parse(text) as { id: string }).id);
      if (sent !== undefined) window.rtts.push(at - sent);
    },
    calls: {
      /** Pings for `seconds`, waits for the last pongs (2 s at most); the round trips (ms). */
      pingFor: async ({ seconds }: { seconds: number }): Promise<number[]> => {
        window = { sentAt: new Map(), rtts: [] };
        const current = window;
        const timers = pinging.map((member) =>
          setInterval(() => {
            const id = `b${ids++}`;
            current.sentAt.set(id, now());
            send(member, { type: "ping", id });
          }, everyMs),
        );
        await sleep(seconds * 1000);
        timers.forEach(clearInterval);
        await until(() => current.rtts.length === current.sentAt.size, 2_000);
        return current.rtts;
      },
    },
  };
}
