/**
 * The phones' side of the HTTP lanes: the URLs, and a fetch that checks the answer's shape and
 * turns a refusal into an error that carries it, for the phone to phrase in its language.
 */
import * as v from "valibot";
import { roomApi } from "../../live/urls.ts";
import { refusalOf, type Refusal } from "../requests/hello.ts";
import { EventsAnswerSchema, LastAnswerSchema, type EventsAnswer, type LastAnswer } from "./report.ts";

/** Plain polling asks this often. */
export const POLL_MS = 2_000;
/** A long poll asks the server to hold it this long (the most it allows). */
export const LONG_POLL_WAIT_S = 25;
/** A request the server never answers is given up this long after it should have been. */
const GRACE_MS = 10_000;

export class AnswerError extends Error {
  readonly refusal: Refusal;
  constructor(refusal: Refusal) {
    super(`HTTP ${refusal.status}${refusal.code ? ` ${refusal.code}` : ""}`);
    this.refusal = refusal;
  }
}

/** An AbortSignal that fires with `signal` or after `ms` (AbortSignal.any is too new for some phones). */
function within(signal: AbortSignal, ms: number): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, ms);
  signal.addEventListener("abort", abort, { once: true });
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", abort);
    },
  };
}

async function getJson<T>(url: string, schema: v.GenericSchema<unknown, T>, signal: AbortSignal, timeoutMs: number): Promise<T> {
  const limit = within(signal, timeoutMs);
  try {
    const response = await fetch(url, { signal: limit.signal, cache: "no-store" });
    const text = await response.text();
    if (!response.ok) throw new AnswerError(refusalOf(response.status, text));
    return v.parse(schema, JSON.parse(text));
  } finally {
    limit.done();
  }
}

/** One poll (`wait` null) or long poll (held up to `wait` seconds, for this phone: `pid`). */
export function getEvents(code: string, since: number, wait: number | null, pid: string, signal: AbortSignal): Promise<EventsAnswer> {
  const url = `${roomApi(code)}/delivery/events?since=${since}${wait === null ? "" : `&wait=${wait}&pid=${encodeURIComponent(pid)}`}`;
  return getJson(url, EventsAnswerSchema, signal, (wait ?? 0) * 1000 + GRACE_MS);
}

/** Where the stream is now: the first cursor of a phone that starts watching. */
export function getLast(code: string, signal: AbortSignal): Promise<LastAnswer> {
  return getJson(`${roomApi(code)}/delivery/last`, LastAnswerSchema, signal, GRACE_MS);
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
