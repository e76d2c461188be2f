/**
 * Bar lengths for BarCompare, as fractions of the track (0..1). Pure, so it can be unit tested.
 *
 * Linear: value / largest value. Log: an honest logarithmic axis whose left end sits a little
 * below the smallest value, so the smallest bar is still a visible sliver (LOG_FLOOR of the track)
 * and every bar's length stays proportional to log(value) from that same origin.
 */
import { defaultLocale, htmlLang, type Locale } from "../i18n/locales.ts";
import { diagramsStrings } from "./strings.ts";

export type BarScaleKind = "linear" | "log";

/** Smallest visible bar on a log axis, as a fraction of the track. */
export const LOG_FLOOR = 0.06;
/** Smallest visible bar for a positive value on a linear axis (a hairline, so it is not lost). */
export const LINEAR_FLOOR = 0.004;

export interface BarTick {
  value: number;
  /** Where the tick sits on the track, 0..1. */
  position: number;
}

export interface BarScale {
  /** One length per value, 0..1; 0 only for a value of 0. */
  widths: number[];
  /** Gridlines at the powers of ten inside the axis (log only; empty for linear). */
  ticks: BarTick[];
}

export function barScale(values: readonly number[], scale: BarScaleKind = "linear"): BarScale {
  for (const value of values) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`bar values must be finite and not negative, got ${String(value)}`);
    }
  }
  const positive = values.filter((value) => value > 0);
  if (positive.length === 0) return { widths: values.map(() => 0), ticks: [] };
  const max = Math.max(...positive);

  if (scale === "linear") {
    return {
      widths: values.map((value) => (value > 0 ? Math.max(value / max, LINEAR_FLOOR) : 0)),
      ticks: [],
    };
  }

  const min = Math.min(...positive);
  const decades = Math.log10(max / min);
  if (decades === 0) return { widths: values.map((value) => (value > 0 ? 1 : 0)), ticks: [] };
  // The axis starts `pad` decades below the smallest value, so that value gets LOG_FLOOR.
  const pad = (decades * LOG_FLOOR) / (1 - LOG_FLOOR);
  const origin = Math.log10(min) - pad;
  const span = decades + pad;
  const position = (value: number): number => (Math.log10(value) - origin) / span;

  const ticks: BarTick[] = [];
  for (let exponent = Math.ceil(origin); exponent <= Math.floor(Math.log10(max)); exponent++) {
    const value = 10 ** exponent;
    ticks.push({ value, position: position(value) });
  }
  return { widths: values.map((value) => (value > 0 ? position(value) : 0)), ticks };
}

/** A tick label in the page's language: 0,01 · 1 · 1.000 · 1 mi in Portuguese; 0.01 · 1 · 1,000 · 1M in English. */
export function formatTick(value: number, locale: Locale = defaultLocale): string {
  const lang = htmlLang[locale];
  if (value >= 1e6) return diagramsStrings[locale].bars.million(new Intl.NumberFormat(lang).format(value / 1e6));
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 12 }).format(value);
}
