/** The device's side of the pages demo: what it asks for, and what it makes of the answers. */
import { defaultLocale, type Locale } from "../../i18n/locales.ts";
import { withLang } from "../../i18n/param.ts";
import type { Visit } from "./newsPage.ts";
import type { Route } from "./pageTally.ts";

/**
 * `api`: the room's HTTP endpoint (`/parties/main/<CODE>`, maybe on another host). Both routes
 * carry the locale, though only the page has words, and the viewer's time zone (`zone`, e.g.
 * America/Sao_Paulo), so the clock in the answer is theirs: the two requests stay alike but for the route.
 */
export function routeUrl(api: string, route: Route, pid: string, locale: Locale = defaultLocale, zone?: string): string {
  const url = `${api}/pages/${route}?pid=${encodeURIComponent(pid)}${zone ? `&tz=${encodeURIComponent(zone)}` : ""}`;
  return withLang(url, locale);
}

/** This device's time zone, as the browser knows it ("America/Sao_Paulo"); undefined if it can't say. */
export function deviceZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/**
 * What each kind of request asks for: a page load says it wants HTML (as a browser navigating
 * does), an AJAX call says JSON. Part of what each one costs.
 */
export const ACCEPT: Readonly<Record<Route, string>> = {
  page: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  data: "application/json",
};

/** The AJAX answer, checked (null for anything else, e.g. an error body). */
export function parseVisit(body: string): Visit | null {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== "object" || value === null) return null;
    const { visits, time } = value as Record<string, unknown>;
    return Number.isInteger(visits) && typeof time === "string" ? { visits: visits as number, time } : null;
  } catch {
    return null;
  }
}

/** The longest a bar may be, of two: each bar's share of it. */
export function barShares(a: number, b: number): [number, number] {
  const longest = Math.max(a, b);
  return longest > 0 ? [a / longest, b / longest] : [0, 0];
}
