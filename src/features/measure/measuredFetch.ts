/**
 * A fetch that measures itself, in the browser: the round trip (performance.now) and the bytes
 * of the response as this device received them: its status line and every header it got,
 * counted by HTTP/1.1's rules (a same-origin script sees them all, and the room exposes them to
 * other origins), plus the body as it travelled, which Resource Timing measures
 * (encodedBodySize) when the browser tells. Resource Timing's transferSize is no help for the
 * headers: browsers report them as a made-up 300 bytes, so no script can learn the real size.
 */
import { responseHeadBytes } from "./bytes.ts";
import { utf8Length } from "../../room/utf8.ts";

/** Where the body's size came from: the browser's own measurement, or counted from what arrived. */
export type ByteSource = "resourceTiming" | "counted";

export interface ResponseSize {
  /** Status line + headers + body, as this device received them. */
  responseBytes: number;
  /** Of which the body, as it travelled (before any decompression). */
  bodyBytes: number;
  source: ByteSource;
}

export interface MeasuredResponse extends ResponseSize {
  status: number;
  statusText: string;
  /** Every header this page may read (all of them, same-origin). */
  headers: [string, string][];
  contentType: string | null;
  body: string;
  roundTripMs: number;
}

/**
 * `encodedBodySize`: Resource Timing's (0 or absent when the browser does not tell: another
 * origin without Timing-Allow-Origin). Otherwise the body's Content-Length, or its UTF-8 length.
 */
export function responseSize(status: number, headers: Iterable<[string, string]>, body: string, encodedBodySize: number | undefined): ResponseSize {
  const list = Array.from(headers);
  const length = Number(list.find(([name]) => name.toLowerCase() === "content-length")?.[1] ?? Number.NaN);
  const measured = encodedBodySize !== undefined && encodedBodySize > 0;
  const bodyBytes = measured ? encodedBodySize : Number.isInteger(length) && length >= 0 ? length : utf8Length(body);
  return { responseBytes: responseHeadBytes(status, list, bodyBytes) + bodyBytes, bodyBytes, source: measured ? "resourceTiming" : "counted" };
}

/** How long to wait, after the body, for the browser to file the request's timing entry. */
const ENTRY_WAIT_MS = 300;

/** Watches for the Resource Timing entry of `url` started after `since`. */
function watchEntry(url: string, since: number): () => Promise<PerformanceResourceTiming | null> {
  let found: PerformanceResourceTiming | null = null;
  let wake: (() => void) | null = null;
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntriesByName(url)) {
        if (entry.startTime >= since && entry instanceof PerformanceResourceTiming) found = entry;
      }
      if (found) wake?.();
    });
    observer.observe({ type: "resource" });
  } catch {
    observer = null; // no Resource Timing here: count instead
  }
  return async () => {
    if (observer && !found) await new Promise<void>((done) => ((wake = done), setTimeout(done, ENTRY_WAIT_MS)));
    observer?.disconnect();
    return found;
  };
}

export async function measuredFetch(url: string, init: RequestInit = {}): Promise<MeasuredResponse> {
  const absolute = new URL(url, location.href).href;
  const started = performance.now();
  const entry = watchEntry(absolute, started - 1);
  const response = await fetch(absolute, init);
  const body = await response.text();
  const roundTripMs = performance.now() - started;
  const timing = await entry();
  return {
    status: response.status,
    statusText: response.statusText,
    headers: Array.from(response.headers),
    contentType: response.headers.get("content-type"),
    body,
    roundTripMs,
    ...responseSize(response.status, response.headers, body, timing?.encodedBodySize),
  };
}
