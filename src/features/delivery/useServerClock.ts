/** Probes the server's clock when the demo starts on this phone (see clock.ts). */
import { useCallback, useEffect, useRef } from "react";
import type { LiveSession } from "../../live/session.ts";
import { serverNow } from "../../live/hooks.tsx";
import { betterSample, clockSample, type ClockSample } from "./clock.ts";

const PROBES = 3;
const PROBE_GAP_MS = 300;

/** A function giving the server's time now (ms since the epoch), as precisely as this phone can tell. */
export function useServerClock(session: LiveSession, active: boolean): () => number {
  const best = useRef<ClockSample | null>(null);

  useEffect(() => {
    if (!active) return;
    best.current = null; // clocks drift and phones sleep: measure afresh each time
    const pending = new Map<string, number>();
    const stop = session.client.onMessage((message) => {
      const sentAt = message.type === "pong" ? pending.get(message.id) : undefined;
      if (message.type !== "pong" || sentAt === undefined) return;
      pending.delete(message.id);
      best.current = betterSample(best.current, clockSample(sentAt, Date.now(), message.now));
    });
    let sent = 0;
    const probe = () => {
      const id = `dl${Date.now()}-${sent}`;
      pending.set(id, Date.now());
      session.client.send({ type: "ping", id });
      if (++sent >= PROBES) clearInterval(timer);
    };
    const timer = setInterval(probe, PROBE_GAP_MS);
    probe();
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [session, active]);

  return useCallback(() => (best.current ? Date.now() + best.current.offset : serverNow(session)), [session]);
}
