/** How the full-duplex ping says its numbers, in each locale's own way. Pure, for the tests. */
import { htmlLang, locales, type Locale } from "../../i18n/locales.ts";

/** Each locale's two number formats, built once: the phone redraws twice a second. */
const FORMATS = Object.fromEntries(
  locales.map((locale) => [
    locale,
    {
      oneDecimal: new Intl.NumberFormat(htmlLang[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      whole: new Intl.NumberFormat(htmlLang[locale], { maximumFractionDigits: 0 }),
    },
  ]),
) as Record<Locale, { oneDecimal: Intl.NumberFormat; whole: Intl.NumberFormat }>;

/** "2,4" (pt-BR) or "2.4" (en) below 10 ms (a local network is that fast), "37" above; "—" for nothing yet. */
export function formatMs(ms: number | null, locale: Locale): string {
  if (ms === null) return "—";
  const { oneDecimal, whole } = FORMATS[locale];
  return (ms < 10 ? oneDecimal : whole).format(ms);
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

/** The scale a phone's "where am I" strip spans: 1 ms to 1 s, logarithmic like the histogram. */
export const SCALE_MS = { min: 1, max: 1000 } as const;

/** Where `ms` sits on that strip, from 0 (≤ 1 ms) to 1 (≥ 1 s). */
export function scalePosition(ms: number): number {
  const clamped = Math.min(Math.max(ms, SCALE_MS.min), SCALE_MS.max);
  return Math.log10(clamped / SCALE_MS.min) / Math.log10(SCALE_MS.max / SCALE_MS.min);
}
