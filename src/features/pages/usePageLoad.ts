/**
 * Loads one of the pages demo's routes from this device, measured: the whole page or only the
 * data. Keeps the latest answer of each route.
 */
import { useCallback, useRef, useState } from "react";
import { participantFor } from "../../live/identity.ts";
import type { LiveSession } from "../../live/session.ts";
import { roomApi } from "../../live/urls.ts";
import { useLocale } from "../../i18n/react.tsx";
import { refusalOf, type Refusal } from "../requests/hello.ts";
import { measuredFetch, type MeasuredResponse } from "../measure/measuredFetch.ts";
import { ACCEPT, deviceZone, routeUrl } from "./loads.ts";
import type { Route } from "./pageTally.ts";

const TIMEOUT_MS = 8000;

export type RouteLoad =
  | { phase: "idle" }
  | { phase: "loading"; previous: MeasuredResponse | null }
  | { phase: "loaded"; response: MeasuredResponse; count: number }
  /** `refusal` null: no answer at all (offline, timed out). */
  | { phase: "failed"; refusal: Refusal | null; previous: MeasuredResponse | null };

/** The last good answer, kept on screen while the next one loads or after one fails. */
export function shownResponse(load: RouteLoad): MeasuredResponse | null {
  return load.phase === "loaded" ? load.response : load.phase === "idle" ? null : load.previous;
}

export function usePageLoad(session: LiveSession, route: Route): { load: RouteLoad; fetchIt: () => void } {
  const [load, setLoad] = useState<RouteLoad>({ phase: "idle" });
  const latest = useRef<MeasuredResponse | null>(null);
  const count = useRef(0);
  const pending = useRef(0);
  const locale = useLocale();

  const fetchIt = useCallback(async () => {
    const mine = ++pending.current;
    setLoad({ phase: "loading", previous: latest.current });
    // A phone sends its own id; a presenter's device asks the room for one (once), like a phone.
    const url = routeUrl(roomApi(session.code), route, session.pid ?? (await participantFor(session.code)), locale, deviceZone());
    measuredFetch(url, { headers: { accept: ACCEPT[route] }, signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
      (response) => {
        if (pending.current !== mine) return;
        if (response.status !== 200) {
          setLoad({ phase: "failed", refusal: refusalOf(response.status, response.body), previous: latest.current });
          return;
        }
        latest.current = response;
        setLoad({ phase: "loaded", response, count: ++count.current });
      },
      () => {
        if (pending.current === mine) setLoad({ phase: "failed", refusal: null, previous: latest.current });
      },
    );
  }, [session, route, locale]);

  return { load, fetchIt };
}
