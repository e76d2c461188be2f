import { useEffect, useRef, useState } from "react";
import type { LiveSession } from "../../live/session.ts";
import { showsBoard, useReport, useLinkStatus, useSlideActive } from "../../live/hooks.tsx";
import { distribution } from "./distribution.ts";
import { formatMs, scalePosition, standing } from "./format.ts";
import Histogram from "./Histogram.tsx";
import { PING_PREFIX, RttMeter } from "./meter.ts";
import { isRttReport, type RttAudienceReport, type RttReport } from "./report.ts";
import Sparkline from "./Sparkline.tsx";
import { useLocale, useStrings } from "../../i18n/react.tsx";
import type { Locale } from "../../i18n/locales.ts";
import { rttStrings } from "./strings.ts";
import "./DuplexPing.css";
import { liveIsland } from "../../live/island.tsx";
import { Now, Recorded } from "../record/Recorded.tsx";
import type { RecordedTalk } from "../record/talks.ts";

/** Twice a second: often enough for a live line, far below the room's rate limit (20/s). */
const PING_MS = 500;
/** The room hears this device's median about once a second. */
const REPORT_EVERY_MS = 1000;

/**
 * Full duplex, measured: while its slide is on screen each device pings the room over its
 * WebSocket and times the pongs, and at the same time the server pushes the room's numbers to
 * it, unasked, on the same socket. The projector draws the room's distribution.
 */
export default liveIsland(rttStrings, LivePing, { Recorded: RecordedRoom });

/**
 * Outside a room: the room's distribution at the talks in records/, when the most devices were
 * measuring at once, drawn as the projector draws it live.
 */
function RecordedRoom({ recorded }: { recorded?: RecordedTalk<RttReport>[] }) {
  if (!recorded?.length) return null;
  return (
    <figure className="demo duplex duplex--record" data-role="record">
      <Recorded talks={recorded}>{(report) => <RoomView report={report} />}</Recorded>
    </figure>
  );
}

interface Reading {
  last: number | null;
  current: number | null;
  sent: number;
  answered: number;
  lost: number;
  samples: readonly number[];
  /** Reports the server pushed while this device was pinging. */
  pushes: number;
}

function read(meter: RttMeter, pushes: number): Reading {
  return {
    last: meter.last(),
    current: meter.current(),
    sent: meter.sent,
    answered: meter.answered,
    lost: meter.lost,
    samples: [...meter.samples()],
    pushes,
  };
}

function LivePing({ session }: { session: LiveSession }) {
  const t = useStrings(rttStrings);
  const [ref, active] = useSlideActive<HTMLElement>();
  const status = useLinkStatus(session);
  const [meter] = useState(() => new RttMeter());
  const pushes = useRef(0);
  const measuring = useRef(false);
  const [reading, setReading] = useState<Reading>(() => read(meter, 0));
  const presenter = showsBoard(session); // the room's histogram: presenter or projector screen
  const room = useReport(session, "rtt");

  useEffect(
    () =>
      session.client.onMessage((message) => {
        if (message.type === "pong") {
          // Timed first, before any rendering work, so the sample is the network's and the server's.
          if (message.id.startsWith(PING_PREFIX) && meter.answer(message.id, performance.now()) !== null) {
            setReading(read(meter, pushes.current));
          }
        } else if (message.type === "report" && message.feature === "rtt" && measuring.current) {
          pushes.current += 1;
          setReading(read(meter, pushes.current));
        }
      }),
    [session, meter],
  );

  // The work happens only while the slide is on screen and the socket is up.
  const online = status === "online";
  useEffect(() => {
    measuring.current = active && online;
    if (!active || !online) return;
    const ping = () => {
      const id = meter.nextId();
      const at = performance.now();
      if (session.client.send({ type: "ping", id })) meter.sentAt(id, at);
      meter.expire(performance.now());
      setReading(read(meter, pushes.current));
    };
    const report = () => {
      const ms = meter.current();
      if (ms !== null) session.client.send({ type: "rtt", ms: Math.round(ms * 10) / 10 });
    };
    ping();
    const pinging = setInterval(ping, PING_MS);
    const reporting = setInterval(report, REPORT_EVERY_MS);
    return () => {
      measuring.current = false;
      clearInterval(pinging);
      clearInterval(reporting);
    };
  }, [active, online, session, meter]);

  return (
    <figure className={`demo duplex duplex--${presenter ? "projector" : "phone"}`} ref={ref}>
      {presenter ? <RoomView report={room && isRttReport(room) ? room : null} live /> : null}
      <Me reading={reading} presenter={presenter} online={online} />
      {presenter ? null : <Standing report={room} own={reading.current} />}
      <p className="demo__hint duplex__how">{t.how}</p>
    </figure>
  );
}

