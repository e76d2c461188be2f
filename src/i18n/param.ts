/**
 * The page's language travels with a demo's HTTP request as `?lang=`, so a server that answers
 * with words (a greeting, a whole HTML page) answers in the reader's language. Portuguese, the
 * default, goes without: its requests stay as they were, byte for byte.
 */
import { defaultLocale, isLocale, type Locale } from "./locales.ts";

/** `url` (which already has a query) with the locale added, unless it is the default. */
export function withLang(url: string, locale: Locale): string {
  return locale === defaultLocale ? url : `${url}&lang=${locale}`;
}

/** The locale a request asked for: the default when it names none, null when it names no locale we have. */
export function langOf(params: URLSearchParams): Locale | null {
  const values = params.getAll("lang");
  if (values.length === 0) return defaultLocale;
  return values.length === 1 && isLocale(values[0]) ? values[0] : null;
}
