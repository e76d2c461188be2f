import type { ReactNode } from "react";
import { useLocale, useStrings } from "../../i18n/react.tsx";
import type { Locale } from "../../i18n/locales.ts";
import type { LiveSession } from "../../live/session.ts";
import { LANES, type Lane } from "./protocol.ts";
import { drives, useReport } from "../../live/hooks.tsx";
import { formatBytes, formatCount, formatMs, orDash } from "../measure/format.ts";
import type { DeliveryReport } from "./report.ts";
import type { LaneReport } from "./stats.ts";
import { deliveryStrings } from "./strings.ts";
import { Now } from "../record/Recorded.tsx";

/** websocket.org's 2010 example (Lubbers & Greco): header bytes of one polling exchange, and of one frame. */
const WEBSOCKET_ORG = { exchange: 871, frame: 2 };

type Texts = (typeof deliveryStrings)[Locale];

/** A lane's totals as the table draws them: the live report's, or a talk's record (which has no phones watching now). */
export type LaneTotals = Omit<LaneReport, "lane" | "phones">;
type ShownLane = LaneTotals & { phones?: number };

/** What a cell is drawn with besides its lane's totals: which lane, the long polls held now, and the screen's language. */
interface Context {
  lane: Lane;
  held: number;
  t: Texts;
  locale: Locale;
}

interface Row {
  key: keyof Texts["rows"];
  cell(lane: ShownLane, context: Context): ReactNode;
  big?: boolean;
}

const ROWS: readonly Row[] = [
  { key: "phones", cell: (lane, { locale }) => (lane.phones === undefined ? "—" : formatCount(lane.phones, locale)) },
  {
    key: "messages",
    cell: (lane, { lane: name, held, t, locale }) =>
      name === "ws" ? (
        <>
          {formatCount(lane.frames, locale)} <small>{t.frames}</small>
        </>
      ) : (
        <>
          {formatCount(lane.requests, locale)}{" "}
          <small>
            {t.requests} · {t.empty(formatCount(lane.empty, locale))}
            {name === "longpoll" && held > 0 ? ` · ${t.held(formatCount(held, locale))}` : ""}
          </small>
        </>
      ),
  },
  { key: "bytes", cell: (lane, { locale }) => formatBytes(lane.bytesUp + lane.bytesDown, locale) },
  { key: "per-event", cell: (lane, { locale }) => orDash(lane.bytesPerEvent, (n) => formatBytes(n, locale)), big: true },
  { key: "latency-mean", cell: (lane, { locale }) => orDash(lane.latency.mean, (n) => formatMs(n, locale)), big: true },
  { key: "latency-max", cell: (lane, { locale }) => orDash(lane.latency.max, (n) => formatMs(n, locale)) },
];

function StreamControls({ session, report }: { session: LiveSession; report: DeliveryReport | null }) {
  const t = useStrings(deliveryStrings);
  const send = (action: "start" | "stop" | "fire") => session.client.send({ type: "stream", action });
  const running = report?.running ?? false;
  return (
    <div className="demo__actions delivery__controls">
      {drives(session) && (
        <>
          <button type="button" className="demo__button" onClick={() => send(running ? "stop" : "start")}>
            {running ? t.stop : t.start}
          </button>
          <button type="button" className="demo__button" onClick={() => send("fire")}>
            {t.fire}
          </button>
          <button type="button" className="demo__button" onClick={() => session.client.send({ type: "reset", feature: "delivery" })}>
            {t.reset}
          </button>
        </>
      )}
      <span className="demo__hint" data-delivery-status>
        {running ? t.running : t.stopped}
        {report?.last ? ` · ${t.last(report.last.id)}` : ""}
      </span>
    </div>
  );
}

/** Our header bytes per message (per request + response, per frame) next to websocket.org's; `label` says whose. */
function Comparison({ lanes, label }: { lanes: Record<Lane, ShownLane> | null; label: string }) {
  const locale = useLocale();
  const t = useStrings(deliveryStrings);
  const ours = (lane: Lane) => orDash(lanes?.[lane].headerBytesPerMessage ?? null, (n) => formatBytes(n, locale));
  return (
    <p className="delivery__compare" data-delivery-compare>
      <span>
        websocket.org, 2010: <strong>{WEBSOCKET_ORG.exchange} B</strong> {t.thenHeaders}{" "}
        <strong>{WEBSOCKET_ORG.frame} B</strong> {t.thenFrame}
      </span>{" "}
      <span>
        {label} <strong className="server">{ours("poll")}</strong> (polling) · <strong className="server">{ours("longpoll")}</strong>{" "}
        (long polling) × <strong className="client">{ours("ws")}</strong> (WebSocket).
      </span>
    </p>
  );
}

/** The projector: the ticker's buttons and, per technique, what delivering the stream cost. */
export function DeliveryBoard({ session }: { session: LiveSession }) {
  const t = useStrings(deliveryStrings);
  const report = useReport(session, "delivery");
  return (
    <div className="delivery-board">
      <Now />
      <StreamControls session={session} report={report} />
      <DeliveryTable lanes={report?.lanes ?? null} held={report?.held ?? 0} caption={t.caption} />
      <Comparison lanes={report?.lanes ?? null} label={t.now} />
    </div>
  );
}

/** A talk's record: the three lanes' totals when the talk ended (no phones watching any more, so no such row). */
export function RecordedDelivery({ lanes }: { lanes: Record<Lane, LaneTotals> }) {
  const t = useStrings(deliveryStrings);
  return (
    <div className="delivery-board delivery-board--record">
      <DeliveryTable lanes={lanes} held={0} caption={t.recordCaption} rows={ROWS.filter((row) => row.key !== "phones")} />
      <Comparison lanes={lanes} label={t.atTalk} />
    </div>
  );
}

function DeliveryTable({ lanes, held, caption, rows = ROWS }: { lanes: Record<Lane, ShownLane> | null; held: number; caption: string; rows?: readonly Row[] }) {
  const locale = useLocale();
  const t = useStrings(deliveryStrings);
  return (
    <table className="delivery__table">
      <caption className="demo__label">{caption}</caption>
      <thead>
        <tr>
          <td />
          {LANES.map((lane) => (
            <th key={lane} scope="col" data-lane={lane}>
              {t.lanes[lane].name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.big ? "delivery__big" : undefined}>
            <th scope="row">{t.rows[row.key]}</th>
            {LANES.map((lane) => (
              <td key={lane} className="demo__number" data-lane={lane} data-cell={row.key}>
                {lanes ? row.cell(lanes[lane], { lane, held, t, locale }) : "—"}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
