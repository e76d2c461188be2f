import type { ReactNode } from "react";
import type { LiveSession } from "../../live/session.ts";
import { LANES, type Lane } from "../../room/protocol.ts";
import { drives, useLabReport } from "../live.tsx";
import { formatBytes, formatCount, formatMs, orDash } from "../format.ts";
import { LANE_TEXT } from "./labels.ts";
import type { DeliveryReport } from "./report.ts";
import type { LaneReport } from "./stats.ts";

/** websocket.org's 2010 example (Lubbers & Greco): header bytes of one polling exchange, and of one frame. */
const WEBSOCKET_ORG = { exchange: 871, frame: 2 };

interface Row {
  key: string;
  label: string;
  cell(lane: LaneReport, report: DeliveryReport): ReactNode;
  big?: boolean;
}

const ROWS: readonly Row[] = [
  { key: "phones", label: "celulares", cell: (lane) => formatCount(lane.phones) },
  {
    key: "messages",
    label: "mensagens",
    cell: (lane, report) =>
      lane.lane === "ws" ? (
        <>
          {formatCount(lane.frames)} <small>frames</small>
        </>
      ) : (
        <>
          {formatCount(lane.requests)}{" "}
          <small>
            req. · {formatCount(lane.empty)} vazias
            {lane.lane === "longpoll" && report.held > 0 ? ` · ${formatCount(report.held)} em espera` : ""}
          </small>
        </>
      ),
  },
  { key: "bytes", label: "bytes no fio", cell: (lane) => formatBytes(lane.bytesUp + lane.bytesDown) },
  { key: "per-event", label: "bytes por evento", cell: (lane) => orDash(lane.bytesPerEvent, formatBytes), big: true },
  { key: "latency-mean", label: "latência média", cell: (lane) => orDash(lane.latency.mean, formatMs), big: true },
  { key: "latency-max", label: "latência pior", cell: (lane) => orDash(lane.latency.max, formatMs) },
];

function StreamControls({ session, report }: { session: LiveSession; report: DeliveryReport | null }) {
  const send = (action: "start" | "stop" | "fire") => session.client.send({ type: "stream", action });
  const running = report?.running ?? false;
  return (
    <div className="demo__actions delivery__controls">
      {drives(session) && (
        <>
          <button type="button" className="demo__button" onClick={() => send(running ? "stop" : "start")}>
            {running ? "Parar" : "Iniciar"}
          </button>
          <button type="button" className="demo__button" onClick={() => send("fire")}>
            Disparar evento
          </button>
          <button type="button" className="demo__button" onClick={() => session.client.send({ type: "reset", demo: "delivery" })}>
            Zerar
          </button>
        </>
      )}
      <span className="demo__hint" data-delivery-status>
        {running ? "Rodando, um evento a cada ~3 s" : "Parado"}
        {report?.last ? ` · último: #${report.last.id}` : ""}
      </span>
    </div>
  );
}

/** Our header bytes per message (per request + response, per frame) next to websocket.org's. */
function Comparison({ lanes }: { lanes: Record<Lane, LaneReport> | null }) {
  const ours = (lane: Lane) => orDash(lanes?.[lane].headerBytesPerMessage ?? null, formatBytes);
  return (
    <p className="delivery__compare" data-delivery-compare>
      <span>
        websocket.org, 2010: <strong>{WEBSOCKET_ORG.exchange} B</strong> de cabeçalhos por requisição + resposta ×{" "}
        <strong>{WEBSOCKET_ORG.frame} B</strong> por frame.
      </span>{" "}
      <span>
        Aqui, agora: <strong className="server">{ours("poll")}</strong> (polling) · <strong className="server">{ours("longpoll")}</strong>{" "}
        (long polling) × <strong className="client">{ours("ws")}</strong> (WebSocket).
      </span>
    </p>
  );
}

/** The projector: the ticker's buttons and, per technique, what delivering the stream cost. */
export function DeliveryBoard({ session }: { session: LiveSession }) {
  const report = useLabReport<DeliveryReport>(session, "delivery");
  const lanes = report?.lanes ?? null;
  return (
    <div className="delivery-board">
      <StreamControls session={session} report={report} />
      <table className="delivery__table">
        <caption className="demo__label">Medido no servidor, ao vivo (cabeçalhos contados como HTTP/1.1)</caption>
        <thead>
          <tr>
            <td />
            {LANES.map((lane) => (
              <th key={lane} scope="col" data-lane={lane}>
                {LANE_TEXT[lane].name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.key} className={row.big ? "delivery__big" : undefined}>
              <th scope="row">{row.label}</th>
              {LANES.map((lane) => (
                <td key={lane} className="demo__number" data-lane={lane} data-cell={row.key}>
                  {report ? row.cell(report.lanes[lane], report) : "—"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Comparison lanes={lanes} />
    </div>
  );
}
