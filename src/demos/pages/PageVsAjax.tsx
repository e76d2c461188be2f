import type { ComponentType, ReactNode } from "react";
import { m } from "framer-motion";
import { DiagramMotion, useMotionPreference } from "../../diagrams/motion.tsx";
import type { LiveSession } from "../../live/session.ts";
import { drives, NotLive, showsBoard, useLabReport, useLiveSession } from "../live.tsx";
import { formatByteCount, formatBytes, formatMs, formatRatio } from "../format.ts";
import type { MeasuredResponse } from "../measuredFetch.ts";
import { barShares, parseVisit } from "./loads.ts";
import { counterDigits } from "./newsPage.ts";
import { perLoad, type PagesReport, type PerLoad, type Route } from "./pageTally.ts";
import ScaledFrame from "./ScaledFrame.tsx";
import { shownResponse, usePageLoad, type RouteLoad } from "./usePageLoad.ts";
import "./PageVsAjax.css";

/**
 * The same update — the site's visit counter — fetched two ways: the whole page again, as the
 * web did until ~2005, or only the data, as AJAX does. Each device sees the page redrawn or the
 * number changing in place, and the bytes of its own loads; the projector shows what the server
 * counted for the whole room, per load, side by side.
 */
export default function PageVsAjax() {
  const session = useLiveSession();
  if (!session) {
    return (
      <NotLive>
        <p>
          Ao vivo, cada celular atualiza o mesmo contador de visitas de dois jeitos: “Recarregar a página inteira” traz de
          novo um portal de notícias de 2005 completo (HTML, CSS, notícias, rodapé) só para mudar um número; “Buscar só o
          dado (AJAX)” traz um JSON com o número e a hora. O servidor conta os bytes de cada carga, ida e volta, e o projetor
          mostra lado a lado quanto cada jeito custa e quantas vezes um é maior que o outro.
        </p>
      </NotLive>
    );
  }
  return (
    <DiagramMotion>
      <LivePages session={session} />
    </DiagramMotion>
  );
}

function LivePages({ session }: { session: LiveSession }) {
  const page = usePageLoad(session, "page");
  const data = usePageLoad(session, "data");
  const presenter = showsBoard(session); // the room's averages: presenter or projector screen
  const report = useLabReport<PagesReport>(session, "pages");
  const room = presenter && report ? { page: perLoad(report.page), data: perLoad(report.data), report } : null;
  const mine = { page: shownResponse(page.load), data: shownResponse(data.load) };
  const ratio = presenter
    ? room?.page && room.data
      ? formatRatio(room.page.response, room.data.response)
      : null
    : mine.page && mine.data
      ? formatRatio(mine.page.responseBytes, mine.data.responseBytes)
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

  return (
    <figure className="demo pages" data-role={session.role}>
      <div className="pages__inner">
        <Side route="page" load={page.load} fetchIt={page.fetchIt} measure={measure("page")} />
        <div className="pages__ratio" aria-live="polite">
          {ratio ? (
            <>
              <span className="pages__ratio-number demo__number">{ratio}</span>
              <span className="pages__ratio-text">{presenter ? "mais bytes por resposta" : "mais bytes, para o mesmo número"}</span>
              {presenter && room?.page && room.data ? (
                <span className="pages__ratio-both">contando a ida: {formatRatio(room.page.total, room.data.total)}</span>
              ) : null}
            </>
          ) : (
            <span className="pages__ratio-text">carregue os dois para comparar</span>
          )}
        </div>
        <Side route="data" load={data.load} fetchIt={data.fetchIt} measure={measure("data")} />
        {presenter ? (
          <p className="pages__footer">
            Bytes contados pelo servidor, média de todas as cargas da sala
            {report ? ` · contador em ${report.visits}` : ""}
            {drives(session) && (
              <button
                type="button"
                className="demo__button pages__reset"
                onClick={() => session.client.send({ type: "reset", demo: "pages" })}
                disabled={!report || report.page.loads + report.data.loads === 0}
              >
                Zerar
              </button>
            )}
          </p>
        ) : null}
      </div>
    </figure>
  );
}

