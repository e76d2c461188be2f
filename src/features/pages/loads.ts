/** The device's side of the pages demo: what it asks for, and what it makes of the answers. */
import { defaultLocale, type Locale } from "../../i18n/locales.ts";
import { withLang } from "../../i18n/param.ts";
import type { Visit } from "./newsPage.ts";
import type { Route } from "./pageTally.ts";

/**
 * `api`: the room's HTTP endpoint (`/parties/main/<CODE>`, maybe on another host). Both routes
 * carry the locale, though only the page has words: the two requests stay alike but for the route.
 */
export function routeUrl(api: string, route: Route, pid: string, locale: Locale = defaultLocale): string {
  return withLang(`${api}/pages/${route}?pid=${encodeURIComponent(pid)}`, locale);
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
