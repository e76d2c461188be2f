import { useEffect, useRef, useState } from "react";
import type { LiveSession } from "../../live/session.ts";
import { NotLive, showsBoard, useLabReport, useLinkStatus, useLiveSession, useSlideActive } from "../live.tsx";
import { distribution } from "./distribution.ts";
import { formatMs, scalePosition, standing, STANDING_TEXT } from "./format.ts";
import Histogram from "./Histogram.tsx";
import { PING_PREFIX, RttMeter } from "./meter.ts";
import type { RttAudienceReport, RttReport } from "./report.ts";
import Sparkline from "./Sparkline.tsx";
import "./DuplexPing.css";

/** Twice a second: often enough for a live line, far below the room's rate limit (20/s). */
const PING_MS = 500;
/** The room hears this device's median about once a second. */
const REPORT_EVERY_MS = 1000;

/**
 * Full duplex, measured: while its slide is on screen each device pings the room over its
 * WebSocket and times the pongs, and at the same time the server pushes the room's numbers to
 * it, unasked, on the same socket. The projector draws the room's distribution.
 */
export default function DuplexPing() {
  const session = useLiveSession();
  if (!session) {
    return (
      <NotLive>
        <p>
          Ao vivo, cada celular mede aqui, duas vezes por segundo, quanto um ping leva para ir ao servidor e voltar pelo
          WebSocket da sala, enquanto o servidor, pelo mesmo socket e ao mesmo tempo, empurra para ele a mediana da sala. O
          projetor mostra a distribuição: quantos aparelhos em cada faixa (de &lt;10 ms a ≥500 ms), a mediana (p50), o p95 e o
          pior tempo.
        </p>
      </NotLive>
    );
  }
  return <LivePing session={session} />;
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
  const [ref, active] = useSlideActive<HTMLElement>();
  const status = useLinkStatus(session);
  const [meter] = useState(() => new RttMeter());
  const pushes = useRef(0);
  const measuring = useRef(false);
  const [reading, setReading] = useState<Reading>(() => read(meter, 0));
  const presenter = showsBoard(session); // the room's histogram: presenter or projector screen
  const room = useLabReport<RttReport | RttAudienceReport>(session, "rtt");

  useEffect(
    () =>
      session.client.onMessage((message) => {
        if (message.type === "pong") {
          // Timed first, before any rendering work, so the sample is the network's and the server's.
          if (message.id.startsWith(PING_PREFIX) && meter.answer(message.id, performance.now()) !== null) {
            setReading(read(meter, pushes.current));
          }
        } else if (message.type === "lab" && message.demo === "rtt" && measuring.current) {
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
      {presenter ? <RoomView report={room as RttReport | null} /> : null}
      <Me reading={reading} presenter={presenter} online={online} />
      {presenter ? null : <Standing report={room} own={reading.current} />}
      <p className="demo__hint duplex__how">
        Cada aparelho manda 2 pings por segundo e mede a volta; pelo mesmo WebSocket, ao mesmo tempo, o servidor empurra os
        números da sala sem ninguém pedir.
      </p>
    </figure>
  );
}

/** This device: its round trip, and the two directions of traffic counted side by side. */
function Me({ reading, presenter, online }: { reading: Reading; presenter: boolean; online: boolean }) {
  return (
    <section className="duplex__me" aria-label={presenter ? "Este computador" : "Este celular"}>
      <p className="demo__label">{presenter ? "Este computador" : "Seu celular ↔ servidor"}</p>
      <div className="duplex__now">
        <p className="duplex__big">
          <span className="demo__number" data-rtt>
            {formatMs(reading.current)}
          </span>{" "}
          <span className="duplex__unit">ms</span>
        </p>
        <Sparkline samples={reading.samples} />
      </div>
      <p className="duplex__last">
        mediana dos últimos 5 pings · o último: <span className="demo__number">{formatMs(reading.last)} ms</span>
      </p>
      <dl className="duplex__counts">
        <div data-direction="out">
          <dt>↑ pings enviados</dt>
          <dd className="demo__number" data-sent>
            {reading.sent}
          </dd>
        </div>
        <div data-direction="in">
          <dt>↓ respostas</dt>
          <dd className="demo__number">{reading.answered}</dd>
        </div>
        <div data-direction="in">
          <dt>↓ empurrões do servidor</dt>
          <dd className="demo__number" data-pushes>
            {reading.pushes}
          </dd>
        </div>
      </dl>
      {online ? null : <p className="demo__hint">Sem conexão com a sala: as medições voltam quando ela voltar.</p>}
    </section>
  );
}

/** A phone: where it sits in the room, from what the server pushed. */
function Standing({ report, own }: { report: RttAudienceReport | null; own: number | null }) {
  if (!report || report.p50 === null) {
    return <p className="duplex__room demo__hint">Esperando os números da sala…</p>;
  }
  return (
    <section className="duplex__room" aria-label="A sala">
      <p className="duplex__room-line">
        Sala: metade responde em até <strong className="demo__number">{formatMs(report.p50)} ms</strong> (p50)
        {report.p95 === null ? null : (
          <>
            , 95% em até <span className="demo__number">{formatMs(report.p95)} ms</span>
          </>
        )}{" "}
        · <span data-devices>{devices(report.count)}</span>
      </p>
      {own === null ? null : <p className="duplex__standing">Você está {STANDING_TEXT[standing(own, report.p50)]}.</p>}
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
          você
        </span>
      )}
    </div>
  );
}

/** The projector: the room's distribution, live. */
function RoomView({ report }: { report: RttReport | null }) {
  const shown = report ?? { ...distribution([]), phones: 0 };
  return (
    <section className="duplex__projector" aria-label="A sala">
      <div className="duplex__chart">
        <p className="demo__label">Ida e volta de cada aparelho (ms)</p>
        <Histogram buckets={shown.buckets} />
      </div>
      <dl className="duplex__stats">
        {roomStats(shown).map(({ stat, label, value, unit, note }) => (
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

function roomStats(report: RttReport): RoomStat[] {
  return [
    { stat: "p50", label: "p50", value: formatMs(report.p50), unit: "ms" },
    { stat: "p95", label: "p95", value: formatMs(report.p95), unit: "ms" },
    { stat: "max", label: "pior", value: formatMs(report.max), unit: "ms" },
    {
      stat: "count",
      label: "aparelhos",
      value: String(report.count),
      note: { stat: "phones", text: report.phones === 1 ? "1 celular" : `${String(report.phones)} celulares` },
    },
  ];
}

function devices(count: number): string {
  return count === 1 ? "1 aparelho medindo" : `${String(count)} aparelhos medindo`;
}
