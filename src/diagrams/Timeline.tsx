import { m } from "framer-motion";
import { useSlideStep } from "../live/useSlide.ts";
import { DiagramMotion, EASE_OUT, stepAttribute, useMotionPreference, useReveal } from "./motion.tsx";
import "./diagrams.css";
import "./Timeline.css";

export interface TimelineEvent {
  /** Shown big above the line, e.g. "2011". */
  year: string;
  label: string;
  detail?: string;
  /** The slide step at which the milestone appears; 0 or absent = from the start. */
  step?: number;
}

export interface TimelineProps {
  /** Milestones, oldest first. */
  events: readonly TimelineEvent[];
  caption?: string;
}

export default function Timeline(props: TimelineProps) {
  return (
    <DiagramMotion>
      <TimelineFigure {...props} />
    </DiagramMotion>
  );
}

function TimelineFigure({ events, caption }: TimelineProps) {
  const [ref, step] = useSlideStep<HTMLElement>();

  return (
    <figure ref={ref} className="diagram timeline">
      <ol className="timeline__events">
        {events.map((event, index) => (
          <Milestone key={index} event={event} next={events[index + 1]} step={step} />
        ))}
      </ol>
      {caption ? <figcaption className="diagram__caption">{caption}</figcaption> : null}
    </figure>
  );
}

function Milestone({
  event,
  next,
  step,
}: {
  event: TimelineEvent;
  next: TimelineEvent | undefined;
  step: number;
}) {
  const { transition } = useMotionPreference();
  // The line reaches the next milestone when that milestone's step is reached.
  const { shown: reached, delay } = useReveal(step, next?.step);
  const draw = transition(
    reached ? { duration: 0.9, ease: EASE_OUT, delay } : { duration: 0.2, ease: "easeOut" },
  );
  return (
    <li className="timeline__event" data-step={stepAttribute(event.step)}>
      <span className="timeline__year">{event.year}</span>
      <span className="timeline__mark" aria-hidden="true">
        {next === undefined ? null : (
          <>
            <m.span
              className="timeline__link timeline__link--across"
              initial={false}
              animate={{ scaleX: reached ? 1 : 0 }}
              transition={draw}
            />
            <m.span
              className="timeline__link timeline__link--down"
              initial={false}
              animate={{ scaleY: reached ? 1 : 0 }}
              transition={draw}
            />
          </>
        )}
        <span className="timeline__dot" />
      </span>
      <span className="timeline__text">
        <span className="timeline__label">{event.label}</span>
        {event.detail ? <span className="timeline__detail">{event.detail}</span> : null}
      </span>
    </li>
  );
}
