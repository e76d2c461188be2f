import { defaultLocale, isLocale, locales, type Locale } from "./locales.ts";

/** The locale Astro routed this page to (`Astro.currentLocale`), typed. */
export function localeOf(astro: { currentLocale: string | undefined }): Locale {
  const locale = astro.currentLocale?.toLowerCase();
  return isLocale(locale) ? locale : defaultLocale;
}

/** getStaticPaths params for `[...locale]` page folders: no prefix for Portuguese. */
export function localeParams(): Array<{ params: { locale: string | undefined }; props: { locale: Locale } }> {
  return locales.map((locale) => ({ params: { locale: locale === defaultLocale ? undefined : locale }, props: { locale } }));
}
