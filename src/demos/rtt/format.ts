/** How the full-duplex ping says its numbers, in Portuguese. Pure, for the tests. */

const oneDecimal = new Intl.NumberFormat("pt-BR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 0 });

/** "2,4" below 10 ms (a local network is that fast), "37" above; "—" for nothing yet. */
export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 10 ? oneDecimal.format(ms) : whole.format(ms);
}

export type Standing = "faster" | "median" | "slower";

/**
 * Where one device sits against the room's median. Within 10% (or 0.5 ms) of it counts as "the
 * median": round trips jitter by that much from one ping to the next.
 */
export function standing(own: number, roomP50: number): Standing {
  const margin = Math.max(0.5, roomP50 * 0.1);
  if (own < roomP50 - margin) return "faster";
  if (own > roomP50 + margin) return "slower";
  return "median";
}

export const STANDING_TEXT: Readonly<Record<Standing, string>> = {
  faster: "mais rápido que a mediana da sala",
  median: "na mediana da sala",
  slower: "mais lento que a mediana da sala",
};

/** The scale a phone's "where am I" strip spans: 1 ms to 1 s, logarithmic like the histogram. */
export const SCALE_MS = { min: 1, max: 1000 } as const;

/** Where `ms` sits on that strip, from 0 (≤ 1 ms) to 1 (≥ 1 s). */
export function scalePosition(ms: number): number {
  const clamped = Math.min(Math.max(ms, SCALE_MS.min), SCALE_MS.max);
  return Math.log10(clamped / SCALE_MS.min) / Math.log10(SCALE_MS.max / SCALE_MS.min);
}
