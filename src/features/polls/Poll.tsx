import { useEffect, useState } from "react";
import { m } from "framer-motion";
import { DiagramMotion, EASE_OUT, useMotionPreference } from "../../diagrams/motion.tsx";
import { drives, showsBoard, useLiveSession, useReport, useRoomSnapshot, useSlideActive } from "../../live/hooks.tsx";
import type { LiveSession } from "../../live/session.ts";
import { freshWarning, type PollDefinition, type PollView } from "./rules.ts";
import { htmlLang, locales, type Locale } from "../../i18n/locales.ts";
import { useLocale, useStrings, withLocale } from "../../i18n/react.tsx";
import { pollStrings } from "./strings.ts";
import { Now, Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";
import "../../live/notLive.css";
import "./Poll.css";

const percent = Object.fromEntries(
  locales.map((locale) => [locale, new Intl.NumberFormat(htmlLang[locale], { style: "percent", maximumFractionDigits: 0 })]),
) as Record<Locale, Intl.NumberFormat>;

/**
 * A poll declared in a slide. The presenter puts it on screen when the slide shows, opens and
 * closes it; each phone votes once (and may change its mind while it is open); everyone sees the
 * counts live. Outside a room it is the question and its options, to read, or the results of the
 * talks in records/ (`recorded`).
 */
export default withLocale(Poll);

/** A poll's results as a record keeps them (by option, in the slide's order). */
export type RecordedPoll = Pick<PollView, "counts" | "total">;

function Poll({ recorded, ...definition }: PollDefinition & { recorded?: RecordedTalk<RecordedPoll>[] }) {
  const t = useStrings(pollStrings);
  const session = useLiveSession();
  const [ref, active] = useSlideActive<HTMLElement>();
  return (
    <section className="demo poll" ref={ref} aria-label={t.label(definition.question)}>
      <p className="poll__question">{definition.question}</p>
      {session ? (
        <DiagramMotion>
          <LivePoll session={session} definition={definition} active={active} />
        </DiagramMotion>
      ) : (
        <>
          {recorded?.length ? (
            <Recorded talks={recorded}>{(poll) => <Bars view={poll} definition={definition} />}</Recorded>
          ) : (
            <ul className="poll__options">
              {definition.options.map((option) => (
                <li key={option} className="poll__static">
                  {option}
                </li>
              ))}
            </ul>
          )}
          <p className="demo__hint">{t.offlineHint}</p>
        </>
      )}
    </section>
  );
}

function LivePoll({ session, definition, active }: { session: LiveSession; definition: PollDefinition; active: boolean }) {
  const t = useStrings(pollStrings);
  const locale = useLocale();
  const room = useRoomSnapshot(session);
  const fresh = freshWarning(useReport(drives(session) ? session : null, "polls")?.polls[definition.id]);
  const online = room?.status === "online";
  const current = room?.view?.state.poll;
  const view = current?.id === definition.id ? current : null;
  const mine = room?.you?.votes?.[definition.id];
  const [sending, setSending] = useState<number | null>(null);
  useEffect(() => setSending(null), [mine]);

  // The presenter's slide puts its poll on screen (phones then see it), and brings back its results.
  useEffect(() => {
    if (active && online && drives(session)) session.client.send({ type: "poll", action: "show", poll: definition });
  }, [active, online, session, definition]);

  const vote = (option: number) => {
    if (session.client.send({ type: "vote", poll: definition.id, option })) setSending(option);
  };
  const board = showsBoard(session);
  const chosen = sending ?? mine;

  return (
    <>
      {board ? (
        <>
          <Now />
          <Bars view={view} definition={definition} />
        </>
      ) : (
        <div className="poll__choices" role="group" aria-label={t.yourVote}>
          {definition.options.map((option, index) => (
            <button
              key={option}
              type="button"
              className="demo__button poll__choice"
              aria-pressed={chosen === index}
              disabled={!view?.open || !online}
              onClick={() => vote(index)}
            >
              {option}
            </button>
          ))}
        </div>
      )}
      <p className="poll__status" aria-live="polite" data-poll-status>
        {statusText(t, view, board, mine)}
      </p>
      {!board && mine !== undefined && view ? <Bars view={view} definition={definition} /> : null}
      {fresh !== null ? (
        <p className="poll__warning" role="status" data-poll-fresh>
          {t.mostlyNew(percent[locale].format(fresh))}
        </p>
      ) : null}
      {drives(session) ? (
        <p className="demo__actions">
          <button
            type="button"
            className="demo__button"
            disabled={!online}
            onClick={() => session.client.send({ type: "poll", action: view?.open ? "close" : "open", poll: definition })}
          >
            {view?.open ? t.close : t.open}
          </button>
        </p>
      ) : null}
    </>
  );
}

function statusText(t: (typeof pollStrings)[Locale], view: PollView | null, board: boolean, mine: number | undefined): string {
  // Not on screen yet, or shown but never voted in: the presenter has yet to open it.
  if (!view || (!view.open && view.total === 0)) return board ? t.notOpenBoard : t.waiting;
  const votes = t.votes(view.total);
  if (view.open) return board ? t.openBoard(votes) : mine === undefined ? t.tapAnswer : t.voted(votes);
  return t.ended(votes);
}

function Bars({ view, definition }: { view: RecordedPoll | null; definition: PollDefinition }) {
  const t = useStrings(pollStrings);
  const locale = useLocale();
  const { transition } = useMotionPreference();
  const total = view?.total ?? 0;
  return (
    <ul className="poll__bars" aria-label={t.results}>
      {definition.options.map((option, index) => {
        const count = view?.counts[index] ?? 0;
        const share = total > 0 ? count / total : 0;
        return (
          <li key={option} className="poll__row" data-poll-option={index}>
            <span className="poll__label">{option}</span>
            <span className="poll__track" aria-hidden="true">
              <m.span className="poll__bar" initial={false} animate={{ width: `${share * 100}%` }} transition={transition({ duration: 0.5, ease: EASE_OUT })} />
            </span>
            <span className="poll__count demo__number" data-poll-count>
              {count}
            </span>
            <span className="poll__share demo__number">{percent[locale].format(share)}</span>
          </li>
        );
      })}
    </ul>
  );
}
