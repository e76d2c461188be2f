import { useRef } from "react";
import { DiagramMotion } from "../../diagrams/motion.tsx";
import type { LiveSession } from "../../live/session.ts";
import { drives, NotLive, showsBoard, serverNow, useLabReport, useLiveSession } from "../live.tsx";
import type { Exchange, RequestsReport } from "./exchangeLog.ts";
import { formatByteCount, formatBytes, formatMs, statusLine } from "../format.ts";
import Lane, { TRAVEL_SECONDS, type Tone } from "./Lane.tsx";
import { useSendRequest, type SentExchange } from "./useSendRequest.ts";
import "./RequestResponse.css";

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
export default function RequestResponse() {
  const session = useLiveSession();
  if (!session) {
    return (
      <NotLive>
        <p>
          Ao vivo, cada celular aperta “Enviar requisição” e o navegador dele faz um <code>GET</code> de verdade ao servidor
          da sala. O projetor desenha cada requisição chegando ao servidor e a resposta voltando (<code>200 OK</code>, ou{" "}
          <code>429</code> para quem aperta rápido demais), com os bytes de ida e de volta contados pelo servidor; o celular
          mostra a linha que enviou, a resposta e o tempo de ida e volta que ele mesmo mediu.
        </p>
      </NotLive>
    );
  }
  return <DiagramMotion>{showsBoard(session) ? <RoomExchanges session={session} /> : <MyExchange session={session} />}</DiagramMotion>;
}

const toneOf = (status: number): Tone => (status === 200 ? "ok" : status === 429 ? "refused" : "error");

function SendButton({ send, busy }: { send: () => void; busy: boolean }) {
  return (
    <button type="button" className="demo__button requests__send" onClick={send} disabled={busy}>
      {busy ? "Enviando…" : "Enviar requisição"}
    </button>
  );
}

/** The projector: every device's requests, newest on top. */
function RoomExchanges({ session }: { session: LiveSession }) {
  const report = useLabReport<RequestsReport>(session, "requests");
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
        <Actors client="Celulares" server="Servidor da sala" />
        {rows.length === 0 ? (
          <p className="requests__empty requests__room">Nenhuma requisição ainda: aperte “Enviar requisição” no celular.</p>
        ) : (
          <ol className="requests__lanes requests__room" aria-label="Últimas requisições">
            {rows.map((exchange) => (
              <li
                key={exchange.id}
                data-who={exchange.who}
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
          <SendButton send={send} busy={busy} />
          <Totals report={report} />
          {drives(session) && (
            <button
              type="button"
              className="demo__button requests__reset"
              onClick={() => session.client.send({ type: "reset", demo: "requests" })}
              disabled={!report || report.count === 0}
            >
              Zerar
            </button>
          )}
        </div>
      </div>
    </figure>
  );
}

function RoomLane({ exchange, fresh, delay }: { exchange: Exchange; fresh: boolean; delay: number }) {
  return (
    <Lane
      who={exchange.who}
      tag={`nº ${exchange.id}`}
      request={{ label: `${exchange.method} ${exchange.path}`, bytes: formatBytes(exchange.requestBytes) }}
      response={{ label: statusLine(exchange.status), bytes: formatBytes(exchange.responseBytes) }}
      tone={toneOf(exchange.status)}
      fresh={fresh}
      delay={delay}
    />
  );
}

function Totals({ report }: { report: RequestsReport | null }) {
  if (!report || report.count === 0) return <p className="requests__totals" />;
  const plural = report.count === 1 ? "requisição" : "requisições";
  return (
    <p className="requests__totals">
      <span className="requests__count demo__number">{report.count}</span> {plural} · ida{" "}
      <span className="demo__number requests__up">{formatBytes(report.requestBytes)}</span> · volta{" "}
      <span className="demo__number requests__down">{formatBytes(report.responseBytes)}</span>
      {report.refused > 0 ? (
        <>
          {" "}
          · <span className="requests__refused">{report.refused} recusada{report.refused === 1 ? "" : "s"} (429)</span>
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
        <Actors client="Seu celular" server="Servidor" />
        {exchange ? (
          <MyLane key={exchange.key} exchange={exchange} sentAt={sentAt.current} />
        ) : (
          <p className="requests__empty">Aperte o botão: seu navegador manda um GET de verdade ao servidor da sala.</p>
        )}
        {exchange ? <MyDetails exchange={exchange} /> : null}
      </div>
    </figure>
  );
}

function MyLane({ exchange, sentAt }: { exchange: SentExchange; sentAt: number }) {
  const request = { label: "GET …/requests/hello", bytes: exchange.phase === "answered" && exchange.hello ? formatBytes(exchange.hello.requestBytes) : null };
  // The answer waits for the request's arrow to finish crossing, however fast the network was.
  const wait = Math.max(0, TRAVEL_SECONDS - (performance.now() - sentAt) / 1000);
  if (exchange.phase === "sending") return <Lane who="você" request={request} response={null} tone="pending" fresh />;
  if (exchange.phase === "failed") {
    return <Lane who="você" request={request} response={{ label: "sem resposta", bytes: null }} tone="error" fresh responseDelay={wait} />;
  }
  const { response, hello } = exchange;
  return (
    <Lane
      who="você"
      tag={hello ? `nº ${hello.number}` : undefined}
      request={request}
      response={{ label: statusLine(response.status, response.statusText), bytes: formatBytes(response.responseBytes) }}
      tone={toneOf(response.status)}
      fresh
      responseDelay={wait}
    />
  );
}

function MyDetails({ exchange }: { exchange: SentExchange }) {
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
          ? "Enviando…"
          : exchange.phase === "failed"
            ? "Sem resposta: o servidor está fora do ar ou a rede caiu."
            : `${statusLine(response!.status, response!.statusText)} em ${formatMs(response!.roundTripMs)}`}
      </p>
      <dl className="requests__facts">
        <dt>Você enviou</dt>
        <dd>
          <code className="requests__line">{exchange.requestLine}</code>
        </dd>
        {response ? (
          <>
            <dt>Voltou</dt>
            <dd className="requests__stack">
              <code className="requests__line">HTTP/1.1 {statusLine(response.status, response.statusText)}</code>
              <details className="requests__headers">
                <summary>
                  {response.headers.length} cabeçalhos, {formatByteCount(response.responseBytes - response.bodyBytes)} com a linha de status
                </summary>
                <code className="requests__line">{response.headers.map(([name, value]) => `${name}: ${value}`).join("\n")}</code>
              </details>
              <code className="requests__line">{response.body}</code>
            </dd>
            <dt>Bytes</dt>
            <dd>
              {answered?.hello ? (
                <>
                  ida <b className="demo__number">{formatByteCount(answered.hello.requestBytes)}</b> (contados pelo servidor) ·{" "}
                </>
              ) : null}
              volta <b className="demo__number">{formatByteCount(response.responseBytes)}</b> (chegaram aqui)
            </dd>
            <dt>Tempo</dt>
            <dd>
              <b className="demo__number">{formatMs(response.roundTripMs)}</b> de ida e volta, medidos aqui
            </dd>
          </>
        ) : null}
        {answered?.error ? (
          <>
            <dt>Servidor</dt>
            <dd>{answered.error}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
