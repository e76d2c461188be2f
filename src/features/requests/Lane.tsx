import { m } from "framer-motion";
import { useMotionPreference } from "../../diagrams/motion.tsx";
import { useStrings } from "../../i18n/react.tsx";
import { requestsStrings } from "./strings.ts";
import "../../diagrams/diagrams.css";

/** How an exchange ended: the colour of its answer. */
export type Tone = "ok" | "refused" | "error" | "pending";

export interface LaneProps {
  /** Left end: who asked ("celular 3", "você"), in the screen's language. */
  who: string;
  /** Right end: the request's number in the room ("nº 12"), when known. */
  tag?: string | undefined;
  request: { label: string; bytes: string | null };
  /** null while the answer is on its way. */
  response: { label: string; bytes: string | null } | null;
  tone: Tone;
  /** Draw the arrows travelling (a new exchange), or at once (one seen before). */
  fresh: boolean;
  /** Seconds to wait before travelling (several exchanges arriving together go one after another). */
  delay?: number;
  /** Seconds before the answer travels; by default, once the request has arrived. */
  responseDelay?: number | undefined;
}

export const TRAVEL_SECONDS = 0.6;

/**
 * One request and its answer between a client (left, cyan) and the server (right, amber): the
 * request's arrow crosses first, the answer's comes back after it, as in the Exchange diagram.
 */
export default function Lane({ who, tag, request, response, tone, fresh, delay = 0, responseDelay }: LaneProps) {
  const t = useStrings(requestsStrings);
  return (
    <div className="lane" data-tone={tone}>
      <span className="lane__who">{who}</span>
      <div className="lane__arrows">
        <Arrow direction="right" label={request.label} bytes={request.bytes} fresh={fresh} delay={delay} />
        {response ? (
          <Arrow direction="left" label={response.label} bytes={response.bytes} fresh={fresh} delay={responseDelay ?? delay + (fresh ? TRAVEL_SECONDS : 0)} />
        ) : (
          <span className="lane__waiting">{t.waiting}</span>
        )}
      </div>
      <span className="lane__tag">{tag ?? ""}</span>
    </div>
  );
}

interface ArrowProps {
  direction: "right" | "left";
  label: string;
  bytes: string | null;
  fresh: boolean;
  delay: number;
}

/**
 * Keyframes that hold still for `delay` seconds, then travel: one animation per part, so an
 * arrow, its label and its packet wait and set off in step.
 */
function held<T>(from: T, to: T, delay: number): { values: T[]; times: number[]; duration: number } {
  const duration = delay + TRAVEL_SECONDS;
  return delay > 0 ? { values: [from, from, to], times: [0, delay / duration, 1], duration } : { values: [from, to], times: [0, 1], duration };
}

function Arrow({ direction, label, bytes, fresh, delay }: ArrowProps) {
  const { reduce, transition } = useMotionPreference();
  const right = direction === "right";
  const grow = held("0%", "100%", delay);
  const start = grow.times[grow.times.length - 2]!;
  return (
    <div className={`lane__arrow lane__arrow--${direction}`}>
      <m.span
        className="lane__label"
        // The label sets off with its arrow.
        initial={fresh ? { opacity: 0 } : false}
        animate={{ opacity: fresh ? [0, 0, 1] : 1 }}
        transition={transition({ duration: grow.duration, times: [0, start, Math.min(1, start + 0.15)] })}
      >
        <span className="lane__text">{label}</span>
        {bytes ? <span className="lane__bytes demo__number">{bytes}</span> : null}
      </m.span>
      <span className="lane__track">
        <m.span
          className="lane__line"
          // The arrow grows from its sender to its receiver, its head at the front.
          initial={fresh ? { width: "0%" } : false}
          animate={{ width: fresh ? grow.values : "100%" }}
          transition={transition({ duration: grow.duration, times: grow.times, ease: "easeInOut" })}
        >
          <span className="lane__shaft" />
          <span className="lane__head" />
        </m.span>
        {fresh && !reduce ? <Packet right={right} delay={delay} /> : null}
      </span>
    </div>
  );
}

/** A glowing dot riding the arrow, then fading where it arrives. */
function Packet({ right, delay }: { right: boolean; delay: number }) {
  const travel = held(right ? "0%" : "100%", right ? "100%" : "0%", delay);
  const fade = travel.duration + 0.3;
  const leaves = delay / fade;
  const arrives = travel.duration / fade;
  return (
    <m.span
      className="diagram__packet lane__packet"
      initial={{ left: right ? "0%" : "100%", opacity: 0 }}
      animate={{ left: travel.values, opacity: [0, 0, 1, 1, 0] }}
      transition={{
        left: { duration: travel.duration, times: travel.times, ease: "easeInOut" },
        opacity: { duration: fade, times: [0, leaves, leaves + 0.05, arrives, 1] },
      }}
    />
  );
}