interface SideProps {
  route: Route;
  load: RouteLoad;
  fetchIt: () => void;
  measure: ReactNode;
}

/** What each side is called, its button, and how it shows the last answer. */
const SIDES: Record<Route, { title: string; action: string; Preview: ComponentType<{ load: RouteLoad }> }> = {
  page: { title: "Página inteira", action: "Recarregar a página inteira", Preview: PagePreview },
  data: { title: "Só o dado (AJAX)", action: "Buscar só o dado (AJAX)", Preview: DataPreview },
};

function Side({ route, load, fetchIt, measure }: SideProps) {
  const { title, action, Preview } = SIDES[route];
  return (
    <section className={`pages__side pages__side--${route}`} aria-label={title} data-phase={load.phase}>
      <p className="demo__label">{title}</p>
      <button type="button" className="demo__button pages__button" onClick={fetchIt} disabled={load.phase === "loading"}>
        {action}
      </button>
      <Preview load={load} />
      {load.phase === "failed" ? (
        <p className="pages__error" role="alert">
          {load.message}
        </p>
      ) : null}
      {measure}
    </section>
  );
}

function PagePreview({ load }: { load: RouteLoad }) {
  const response = shownResponse(load);
  if (!response) return <p className="pages__placeholder">A página aparece aqui, inteira.</p>;
  return <ScaledFrame html={response.body} title="A página inteira, como o servidor mandou" address="GET …/pages/page" />;
}

function DataPreview({ load }: { load: RouteLoad }) {
  const { transition } = useMotionPreference();
  const response = shownResponse(load);
  const visit = response ? parseVisit(response.body) : null;
  if (!response || !visit) return <p className="pages__placeholder">Só o número muda, no lugar.</p>;
  return (
    <div className="pages__widget">
      <p className="pages__widget-title">Contador de visitas</p>
      <m.p
        key={visit.visits}
        className="pages__counter"
        initial={{ backgroundColor: "rgb(74 222 128 / 0.55)" }}
        animate={{ backgroundColor: "rgb(0 0 0 / 1)" }}
        transition={transition({ duration: 0.8 })}
      >
        {counterDigits(visit.visits)}
      </m.p>
      <p className="pages__widget-time">atualizado às {visit.time}</p>
      <code className="pages__json">{response.body}</code>
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
  if (!perLoad) return <p className="pages__measure pages__measure--none">—</p>;
  return (
    <div className="pages__measure" data-response-bytes={Math.round(perLoad.response)} data-loads={loads}>
      <p className="pages__big demo__number" title={formatByteCount(Math.round(perLoad.response))}>
        {formatBytes(Math.round(perLoad.response))}
      </p>
      <p className="pages__unit">por resposta</p>
      <Bar share={share} headShare={perLoad.responseHead / perLoad.response} />
      <p className="pages__split">
        cabeçalhos <b className="demo__number">{formatBytes(Math.round(perLoad.responseHead))}</b> · corpo{" "}
        <b className="demo__number">{formatBytes(Math.round(perLoad.responseBody))}</b>
      </p>
      <p className="pages__split">
        + ida <b className="demo__number">{formatBytes(Math.round(perLoad.request))}</b> · {loads} {loads === 1 ? "carga" : "cargas"}
      </p>
    </div>
  );
}

/** A phone: its own last load of this route, as it measured it. */
function MyMeasure({ response, share }: { response: MeasuredResponse | null; share: number }) {
  if (!response) return null;
  const head = response.responseBytes - response.bodyBytes;
  return (
    <div className="pages__measure" data-response-bytes={response.responseBytes} data-source={response.source}>
      <p className="pages__big demo__number">{formatByteCount(response.responseBytes)}</p>
      <p className="pages__unit">
        chegaram aqui nesta carga, em {formatMs(response.roundTripMs)}
      </p>
      <Bar share={share} headShare={response.responseBytes > 0 ? head / response.responseBytes : 0} />
      <p className="pages__split">
        cabeçalhos <b className="demo__number">{formatBytes(head)}</b> · corpo <b className="demo__number">{formatBytes(response.bodyBytes)}</b>
      </p>
    </div>
  );
}
