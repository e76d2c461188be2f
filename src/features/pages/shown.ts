/**
 * What the presenter's pages demo shows, as the projector gets it (src/features/mirror): the
 * update each of its loads carried (the visit counter and its time) and the page's language.
 * The whole page is far over a frame's 4,096 bytes, but it is newsPage(visit, lang): the
 * projector draws the very same page, and the very same JSON, from these few bytes.
 */
import * as v from "valibot";
import { Int } from "../../room/messages.ts";
import { locales, type Locale } from "../../i18n/locales.ts";
import { parseVisit } from "./loads.ts";
import { newsPage, visitJson, visitOfPage, type Visit } from "./newsPage.ts";
import type { Route } from "./pageTally.ts";

/** A wall-clock time is 8 characters; room for another format, none for a story. */
export const TIME_MAX = 32;

const VisitSchema = v.strictObject({ visits: Int(0, Number.MAX_SAFE_INTEGER), time: v.pipe(v.string(), v.maxLength(TIME_MAX)) });

export const PagesShownSchema = v.strictObject({
  demo: v.literal("pages"),
  /** The language the presenter's page asked in (the page's words are in it). */
  lang: v.picklist(locales),
  /** The last whole page the presenter loaded, and the last data: null until it loaded one. */
  page: v.nullable(VisitSchema),
  data: v.nullable(VisitSchema),
});
export type PagesShown = v.InferOutput<typeof PagesShownSchema>;

const visitOf = (visit: Visit | null): Visit | null =>
  visit && Number.isSafeInteger(visit.visits) && visit.visits >= 0 && visit.time.length <= TIME_MAX ? { visits: visit.visits, time: visit.time } : null;

/** The presenter's last answers (bodies as received), to send; null while it has loaded nothing. */
export function pagesShown(bodies: Record<Route, string | null>, lang: Locale): PagesShown | null {
  const page = visitOf(bodies.page === null ? null : visitOfPage(bodies.page));
  const data = visitOf(bodies.data === null ? null : parseVisit(bodies.data));
  return page || data ? { demo: "pages", lang, page, data } : null;
}

/** The bodies the presenter received, drawn again from what it sent. */
export function shownBodies(shown: PagesShown): Record<Route, string | null> {
  return { page: shown.page && newsPage(shown.page, shown.lang), data: shown.data && visitJson(shown.data) };
}
