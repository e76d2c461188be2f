/**
 * The requests demo's record of the room: the last few request/response pairs the room's HTTP
 * endpoint answered, and running totals. Pure data in, data out; the server keeps one.
 */

/**
 * Who sent a request, anonymously: the room's nth phone, or its nth other browser (the
 * presenter's laptop, a curl). Data, not words: each screen names it in its own language.
 */
export interface Sender {
  device: "phone" | "browser";
  n: number;
}

/** One request and its response, as the projector shows it. Never the participant id. */
export interface Exchange {
  /** 1, 2, 3…: the request's number in the room since the last reset. */
  id: number;
  method: string;
  /** The path asked for, with the participant id hidden (`?pid=…`). */
  path: string;
  status: number;
  /** Request line + headers as the server received them. */
  requestBytes: number;
  /** Status line + headers + body as the server sent them. */
  responseBytes: number;
  /** Server time (ms since the epoch). */
  at: number;
  /** Who asked, anonymously ("celular 3" on a Portuguese screen). */
  who: Sender;
}

export interface RequestsReport {
  /** Requests answered, whatever the status. */
  count: number;
  /** Of which refused for going too fast (429). */
  refused: number;
  requestBytes: number;
  responseBytes: number;
  /** Newest first, at most RECENT_MAX. */
  recent: Exchange[];
}

export const RECENT_MAX = 8;

export function emptyRequestsReport(): RequestsReport {
  return { count: 0, refused: 0, requestBytes: 0, responseBytes: 0, recent: [] };
}

/** The number the next request will get (its answer says it, so it is known before recording). */
export function nextExchangeId(report: RequestsReport): number {
  return report.count + 1;
}

export function addExchange(report: RequestsReport, exchange: Omit<Exchange, "id">): RequestsReport {
  const recorded: Exchange = { id: nextExchangeId(report), ...exchange };
  return {
    count: recorded.id,
    refused: report.refused + (exchange.status === 429 ? 1 : 0),
    requestBytes: report.requestBytes + exchange.requestBytes,
    responseBytes: report.responseBytes + exchange.responseBytes,
    recent: [recorded, ...report.recent].slice(0, RECENT_MAX),
  };
}

/** The path a projector may show: the route only, the participant id elided, nothing else from the query. */
export function publicPath(pathname: string): string {
  return `${pathname}?pid=…`;
}

/** The totals as the presenter's results download gives them: never the recent exchanges (who asked, when). */
export interface RequestsExport {
  requests: number;
  /** Of which refused for going too fast (429). */
  refused: number;
  requestBytes: number;
  responseBytes: number;
}

export function requestsExport({ count, refused, requestBytes, responseBytes }: RequestsReport): RequestsExport {
  return { requests: count, refused, requestBytes, responseBytes };
}
