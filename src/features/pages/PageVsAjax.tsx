import { useEffect, useMemo, type ComponentType, type ReactNode } from "react";
import { m } from "framer-motion";
import { DiagramMotion, useMotionPreference } from "../../diagrams/motion.tsx";
import { useLocale, useStrings } from "../../i18n/react.tsx";
import type { LiveSession } from "../../live/session.ts";
import { drives, isScreen, showsBoard, useReport } from "../../live/hooks.tsx";
import { usePresenterView, useShowOnProjector } from "../mirror/useMirror.ts";
import { formatByteCount, formatBytes, formatMs, formatRatio } from "../measure/format.ts";
import type { MeasuredResponse } from "../measure/measuredFetch.ts";
import { barShares, parseVisit } from "./loads.ts";
import { counterDigits } from "./newsPage.ts";
import { compareRoutes, type RoomComparison } from "./comparison.ts";
import { type PagesReport, type PerLoad, type Route } from "./pageTally.ts";
import { pagesShown, shownBodies, type PagesShown } from "./shown.ts";
import ScaledFrame from "./ScaledFrame.tsx";
import { shownResponse, usePageLoad, type RouteLoad } from "./usePageLoad.ts";
import { refusalStrings } from "../requests/strings.ts";
import { pagesStrings } from "./strings.ts";
import "./PageVsAjax.css";
import { liveIsland } from "../../live/island.tsx";
import { Now, Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";

/**
 * The same update — the site's visit counter — fetched two ways: the whole page again, as the
 * web did until ~2005, or only the data, as AJAX does. Each device sees the page redrawn or the
 * number changing in place, and the bytes of its own loads; the projector shows what the server
 * counted for the whole room, per load, side by side, and in its two boxes the page and the
 * number the presenter's last loads brought (the presenter's page sends them: src/features/mirror).
 */
export default liveIsland(
  pagesStrings,
  ({ session }) => (
    <DiagramMotion>
      <LivePages session={session} />
    </DiagramMotion>
  ),
  { Recorded: RecordedPages },
);

/** Outside a room: what the server counted at the talks in records/, drawn as the projector draws the room's. */
function RecordedPages({ recorded }: { recorded?: RecordedTalk<PagesReport>[] }) {
  const locale = useLocale();
  const t = useStrings(pagesStrings);
  if (!recorded?.length) return null;
  return (
    <figure className="demo pages" data-role="record">
      <Recorded talks={recorded}>
        {(report) => {
          const comparison = compareRoutes(report);
          const { page, data } = comparison.perLoad;
          return (
            <div className="pages__inner">
              <RecordedSide route="page" report={report} comparison={comparison} />
              <p className="pages__ratio">
                {page && data ? (
                  <>
                    <span className="pages__ratio-number demo__number">{formatRatio(page.response, data.response, locale)}</span>
                    <span className="pages__ratio-text">{t.morePerResponse}</span>
                    <span className="pages__ratio-both">{t.withRequest(formatRatio(page.total, data.total, locale) ?? "—")}</span>
                  </>
                ) : null}
              </p>
              <RecordedSide route="data" report={report} comparison={comparison} />
              <p className="pages__footer">
                {t.footer}
                {t.counterAt(report.visits)}
              </p>
            </div>
          );
        }}
      </Recorded>
    </figure>
  );
}

function LivePages({ session }: { session: LiveSession }) {
  const locale = useLocale();
  const t = useStrings(pagesStrings);
  const page = usePageLoad(session, "page");
  const data = usePageLoad(session, "data");
  const presenter = showsBoard(session); // the room's averages: presenter or projector screen
  const screen = isScreen(session); // the projector: the presenter's loads, nothing to press
  const show = useShowOnProjector(session);
  const presenters = usePresenterView(session, "pages");
  const bodies = useBodies(screen ? presenters : null, page.load, data.load);
  // The presenter's last answers are the projector's too (the same page, the same number).
  useEffect(() => {
    if (screen) return;
    const view = pagesShown(bodies, locale);
    if (view) show(view);
  }, [screen, bodies, locale, show]);
  const report = useReport(session, "pages");
  const room = presenter && report ? compareRoutes(report).perLoad : null;
  const mine = { page: shownResponse(page.load), data: shownResponse(data.load) };
  const ratio = presenter
    ? room?.page && room.data
      ? formatRatio(room.page.response, room.data.response, locale)
      : null
    : mine.page && mine.data
      ? formatRatio(mine.page.responseBytes, mine.data.responseBytes, locale)
      : null;
  const [pageShare, dataShare] = presenter
    ? barShares(room?.page?.response ?? 0, room?.data?.response ?? 0)
    : barShares(mine.page?.responseBytes ?? 0, mine.data?.responseBytes ?? 0);
  const shares: Record<Route, number> = { page: pageShare, data: dataShare };
  // The projector shows what the server counted for the room; a phone, its own last load.
  const measure = (route: Route) =>
    presenter ? (
      <RoomMeasure perLoad={room?.[route] ?? null} loads={report?.[route].loads ?? 0} share={shares[route]} />
    ) : (
      <MyMeasure response={mine[route]} share={shares[route]} />
    );
  const side = (route: Route, { load, fetchIt }: { load: RouteLoad; fetchIt: () => void }) => (
    <Side
      route={route}
      phase={screen ? (bodies[route] === null ? "idle" : "loaded") : load.phase}
      body={bodies[route]}
      fetchIt={screen ? null : fetchIt}
      failed={!screen && load.phase === "failed" ? load : null}
      measure={measure(route)}
    />
  );

  return (
    <figure className="demo pages" data-role={session.role}>
      <div className="pages__inner">
        {presenter ? <Now /> : null}
        {side("page", page)}
        <div className="pages__ratio" aria-live="polite">
          {ratio ? (
            <>
              <span className="pages__ratio-number demo__number">{ratio}</span>
              <span className="pages__ratio-text">{presenter ? t.morePerResponse : t.moreForSameNumber}</span>
              {presenter && room?.page && room.data ? (
                <span className="pages__ratio-both">{t.withRequest(formatRatio(room.page.total, room.data.total, locale) ?? "—")}</span>
              ) : null}
            </>
          ) : (
            <span className="pages__ratio-text">{t.loadBoth}</span>
          )}
        </div>
        {side("data", data)}
        {presenter ? (
          <p className="pages__footer">
            {t.footer}
            {report ? t.counterAt(report.visits) : ""}
            {drives(session) && (
              <button
                type="button"
                className="demo__button pages__reset"
                onClick={() => session.client.send({ type: "reset", feature: "pages" })}
                disabled={!report || report.page.loads + report.data.loads === 0}
              >
                {t.reset}
              </button>
            )}
          </p>
        ) : null}
      </div>
    </figure>
  );
}

function RecordedSide({ route, report, comparison }: { route: Route; report: PagesReport; comparison: RoomComparison }) {
  const { title } = useStrings(pagesStrings).sides[route];
  return (
    <section className={`pages__side pages__side--${route}`} aria-label={title}>
      <p className="demo__label">{title}</p>
      <RoomMeasure perLoad={comparison.perLoad[route]} loads={report[route].loads} share={comparison.shares[route]} />
    </section>
  );
}

/** What the two boxes show: this device's last answers, or (given the presenter's view) the presenter's. */
function useBodies(presenters: PagesShown | null, page: RouteLoad, data: RouteLoad): Record<Route, string | null> {
  const pageBody = shownResponse(page)?.body ?? null;
  const dataBody = shownResponse(data)?.body ?? null;
  return useMemo(
    () => (presenters ? shownBodies(presenters) : { page: pageBody, data: dataBody }),
    [presenters, pageBody, dataBody],
  );
}

interface SideProps {
  route: Route;
  phase: RouteLoad["phase"];
  /** The last answer's body, drawn in the box (null: nothing loaded yet). */
  body: string | null;
  /** Loads it again; null on the projector, which has nothing to press. */
  fetchIt: (() => void) | null;
  failed: Extract<RouteLoad, { phase: "failed" }> | null;
  measure: ReactNode;
}

/** How each side shows the last answer (what it is called, and its button, are in pagesStrings.sides). */
const PREVIEWS: Record<Route, ComponentType<{ body: string | null }>> = { page: PagePreview, data: DataPreview };

function Side({ route, phase, body, fetchIt, failed, measure }: SideProps) {
  const { title, action } = useStrings(pagesStrings).sides[route];
  const { refusal, unreachable } = useStrings(refusalStrings);
  const Preview = PREVIEWS[route];
  return (
    <section className={`pages__side pages__side--${route}`} aria-label={title} data-phase={phase}>
      <p className="demo__label">{title}</p>
      {fetchIt ? (
        <button type="button" className="demo__button pages__button" onClick={fetchIt} disabled={phase === "loading"}>
          {action}
        </button>
      ) : null}
      <Preview body={body} />
      {failed ? (
        <p className="pages__error" role="alert">
          {failed.refusal ? refusal(failed.refusal) : unreachable}
        </p>
      ) : null}
      {measure}
    </section>
  );
}

function PagePreview({ body }: { body: string | null }) {
  const t = useStrings(pagesStrings);
  if (body === null) return <p className="pages__placeholder">{t.pageHere}</p>;
  return <ScaledFrame html={body} title={t.frameTitle} address="GET …/pages/page" />;
}

function DataPreview({ body }: { body: string | null }) {
  const t = useStrings(pagesStrings);
  const { transition } = useMotionPreference();
  const visit = body === null ? null : parseVisit(body);
  if (body === null || !visit) return <p className="pages__placeholder">{t.numberHere}</p>;
  return (
    <div className="pages__widget">
      <p className="pages__widget-title">{t.counter}</p>
      <m.p
        key={visit.visits}
        className="pages__counter"
        initial={{ backgroundColor: "rgb(74 222 128 / 0.55)" }}
        animate={{ backgroundColor: "rgb(0 0 0 / 1)" }}
        transition={transition({ duration: 0.8 })}
      >
        {counterDigits(visit.visits)}
      </m.p>
      <p className="pages__widget-time">{t.updatedAt(visit.time)}</p>
      <code className="pages__json">{body}</code>
    </div>
  );
}

function Bar({ share, headShare }: { share: number; headShare: number }) {
  return (
    <span className="pages__bar" aria-hidden="true">
      <span className="pages__bar-fill" style={{ width: `${(share * 100).toFixed(2)}%` }}>
        <span className="pages__bar-head" style={{ width: `${(headShare * 100).toFixed(2)}%` }} />
      </span>
    </span>
  );
}

/** The projector: the room's average load of this route, as the server counted it. */
function RoomMeasure({ perLoad, loads, share }: { perLoad: PerLoad | null; loads: number; share: number }) {
  const locale = useLocale();
  const t = useStrings(pagesStrings);
  if (!perLoad) return <p className="pages__measure pages__measure--none">—</p>;
  return (
    <div className="pages__measure" data-response-bytes={Math.round(perLoad.response)} data-loads={loads}>
      <p className="pages__big demo__number" title={formatByteCount(Math.round(perLoad.response), locale)}>
        {formatBytes(Math.round(perLoad.response), locale)}
      </p>
      <p className="pages__unit">{t.perResponse}</p>
      <Bar share={share} headShare={perLoad.responseHead / perLoad.response} />
      <p className="pages__split">
        {t.headers} <b className="demo__number">{formatBytes(Math.round(perLoad.responseHead), locale)}</b> · {t.body}{" "}
        <b className="demo__number">{formatBytes(Math.round(perLoad.responseBody), locale)}</b>
      </p>
      <p className="pages__split">
        {t.request} <b className="demo__number">{formatBytes(Math.round(perLoad.request), locale)}</b> · {t.loads(loads)}
      </p>
    </div>
  );
}

/** A phone: its own last load of this route, as it measured it. */
function MyMeasure({ response, share }: { response: MeasuredResponse | null; share: number }) {
  const locale = useLocale();
  const t = useStrings(pagesStrings);
  if (!response) return null;
  const head = response.responseBytes - response.bodyBytes;
  return (
    <div className="pages__measure" data-response-bytes={response.responseBytes} data-source={response.source}>
      <p className="pages__big demo__number">{formatByteCount(response.responseBytes, locale)}</p>
      <p className="pages__unit">{t.arrived(formatMs(response.roundTripMs, locale))}</p>
      <Bar share={share} headShare={response.responseBytes > 0 ? head / response.responseBytes : 0} />
      <p className="pages__split">
        {t.headers} <b className="demo__number">{formatBytes(head, locale)}</b> · {t.body}{" "}
        <b className="demo__number">{formatBytes(response.bodyBytes, locale)}</b>
      </p>
    </div>
  );
}
