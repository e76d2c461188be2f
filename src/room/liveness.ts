/**
 * Is the presenter still there? A laptop that sleeps or loses Wi-Fi doesn't close its socket, and
 * TCP may not notice for many minutes: the phones would keep saying "Ao vivo" over a frozen
 * slide. So the room watches how long each presenter connection has been quiet. A visible
 * presenter page pings every 10 s; a hidden one may have its timers throttled to once a minute,
 * but it still answers a message at once, so a quiet presenter is first asked (`probe`), and only
 * one that stays quiet is taken as gone.
 *
 * Presenters only: a phone's socket costs nothing while it sleeps, and clients outside our pages
 * (the Python snippet) never answer probes.
 */

/** Quiet this long: ask. */
export const PROBE_AFTER_MS = 12_000;
/** Quiet this long, after at least one probe: gone. */
export const GONE_AFTER_MS = 25_000;
/** How often the room looks (an alarm, so a hibernating room still looks). */
export const SWEEP_EVERY_MS = 5_000;

export type Liveness = "fine" | "probe" | "gone";

export function presenterLiveness(quietMs: number): Liveness {
  if (quietMs >= GONE_AFTER_MS) return "gone";
  return quietMs >= PROBE_AFTER_MS ? "probe" : "fine";
}
