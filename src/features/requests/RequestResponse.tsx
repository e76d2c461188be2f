import { useRef } from "react";
import { DiagramMotion } from "../../diagrams/motion.tsx";
import { useLocale, useStrings } from "../../i18n/react.tsx";

import type { LiveSession } from "../../live/session.ts";
import { drives, isScreen, showsBoard, serverNow, useReport } from "../../live/hooks.tsx";
import type { Exchange } from "./exchangeLog.ts";
import { formatByteCount, formatBytes, formatMs, statusLine } from "../measure/format.ts";
import Lane, { TRAVEL_SECONDS, type Tone } from "./Lane.tsx";
import { helloStrings, refusalStrings, requestsStrings } from "./strings.ts";
import { useSendRequest, type SentExchange } from "./useSendRequest.ts";
import { perExchange, type RequestsTotals } from "./recorded.ts";
import "./RequestResponse.css";
import { liveIsland } from "../../live/island.tsx";
import { Now, Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";

/** Exchanges the projector lists (the report keeps a few more). */
const ROWS = 4;
/** An exchange this recent when first seen travels across the screen; older ones are just listed. */
const FRESH_MS = 3000;
/** Between exchanges that arrive in the same report. */
const STAGGER_SECONDS = 0.3;

/**
 * HTTP's request and response, for real: a phone (or the presenter) presses a button and its
 * browser sends a GET to the room; the projector draws each request arriving at the server and
 * its answer going back, with method, status and sizes counted by the server; the phone shows
 * its own exchange, the sizes and the round trip it measured.
 */
export default liveIsland(
  requestsStrings,
  ({ session }) => <DiagramMotion>{showsBoard(session) ? <RoomExchanges session={session} /> : <MyExchange session={session} />}</DiagramMotion>,
  { Recorded: RecordedExchanges },
);

/** Outside a room: the talks' totals, and one exchange drawn with what it cost on average. */
function RecordedExchanges({ recorded }: { recorded?: RecordedTalk<RequestsTotals>[] }) {
  const t = useStrings(requestsStrings);
  const locale = useLocale();
  if (!recorded?.length) return null;
  return (
    <figure className="demo requests" data-role="record">
      <Recorded talks={recorded}>
        {(totals) => {
          const average = perExchange(totals);
          return (
            <div className="requests__inner">
              <Actors client={t.phones} server={t.roomServer} />
              {average ? (
                <Lane
                  who={t.average}
                  request={{ label: "GET …/requests/hello", bytes: formatBytes(average.up, locale) }}
                  response={{ label: t.response, bytes: formatBytes(average.down, locale) }}
                  tone="ok"
                  fresh={false}
                />
              ) : null}
              <div className="requests__footer">
                <Totals report={totals} />
              </div>
            </div>
          );
        }}
      </Recorded>
    </figure>
  );
}

const toneOf = (status: number): Tone => (status === 200 ? "ok" : status === 429 ? "refused" : "error");

function SendButton({ send, busy }: { send: () => void; busy: boolean }) {
  const t = useStrings(requestsStrings);
  return (
    <button type="button" className="demo__button requests__send" onClick={send} disabled={busy}>
      {busy ? t.sending : t.send}
    </button>
  );
}

/** The projector: every device's requests, newest on top. */
function RoomExchanges({ session }: { session: LiveSession }) {
  const t = useStrings(requestsStrings);
  const { sender } = useStrings(helloStrings);
  const report = useReport(session, "requests");
  const { send, busy } = useSendRequest(session);
  // How each exchange was first drawn, fixed at first sight: a re-render must not restart it.
  const drawn = useRef(new Map<number, { fresh: boolean; delay: number }>());
  const rows = report?.recent.slice(0, ROWS) ?? [];
  const now = serverNow(session);
  let arriving = 0;
  for (const exchange of [...rows].reverse()) {
    if (drawn.current.has(exchange.id)) continue;
    const fresh = now - exchange.at < FRESH_MS;
    drawn.current.set(exchange.id, { fresh, delay: fresh ? arriving++ * STAGGER_SECONDS : 0 });
  }
  if (report && report.count === 0) drawn.current.clear();

  return (
    <figure className="demo requests" data-role="presenter">
      <div className="requests__inner">
        <Now />
        <Actors client={t.phones} server={t.roomServer} />
        {rows.length === 0 ? (
          <p className="requests__empty requests__room">{t.noneYet}</p>
        ) : (
          <ol className="requests__lanes requests__room" aria-label={t.latest}>
            {rows.map((exchange) => (
              <li
                key={exchange.id}
                data-who={sender(exchange.who)}
                data-status={exchange.status}
                data-request-bytes={exchange.requestBytes}
                data-response-bytes={exchange.responseBytes}
              >
                <RoomLane exchange={exchange} {...drawn.current.get(exchange.id)!} />
              </li>
            ))}
          </ol>
        )}
        <div className="requests__footer">
          {/* The projector's screen presses nothing: the presenter's requests are listed with the room's. */}
          {isScreen(session) ? null : <SendButton send={send} busy={busy} />}
          <Totals report={report} />
          {drives(session) && (
            <button
              type="button"
              className="demo__button requests__reset"
              onClick={() => session.client.send({ type: "reset", feature: "requests" })}
              disabled={!report || report.count === 0}
            >
              {t.reset}
            </button>
          )}
        </div>
      </div>
    </figure>
  );
}

function RoomLane({ exchange, fresh, delay }: { exchange: Exchange; fresh: boolean; delay: number }) {
  const locale = useLocale();
  const t = useStrings(requestsStrings);
  const { sender } = useStrings(helloStrings);
  return (
    <Lane
      who={sender(exchange.who)}
      tag={t.tag(exchange.id)}
      request={{ label: `${exchange.method} ${exchange.path}`, bytes: formatBytes(exchange.requestBytes, locale) }}
      response={{ label: statusLine(exchange.status), bytes: formatBytes(exchange.responseBytes, locale) }}
      tone={toneOf(exchange.status)}
      fresh={fresh}
      delay={delay}
    />
  );
}

function Totals({ report }: { report: RequestsTotals | null }) {
  const locale = useLocale();
  const t = useStrings(requestsStrings);
  if (!report || report.count === 0) return <p className="requests__totals" />;
  return (
    <p className="requests__totals">
      <span className="requests__count demo__number">{report.count}</span> {t.requests(report.count)} · {t.up}{" "}
      <span className="demo__number requests__up">{formatBytes(report.requestBytes, locale)}</span> · {t.down}{" "}
      <span className="demo__number requests__down">{formatBytes(report.responseBytes, locale)}</span>
      {report.refused > 0 ? (
        <>
          {" "}
          · <span className="requests__refused">{t.refused(report.refused)}</span>
        </>
      ) : null}
    </p>
  );
}

function Actors({ client, server }: { client: string; server: string }) {
  return (
    <div className="requests__actors" aria-hidden="true">
      <span className="requests__actor requests__actor--client">{client}</span>
      <span className="requests__actor requests__actor--server">{server}</span>
    </div>
  );
}

/** A phone: its own request, the answer, the sizes and the time it measured. */
function MyExchange({ session }: { session: LiveSession }) {
  const t = useStrings(requestsStrings);
  const { exchange, send, busy } = useSendRequest(session);
  const sentAt = useRef(0);

  return (
    <figure className="demo requests" data-role="audience" data-phase={exchange?.phase ?? "idle"}>
      <div className="requests__inner">
        <p className="demo__actions">
          <SendButton
            send={() => {
              sentAt.current = performance.now();
              send();
            }}
            busy={busy}
          />
        </p>
        <Actors client={t.yourPhone} server={t.server} />
        {exchange ? (
          <MyLane key={exchange.key} exchange={exchange} sentAt={sentAt.current} />
        ) : (
          <p className="requests__empty">{t.pressHint}</p>
        )}
        {exchange ? <MyDetails exchange={exchange} /> : null}
      </div>
    </figure>
  );
}

function MyLane({ exchange, sentAt }: { exchange: SentExchange; sentAt: number }) {
  const locale = useLocale();
  const t = useStrings(requestsStrings);
  const request = { label: "GET …/requests/hello", bytes: exchange.phase === "answered" && exchange.hello ? formatBytes(exchange.hello.requestBytes, locale) : null };
  // The answer waits for the request's arrow to finish crossing, however fast the network was.
  const wait = Math.max(0, TRAVEL_SECONDS - (performance.now() - sentAt) / 1000);
  if (exchange.phase === "sending") return <Lane who={t.you} request={request} response={null} tone="pending" fresh />;
  if (exchange.phase === "failed") {
    return <Lane who={t.you} request={request} response={{ label: t.noAnswer, bytes: null }} tone="error" fresh responseDelay={wait} />;
  }
  const { response, hello } = exchange;
  return (
    <Lane
      who={t.you}
      tag={hello ? t.tag(hello.number) : undefined}
      request={request}
      response={{ label: statusLine(response.status, response.statusText), bytes: formatBytes(response.responseBytes, locale) }}
      tone={toneOf(response.status)}
      fresh
      responseDelay={wait}
    />
  );
}

function MyDetails({ exchange }: { exchange: SentExchange }) {
  const locale = useLocale();
  const t = useStrings(requestsStrings);
  const { refusal, unreachable } = useStrings(refusalStrings);
  const answered = exchange.phase === "answered" ? exchange : null;
  const response = answered?.response;
  return (
    <div
      className="requests__details"
      data-status={response?.status}
      data-request-bytes={answered?.hello?.requestBytes}
      data-response-bytes={response?.responseBytes}
      data-source={response?.source}
    >
      <p className="requests__status" aria-live="polite">
        {exchange.phase === "sending"
          ? t.sending
          : exchange.phase === "failed"
            ? unreachable
            : t.answeredIn(statusLine(response!.status, response!.statusText), formatMs(response!.roundTripMs, locale))}
      </p>
      <dl className="requests__facts">
        <dt>{t.youSent}</dt>
        <dd>
          <code className="requests__line">{exchange.requestLine}</code>
        </dd>
        {response ? (
          <>
            <dt>{t.cameBack}</dt>
            <dd className="requests__stack">
              <code className="requests__line">HTTP/1.1 {statusLine(response.status, response.statusText)}</code>
              <details className="requests__headers">
                <summary>{t.headers(response.headers.length, formatByteCount(response.responseBytes - response.bodyBytes, locale))}</summary>
                <code className="requests__line">{response.headers.map(([name, value]) => `${name}: ${value}`).join("\n")}</code>
              </details>
              <code className="requests__line">{response.body}</code>
            </dd>
            <dt>{t.bytes}</dt>
            <dd>
              {answered?.hello ? (
                <>
                  {t.up} <b className="demo__number">{formatByteCount(answered.hello.requestBytes, locale)}</b> {t.countedByServer} ·{" "}
                </>
              ) : null}
              {t.down} <b className="demo__number">{formatByteCount(response.responseBytes, locale)}</b> {t.arrivedHere}
            </dd>
            <dt>{t.time}</dt>
            <dd>
              <b className="demo__number">{formatMs(response.roundTripMs, locale)}</b> {t.roundTrip}
            </dd>
          </>
        ) : null}
        {answered?.refusal ? (
          <>
            <dt>{t.server}</dt>
            <dd>{refusal(answered.refusal)}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
