import { useCallback, useEffect, useState } from "react";
import { m } from "framer-motion";
import { EASE_OUT, useMotionPreference } from "../../diagrams/motion.tsx";
import type { LiveSession } from "../../live/session.ts";
import { LANES, REPORT_MS_MAX, type Lane } from "../../room/protocol.ts";
import { useLinkStatus } from "../live.tsx";
import { reportableLatency } from "./feed.ts";
import { formatCount, formatMs } from "../format.ts";
import { LANE_TEXT } from "./labels.ts";
import { laneOf } from "./lanes.ts";
import type { StreamEvent } from "./stream.ts";
import { useLaneFeed } from "./useLaneFeed.ts";
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
      <div className="delivery-phone__lanes" role="group" aria-label="Como este celular recebe os eventos">
        {LANES.map((option) => (
          <button
            key={option}
            type="button"
            className="demo__button"
            data-lane={option}
            aria-pressed={chosen === option}
            onClick={() => setChosen(option)}
          >
            {LANE_TEXT[option].name}
          </button>
        ))}
      </div>
      <p className="demo__hint">
        Seu celular: <strong>{LANE_TEXT[chosen].name}</strong> — {LANE_TEXT[chosen].how}.
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
              Evento <strong className="demo__number">#{latest.id}</strong>
            </span>
            <span>
              chegou à tela em{" "}
              <strong className="demo__number" data-delivery-latency>
                {shown?.id === latest.id ? formatMs(shown.latency) : "…"}
              </strong>
            </span>
          </>
        ) : (
          <span className="delivery-phone__waiting">Esperando o primeiro evento: quem apresenta dispara.</span>
        )}
      </div>
      <p className="delivery-phone__counts">
        <span>
          Eventos recebidos: <strong className="demo__number" data-delivery-received>{formatCount(arrival?.total ?? 0)}</strong>
        </span>
        <span>
          Suas requisições: <strong className="demo__number" data-delivery-requests>{formatCount(feed.requests)}</strong>
        </span>
      </p>
      {status !== "online" ? (
        <p className="delivery-phone__problem">Sem conexão com a sala: os números voltam quando ela voltar.</p>
      ) : feed.problem ? (
        <p className="delivery-phone__problem">{feed.problem}</p>
      ) : null}
    </div>
  );
}
