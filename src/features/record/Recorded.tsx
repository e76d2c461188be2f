/**
 * A record's numbers next to a demo: "Na palestra de 2 de dez. de 2026 (34 pessoas):" and the
 * demo's own board drawn with that talk's numbers, rendered on the server like the rest of the
 * page (no room, no script needed to read it). The latest talk is shown; earlier ones are a click
 * away, in a disclosure that works without JavaScript. Live numbers say "Agora" instead (`Now`),
 * so a reader never takes one for the other.
 */
import type { ReactNode } from "react";
import { htmlLang } from "../../i18n/locales.ts";
import { useLocale, useStrings } from "../../i18n/react.tsx";
import { recordStrings } from "./strings.ts";
import { talkDay, type RecordedTalk } from "./talks.ts";
import "./Recorded.css";

/**
 * `audienceText`: the board shows what the audience typed (words, questions), in the talk's
 * language whatever the page's, and says so (`lang`) to screen readers and translators.
 */
export function Recorded<T>({ talks, audienceText = false, children }: { talks: readonly RecordedTalk<T>[] | undefined; audienceText?: boolean; children: (data: T) => ReactNode }) {
  const t = useStrings(recordStrings);
  const [latest, ...others] = talks ?? [];
  if (!latest) return null;
  return (
    <div className="recorded" data-recorded={latest.date}>
      <Talk talk={latest} audienceText={audienceText}>
        {children}
      </Talk>
      {others.length > 0 ? (
        <details className="recorded__others">
          <summary>{t.others(others.length)}</summary>
          {others.map((talk) => (
            <Talk key={`${talk.date}-${talk.locale}`} talk={talk} audienceText={audienceText}>
              {children}
            </Talk>
          ))}
        </details>
      ) : null}
    </div>
  );
}

function Talk<T>({ talk, audienceText, children }: { talk: RecordedTalk<T>; audienceText: boolean; children: (data: T) => ReactNode }) {
  const t = useStrings(recordStrings);
  const locale = useLocale();
  return (
    // A group, not a region: a page shows many of these, and landmarks must be few and unique.
    <div className="recorded__talk" role="group" data-recorded-talk={talk.date} aria-label={t.atTalk(talkDay(talk.date, locale))}>
      <p className="recorded__when">
        <time dateTime={talk.date}>{t.atTalk(talkDay(talk.date, locale))}</time>{" "}
        <span className="recorded__people">({t.people(talk.people, talk.locale === locale ? null : talk.locale)}):</span>
      </p>
      {audienceText ? <div lang={htmlLang[talk.locale]}>{children(talk.data)}</div> : children(talk.data)}
    </div>
  );
}

/** The label of numbers measured live, in this room, now: its own line, or a `span` opening a line where space is short. */
export function Now({ inline = false }: { inline?: boolean }) {
  const t = useStrings(recordStrings);
  const Tag = inline ? "span" : "p";
  return (
    <Tag className="recorded__when recorded__when--now" data-now>
      {t.now}
    </Tag>
  );
}
