/**
 * The talk's languages. Portuguese is the talk's own and lives at the site's root; every other
 * locale lives under its code (`/en/slides/3/`), so a slide's number is the same in every language.
 */
export const locales = ["pt-br", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "pt-br";

/** The `lang` attribute of a locale's pages. */
export const htmlLang: Record<Locale, string> = { "pt-br": "pt-BR", en: "en" };

/** Each locale as the language switch shows it. */
export const localeLabels: Record<Locale, string> = { "pt-br": "PT", en: "EN" };

export function isLocale(value: unknown): value is Locale {
  return (locales as readonly unknown[]).includes(value);
}

/** Where a locale's pages start: the site's base for Portuguese, `<base>en/` for English. */
export function localeBase(base: string, locale: Locale): string {
  const root = base.endsWith("/") ? base : `${base}/`;
  return locale === defaultLocale ? root : `${root}${locale}/`;
}

/** The locale a path belongs to, by its first segment after the site's base. */
export function localeOfPath(pathname: string, base: string): Locale {
  const root = base.endsWith("/") ? base : `${base}/`;
  const first = pathname.startsWith(root) ? pathname.slice(root.length).split("/")[0] : "";
  return isLocale(first) ? first : defaultLocale;
}

/** The same page in another locale: the path with its locale prefix swapped. */
export function pathInLocale(pathname: string, base: string, locale: Locale): string {
  const from = localeBase(base, localeOfPath(pathname, base));
  return localeBase(base, locale) + pathname.slice(from.length);
}

/** The locale of the page a script runs in (its `<html lang>`), for code outside React. */
export function pageLocale(): Locale {
  const lang = document.documentElement.lang.toLowerCase();
  return locales.find((locale) => htmlLang[locale].toLowerCase() === lang) ?? defaultLocale;
}
