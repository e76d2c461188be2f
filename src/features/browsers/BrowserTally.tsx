import { useEffect, useMemo, useRef, useState } from "react";
import { m } from "framer-motion";
import { DiagramMotion, EASE_OUT, useMotionPreference } from "../../diagrams/motion.tsx";
import { roomApi } from "../../live/urls.ts";
import type { LiveSession } from "../../live/session.ts";
import { drives, showsBoard, useReport, useLiveSession, useSlideActive } from "../../live/hooks.tsx";
import type { Participant, Tally, TallyRow } from "./tally.ts";
import { shownName } from "./userAgent.ts";
import { useLocale, useStrings, withLocale } from "../../i18n/react.tsx";

import { htmlLang } from "../../i18n/locales.ts";
import { browsersStrings } from "./strings.ts";
import "./BrowserTally.css";
import { NotLive } from "../../live/island.tsx";
import { Now, Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";

const RETRY_MS = 5000;

/** Says once per round which browser this phone is and whether it has WebSocket (over HTTP, on purpose). */
function useOwnReport(session: LiveSession | null, active: boolean, round: number | undefined) {
  const [mine, setMine] = useState<(Participant & { round: number }) | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const sending = useRef(false);
  const pid = session?.pid;
  const due = active && !!session && !!pid && (mine === null || (round !== undefined && round > mine.round));
  useEffect(() => {
    if (!due || !session || !pid || sending.current) return;
    sending.current = true;
    fetch(`${roomApi(session.code)}/browsers/report`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pid, websocket: typeof WebSocket === "function" }),
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        setMine((await response.json()) as Participant & { round: number });
        setFailed(false);
      })
      .catch(() => {
        setFailed(true);
        setTimeout(() => setAttempt((n) => n + 1), RETRY_MS); // flaky Wi-Fi: try again
      })
      .finally(() => (sending.current = false));
  }, [due, session, pid, attempt]);
  return { mine, failed };
}

export default withLocale(BrowserTally);

/** The tally as a record keeps it (the live one without its round). */
export type RecordedTally = Omit<Tally, "round">;

function BrowserTally({ recorded }: { recorded?: RecordedTalk<RecordedTally>[] }) {
  const t = useStrings(browsersStrings);
  const session = useLiveSession();
  const [ref, active] = useSlideActive<HTMLElement>();
  const tallyNow = useReport(session, "browsers");
  const { mine, failed } = useOwnReport(session, active, tallyNow?.round);

  return (
    <section className="demo tally" ref={ref} aria-label={t.region}>
      {session ? (
        <DiagramMotion>
          {showsBoard(session) ? <Now /> : null}
          <TallyView tally={tallyNow} />
          {session.role === "audience" ? (
            <p className="tally__mine" data-tally-mine>
              {mine
                ? t.you(
                    `${shownName(mine.browser, t.other)}${mine.version ? ` ${String(mine.version)}` : ""}`,
                    shownName(mine.os, t.other),
                    mine.websocket,
                  )
                : failed
                  ? t.failed
                  : t.counting}
            </p>
          ) : drives(session) ? (
            <p className="demo__actions">
              <button type="button" className="demo__button" onClick={() => session.client.send({ type: "reset", feature: "browsers" })}>
                {t.reset}
              </button>
              <span className="demo__hint">{t.onceEach}</span>
            </p>
          ) : null}
        </DiagramMotion>
      ) : (
        <>
          <NotLive text={t.offline} />
          <Recorded talks={recorded}>
            {(tally) => (
              <div className="tally__recorded">
                <TallyView tally={tally} />
              </div>
            )}
          </Recorded>
        </>
      )}
    </section>
  );
}

function TallyView({ tally }: { tally: RecordedTally | null }) {
  const t = useStrings(browsersStrings);
  const locale = useLocale();
  const percent = useMemo(() => new Intl.NumberFormat(htmlLang[locale], { style: "percent", maximumFractionDigits: 0 }), [locale]);
  if (!tally || tally.total === 0) {
    return <p className="tally__empty">{t.empty}</p>;
  }
  const share = tally.websocket / tally.total;
  return (
    <>
      <p className="tally__headline">
        <span className="tally__big demo__number" data-tally-websocket>
          {tally.websocket}
        </span>
        <span>
          {t.of} <span className="demo__number" data-tally-total>{tally.total}</span> {t.speak}
        </span>
        <span className="tally__share">
          {t.share(percent.format(share))}
        </span>
      </p>
      <Bars rows={tally.browsers} total={tally.total} label={t.byBrowser} />
      <p className="tally__systems">
        <span className="sr-only">{t.bySystem}</span>
        {tally.systems.map((row) => `${shownName(row.name, t.other)} ${String(row.count)}`).join(" · ")}
      </p>
    </>
  );
}

function Bars({ rows, total, label }: { rows: TallyRow[]; total: number; label: string }) {
  const t = useStrings(browsersStrings);
  const { transition } = useMotionPreference();
  return (
    <ul className="tally__bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.name} className="tally__row">
          <span className="tally__name">{shownName(row.name, t.other)}</span>
          <span className="tally__track" aria-hidden="true">
            <m.span
              className="tally__bar"
              initial={false}
              animate={{ width: `${(row.count / total) * 100}%` }}
              transition={transition({ duration: 0.5, ease: EASE_OUT })}
            />
          </span>
          <span className="tally__count demo__number">{row.count}</span>
        </li>
      ))}
    </ul>
  );
}
