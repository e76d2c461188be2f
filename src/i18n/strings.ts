import type { Locale } from "./locales.ts";

/**
 * One module's user-facing text in every locale. The Portuguese object sets the shape and the
 * others must match it key for key (a missing or extra key fails the type check); texts that
 * depend on numbers or names are functions, so each language builds its own sentence.
 */
export type Strings<T> = Readonly<Record<Locale, T>>;

export function defineStrings<T extends object>(strings: { "pt-br": T; en: NoInfer<T> }): Strings<T> {
  return strings;
}