/** This device: its round trip, and the two directions of traffic counted side by side. */
function Me({ reading, presenter, online }: { reading: Reading; presenter: boolean; online: boolean }) {
  const t = useStrings(rttStrings);
  const locale = useLocale();
  return (
    <section className="duplex__me" aria-label={presenter ? t.thisComputer : t.thisPhone}>
      <p className="demo__label">{presenter ? t.thisComputer : t.phoneToServer}</p>
      <div className="duplex__now">
        <p className="duplex__big">
          <span className="demo__number" data-rtt>
            {formatMs(reading.current, locale)}
          </span>{" "}
          <span className="duplex__unit">ms</span>
        </p>
        <Sparkline samples={reading.samples} />
      </div>
      <p className="duplex__last">
        {t.lastPings} <span className="demo__number">{formatMs(reading.last, locale)} ms</span>
      </p>
      <dl className="duplex__counts">
        <Count direction="out" label={t.sent} value={reading.sent} hook="sent" />
        <Count direction="in" label={t.answers} value={reading.answered} />
        <Count direction="in" label={t.pushes} value={reading.pushes} hook="pushes" />
      </dl>
      {online ? null : <p className="demo__hint">{t.offlineHint}</p>}
    </section>
  );
}

/** One count of this device's traffic, coloured by its direction; `hook` is the `data-` attribute the tests read it by. */
function Count({ direction, label, value, hook }: { direction: "out" | "in"; label: string; value: number; hook?: "sent" | "pushes" }) {
  return (
    <div data-direction={direction}>
      <dt>{label}</dt>
      <dd className="demo__number" {...(hook ? { [`data-${hook}`]: true } : {})}>
        {value}
      </dd>
    </div>
  );
}

/** A phone: where it sits in the room, from what the server pushed. */
function Standing({ report, own }: { report: RttAudienceReport | null; own: number | null }) {
  const t = useStrings(rttStrings);
  const locale = useLocale();
  if (!report || report.p50 === null) {
    return <p className="duplex__room demo__hint">{t.waiting}</p>;
  }
  return (
    <section className="duplex__room" aria-label={t.room}>
      <p className="duplex__room-line">
        {t.roomHalf} <strong className="demo__number">{formatMs(report.p50, locale)} ms</strong> (p50)
        {report.p95 === null ? null : (
          <>
            , {t.room95} <span className="demo__number">{formatMs(report.p95, locale)} ms</span>
          </>
        )}{" "}
        · <span data-devices>{t.devices(report.count)}</span>
      </p>
      {own === null ? null : <p className="duplex__standing">{t.youAre(t.standing[standing(own, report.p50)])}</p>}
      <Strip own={own} p50={report.p50} />
    </section>
  );
}

const TICKS = [1, 10, 100, 1000] as const;

function at(ms: number): { left: string } {
  return { left: `${(scalePosition(ms) * 100).toFixed(2)}%` };
}

/** This phone against the room's median on one log scale: the sentences above say it in words. */
function Strip({ own, p50 }: { own: number | null; p50: number }) {
  const t = useStrings(rttStrings);
  return (
    <div className="strip" aria-hidden="true">
      <span className="strip__track" />
      {TICKS.map((ms) => (
        <span key={ms} className="strip__tick" style={at(ms)}>
          {ms === 1000 ? "1 s" : `${String(ms)} ms`}
        </span>
      ))}
      <span className="strip__mark strip__mark--p50" style={at(p50)}>
        p50
      </span>
      {own === null ? null : (
        <span className="strip__mark strip__mark--you" style={at(own)}>
          {t.you}
        </span>
      )}
    </div>
  );
}

/** The projector: the room's distribution, live (labelled so), or as a talk's record kept it. */
function RoomView({ report, live = false }: { report: RttReport | null; live?: boolean }) {
  const t = useStrings(rttStrings);
  const locale = useLocale();
  const shown = report ?? { ...distribution([]), phones: 0 };
  return (
    <section className="duplex__projector" aria-label={t.room}>
      {live ? <Now /> : null}
      <div className="duplex__chart">
        <p className="demo__label">{t.chartLabel}</p>
        <Histogram buckets={shown.buckets} />
      </div>
      <dl className="duplex__stats">
        {roomStats(shown, t, locale).map(({ stat, label, value, unit, note }) => (
          <div key={stat}>
            <dt>{label}</dt>
            <dd className="demo__number" data-stat={stat}>
              {value}
              {unit ? <span className="duplex__unit">{` ${unit}`}</span> : null}
            </dd>
            {note ? (
              <dd className="duplex__phones" data-stat={note.stat}>
                {note.text}
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One number under the projector's histogram. */
interface RoomStat {
  /** Its `data-stat`: how the tests find it. */
  stat: string;
  label: string;
  value: string;
  unit?: string;
  /** A second line under the number, with its own `data-stat`. */
  note?: { stat: string; text: string };
}

function roomStats(report: RttReport, t: (typeof rttStrings)[Locale], locale: Locale): RoomStat[] {
  return [
    { stat: "p50", label: "p50", value: formatMs(report.p50, locale), unit: "ms" },
    { stat: "p95", label: "p95", value: formatMs(report.p95, locale), unit: "ms" },
    { stat: "max", label: t.worst, value: formatMs(report.max, locale), unit: "ms" },
    {
      stat: "count",
      label: t.deviceCount,
      value: String(report.count),
      note: { stat: "phones", text: t.phones(report.phones) },
    },
  ];
}
