/**
 * How the demos write their measurements, in the page's language: Portuguese by default (decimal
 * comma, thousands dot), English with `locale` "en" (decimal point, thousands comma).
 */
import { defaultLocale, htmlLang, type Locale } from "../../i18n/locales.ts";

interface Formats {
  /** One decimal: "6,1". */
  one: Intl.NumberFormat;
  /** Whole numbers: "6.132". */
  whole: Intl.NumberFormat;
}

const formats = new Map<Locale, Formats>();

/** Built once per locale: Intl.NumberFormat is costly to make and the boards redraw often. */
function formatsOf(locale: Locale): Formats {
  let found = formats.get(locale);
  if (!found) {
    const lang = htmlLang[locale];
    found = {
      one: new Intl.NumberFormat(lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
      whole: new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }),
    };
    formats.set(locale, found);
  }
  return found;
}

export function formatCount(n: number, locale: Locale = defaultLocale): string {
  return formatsOf(locale).whole.format(n);
}

/** A derived number that may not exist yet (nothing to divide by): a dash. */
export function orDash(value: number | null, format: (n: number) => string): string {
  return value === null ? "—" : format(value);
}

/** "512 B", "6,1 kB", "1,3 MB" (SI units, as browsers' developer tools count). */
export function formatBytes(bytes: number, locale: Locale = defaultLocale): string {
  const { one, whole } = formatsOf(locale);
  if (bytes < 1000) return `${whole.format(bytes)} B`;
  if (bytes < 1_000_000) return `${one.format(bytes / 1000)} kB`;
  return `${one.format(bytes / 1_000_000)} MB`;
}

/** The exact count: "6.132 bytes" ("6,132 bytes" in English). */
export function formatByteCount(bytes: number, locale: Locale = defaultLocale): string {
  return `${formatsOf(locale).whole.format(bytes)} ${bytes === 1 ? "byte" : "bytes"}`;
}

/** "43 ms", "1,2 s". */
export function formatMs(ms: number, locale: Locale = defaultLocale): string {
  const { one, whole } = formatsOf(locale);
  return ms < 1000 ? `${whole.format(Math.max(0, ms))} ms` : `${one.format(ms / 1000)} s`;
}

/** How many times bigger: "17×", "6,8×" (null when there is nothing to compare). */
export function formatRatio(a: number, b: number, locale: Locale = defaultLocale): string | null {
  if (!(a > 0 && b > 0)) return null;
  const { one, whole } = formatsOf(locale);
  const ratio = a / b;
  return `${ratio >= 10 ? whole.format(ratio) : one.format(ratio)}×`;
}

/** "HTTP/1.1 200 OK" style reason phrases the demos show when the browser gives none (HTTP/2 has none). */
const REASONS: Readonly<Record<number, string>> = {
  200: "OK",
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export function statusLine(status: number, statusText = ""): string {
  return `${status} ${statusText || REASONS[status] || ""}`.trim();
}
