import { useCallback, useEffect, useState } from "react";
import { m } from "framer-motion";
import { EASE_OUT, useMotionPreference } from "../../diagrams/motion.tsx";
import { useLocale, useStrings } from "../../i18n/react.tsx";
import type { LiveSession } from "../../live/session.ts";
import { LANES, type Lane } from "./protocol.ts";
import { REPORT_MS_MAX } from "../../room/protocol.ts";
import { useLinkStatus } from "../../live/hooks.tsx";
import { reportableLatency } from "./feed.ts";
import { formatCount, formatMs } from "../measure/format.ts";
import { refusalStrings } from "../requests/strings.ts";
import { laneOf } from "./lanes.ts";
import { deliveryStrings } from "./strings.ts";
import type { StreamEvent } from "./stream.ts";
import { useLaneFeed, type Problem } from "./useLaneFeed.ts";
import { useServerClock } from "./useServerClock.ts";

interface Arrival {
  events: StreamEvent[];
  /** Events received since this phone started watching. */
  total: number;
}

/**
 * A phone in the race: which lane it is on (its default comes from its id, so the room splits
 * by itself), the last event that reached its screen and how long that took, and what its lane
 * cost it in requests. Latency is taken one frame after React showed the event: event to screen,
 * on the server's clock as probed when the slide appeared.
 */
export function DeliveryPhone({ session, active }: { session: LiveSession; active: boolean }) {
  const locale = useLocale();
  const t = useStrings(deliveryStrings);
  const [chosen, setChosen] = useState<Lane>(() => laneOf(session.pid ?? ""));
  const lane = active ? chosen : null;
  const [arrival, setArrival] = useState<Arrival | null>(null);
  const [shown, setShown] = useState<{ id: number; latency: number } | null>(null);
  const deliver = useCallback((events: StreamEvent[]) => setArrival((previous) => ({ events, total: (previous?.total ?? 0) + events.length })), []);
  const feed = useLaneFeed(session, lane, deliver);
  const status = useLinkStatus(session);
  const clock = useServerClock(session, active);
  const { transition } = useMotionPreference();

  useEffect(() => {
    if (!arrival) return;
    // The effect runs after React committed the event; one frame later it is on the screen.
    const frame = requestAnimationFrame(() => {
      const now = clock();
      for (const event of arrival.events) {
        const latency = reportableLatency(now - event.at, REPORT_MS_MAX);
        if (latency === null) continue;
        session.client.send({ type: "seen", id: event.id, latency });
        setShown({ id: event.id, latency });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [arrival, session, clock]);

  const latest = arrival?.events.at(-1) ?? null;
  return (
    <div className="delivery-phone">
      <div className="delivery-phone__lanes" role="group" aria-label={t.lanesLabel}>
        {LANES.map((option) => (
          <button
            key={option}
            type="button"
            className="demo__button"
            data-lane={option}
            aria-pressed={chosen === option}
            onClick={() => setChosen(option)}
          >
            {t.lanes[option].name}
          </button>
        ))}
      </div>
      <p className="demo__hint">
        {t.yourPhone} <strong>{t.lanes[chosen].name}</strong> — {t.lanes[chosen].how}.
      </p>
      <div className="delivery-phone__last" data-delivery-last>
        {latest ? (
          <>
            <m.span
              key={latest.id}
              className="delivery-phone__pulse"
              aria-hidden="true"
              initial={{ scale: 1.8, opacity: 1 }}
              animate={{ scale: 1, opacity: 0.7 }}
              transition={transition({ duration: 0.6, ease: EASE_OUT })}
            />
            <span>
              {t.event} <strong className="demo__number">#{latest.id}</strong>
            </span>
            <span>
              {t.reachedScreen}{" "}
              <strong className="demo__number" data-delivery-latency>
                {shown?.id === latest.id ? formatMs(shown.latency, locale) : "…"}
              </strong>
            </span>
          </>
        ) : (
          <span className="delivery-phone__waiting">{t.waiting}</span>
        )}
      </div>
      <p className="delivery-phone__counts">
        <span>
          {t.received} <strong className="demo__number" data-delivery-received>{formatCount(arrival?.total ?? 0, locale)}</strong>
        </span>
        <span>
          {t.yourRequests} <strong className="demo__number" data-delivery-requests>{formatCount(feed.requests, locale)}</strong>
        </span>
      </p>
      {status !== "online" ? (
        <p className="delivery-phone__problem">{t.offlineRoom}</p>
      ) : feed.problem ? (
        <p className="delivery-phone__problem">
          <ProblemText problem={feed.problem} />
        </p>
      ) : null}
    </div>
  );
}

function ProblemText({ problem }: { problem: Problem }) {
  const t = useStrings(deliveryStrings);
  const { refusal } = useStrings(refusalStrings);
  return problem === "no-answer" ? t.retrying : t.refused(refusal(problem));
}
