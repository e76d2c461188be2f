import { createContext, useContext, type ComponentType } from "react";
import { defaultLocale, type Locale } from "./locales.ts";
import type { Strings } from "./strings.ts";

const LocaleContext = createContext<Locale>(defaultLocale);

/** This island's texts in the locale of the page it was rendered in. */
export function useStrings<T>(strings: Strings<T>): T {
  return strings[useContext(LocaleContext)];
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/**
 * An island that knows its page's locale: Astro passes `locale` (the same on the server and in
 * the browser, so hydration matches) and every component inside reads it with useStrings().
 * Drawn inside another island without one, it speaks that island's language.
 */
export function withLocale<P extends object>(Island: ComponentType<P>) {
  return function Localized({ locale, ...props }: P & { locale?: Locale }) {
    if (locale === undefined) return <Island {...(props as P)} />;
    return (
      <LocaleContext.Provider value={locale}>
        <Island {...(props as P)} />
      </LocaleContext.Provider>
    );
  };
}
