/**
 * The projector's side-by-side, from the room's tally (live, or a talk's record): each route's
 * average load and how long its bar is against the other's. Pure, for the tests.
 */
import { barShares } from "./loads.ts";
import { perLoad, type PagesReport, type PerLoad, type Route } from "./pageTally.ts";

export interface RoomComparison {
  perLoad: Record<Route, PerLoad | null>;
  /** Each route's response against the bigger one (0..1). */
  shares: Record<Route, number>;
}

export function compareRoutes(report: Pick<PagesReport, "page" | "data">): RoomComparison {
  const page = perLoad(report.page);
  const data = perLoad(report.data);
  const [pageShare, dataShare] = barShares(page?.response ?? 0, data?.response ?? 0);
  return { perLoad: { page, data }, shares: { page: pageShare, data: dataShare } };
}
