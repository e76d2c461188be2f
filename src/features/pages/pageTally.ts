/**
 * The pages demo's measurements: per route (the whole page, or only the data), how many loads
 * and how many bytes each way, as the server counted them. Pure data; the server keeps one,
 * the projector derives the per-load averages and the ratio.
 */

export const ROUTES = ["page", "data"] as const;
export type Route = (typeof ROUTES)[number];

export interface RouteTally {
  loads: number;
  /** Request heads (a GET has no body). */
  requestBytes: number;
  responseHeadBytes: number;
  responseBodyBytes: number;
}

export interface PagesReport {
  page: RouteTally;
  data: RouteTally;
  /** The visit counter: the update both routes carry. */
  visits: number;
}

export interface LoadSize {
  requestBytes: number;
  responseHeadBytes: number;
  responseBodyBytes: number;
}

const emptyTally = (): RouteTally => ({ loads: 0, requestBytes: 0, responseHeadBytes: 0, responseBodyBytes: 0 });

export function emptyPagesReport(): PagesReport {
  return { page: emptyTally(), data: emptyTally(), visits: 0 };
}

export function isRoute(value: string | undefined): value is Route {
  return (ROUTES as readonly (string | undefined)[]).includes(value);
}

export function addLoad(report: PagesReport, route: Route, size: LoadSize): PagesReport {
  const tally = report[route];
  return {
    ...report,
    [route]: {
      loads: tally.loads + 1,
      requestBytes: tally.requestBytes + size.requestBytes,
      responseHeadBytes: tally.responseHeadBytes + size.responseHeadBytes,
      responseBodyBytes: tally.responseBodyBytes + size.responseBodyBytes,
    },
  };
}

/** One load of a route, on average. */
export interface PerLoad {
  request: number;
  responseHead: number;
  responseBody: number;
  /** Head + body. */
  response: number;
  /** Both ways. */
  total: number;
}

export function perLoad(tally: RouteTally): PerLoad | null {
  if (tally.loads === 0) return null;
  const request = tally.requestBytes / tally.loads;
  const responseHead = tally.responseHeadBytes / tally.loads;
  const responseBody = tally.responseBodyBytes / tally.loads;
  return { request, responseHead, responseBody, response: responseHead + responseBody, total: request + responseHead + responseBody };
}
