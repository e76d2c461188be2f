import { useEffect, useRef, useState } from "react";
import { useReducedMotion } from "framer-motion";
import type { LiveSession } from "../../live/session.ts";
import { drives, showsBoard, useReport, useLinkStatus, useSlideActive } from "../../live/hooks.tsx";
import type { SensorsReport } from "./samples.ts";
import { hasOrientationApi, startOrientation, tiltMessage } from "./orientation.ts";
import { TiltChart } from "./TiltChart.tsx";
import { useStrings } from "../../i18n/react.tsx";
import { sensorsStrings } from "./strings.ts";
import "../../live/notLive.css";
import "./SensorStream.css";
import { liveIsland } from "../../live/island.tsx";

/** A phone sends its tilt at most this often (10 Hz)… */
const SEND_EVERY_MS = 100;
/** …and, while it holds still, once a second, so it keeps counting. */
const KEEPALIVE_MS = 1_000;
/** With reduced motion, the chart redraws once a second instead of with every report. */
const CALM_REDRAW_MS = 1_000;

const degrees = (value: number) => `${value > 0 ? "+" : ""}${value.toFixed(0)}°`;

/**
 * Sensors, live: every phone streams its tilt over the room's socket (the device's orientation
 * sensor, or a slider where there is none) while this slide is on screen; the projector draws
 * the room's mean, spread and a few phones' traces, a few times a second.
 */
export default liveIsland(sensorsStrings, ({ session }) => (showsBoard(session) ? <Board session={session} /> : <Phone session={session} />));

type Source = "none" | "sensor" | "slider";

function Phone({ session }: { session: LiveSession }) {
  const t = useStrings(sensorsStrings);
  const [ref, active] = useSlideActive<HTMLDivElement>();
  const [source, setSource] = useState<Source>("none");
  const [shown, setShown] = useState(0);
  const [status, setStatus] = useState("");
  const tilt = useRef<{ beta: number; gamma: number } | null>(null);
  const stopSensor = useRef<() => void>(() => {});

  const stop = () => {
    stopSensor.current();
    stopSensor.current = () => {};
  };

  // Streams only while the slide is on screen; a phone that moved on stops, sensor included.
  useEffect(() => {
    if (!active) {
      stop();
      setSource((current) => (current === "sensor" ? "none" : current));
      return;
    }
    let sent = "";
    let sentAt = 0;
    const timer = setInterval(() => {
      if (!tilt.current) return;
      const message = tiltMessage(tilt.current.beta, tilt.current.gamma);
      const key = `${message.beta},${message.gamma}`;
      const now = performance.now();
      if (key === sent && now - sentAt < KEEPALIVE_MS) return;
      if (session.client.send(message)) [sent, sentAt] = [key, now];
      setShown(message.gamma);
    }, SEND_EVERY_MS);
    return () => clearInterval(timer);
  }, [active, session]);
  useEffect(() => stop, []);

  const turnOnSensor = async () => {
    setStatus(t.asking);
    const { outcome, stop: stopIt } = await startOrientation((beta, gamma) => (tilt.current = { beta, gamma }));
    if (outcome === "on") {
      stop();
      stopSensor.current = stopIt;
      setSource("sensor");
      setStatus(t.sensorOn);
    } else {
      setSource("slider");
      tilt.current ??= { beta: 0, gamma: 0 };
      setStatus(outcome === "denied" ? t.denied : t.absent);
    }
  };

  const slide = (gamma: number) => {
    if (source === "sensor") stop();
    setSource("slider");
    tilt.current = { beta: 0, gamma };
    setShown(gamma);
  };

  return (
    <div ref={ref} className="demo sensors sensors--phone">
      <p className="demo__hint">{t.phoneHint}</p>
      {hasOrientationApi() && (
        <p className="demo__actions">
          <button type="button" className="demo__button" aria-pressed={source === "sensor"} onClick={() => void turnOnSensor()}>
            {t.useSensor}
          </button>
        </p>
      )}
      <label className="sensors__slider">
        <span className="demo__label">{t.slider}</span>
        <input type="range" min={-90} max={90} step={1} value={shown} disabled={source === "sensor"} onChange={(event) => slide(Number(event.currentTarget.value))} />
      </label>
      <p className="sensors__mine">
        <span className="demo__number sensors__big" data-tilt>
          {source === "none" ? "–" : degrees(shown)}
        </span>{" "}
        {source === "sensor" ? t.bySensor : source === "slider" ? t.bySlider : t.choose}
      </p>
      <p className="demo__hint" role="status">
        {status}
      </p>
    </div>
  );
}

/** The latest report; with reduced motion, at most one new picture a second. */
function useCalmReport(report: SensorsReport | null): SensorsReport | null {
  const reduce = useReducedMotion();
  const [shown, setShown] = useState(report);
  const shownAt = useRef(0);
  useEffect(() => {
    const wait = reduce ? CALM_REDRAW_MS - (Date.now() - shownAt.current) : 0;
    const show = () => {
      shownAt.current = Date.now();
      setShown(report);
    };
    if (wait <= 0) return show();
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [report, reduce]);
  return shown;
}

function Board({ session }: { session: LiveSession }) {
  const t = useStrings(sensorsStrings);
  const report = useCalmReport(useReport(session, "sensors"));
  const online = useLinkStatus(session) === "online";
  const phones = report?.phones ?? 0;
  return (
    <div className="demo sensors">
      <div className="sensors__numbers">
        <p>
          <span className="demo__number sensors__big" data-sensors-phones>
            {phones}
          </span>{" "}
          {t.streaming(phones)}
        </p>
        <p>
          {t.mean} <span className="demo__number sensors__big">{report?.gamma ? degrees(report.gamma.mean) : "–"}</span>
        </p>
        <p>
          {t.spread} <span className="demo__number sensors__big">{report?.gamma ? `${report.gamma.spread.toFixed(0)}°` : "–"}</span>
        </p>
        <p>
          <span className="demo__number sensors__big">{report ? (report.samples / (report.windowMs / 1000)).toFixed(0) : "0"}</span> {t.readings}
        </p>
      </div>
      {report && phones > 0 ? <TiltChart report={report} /> : <p className="demo__hint sensors__empty">{t.empty}</p>}
      {drives(session) && (
        <p className="demo__actions">
          <button type="button" className="demo__button" disabled={!online} onClick={() => session.client.send({ type: "reset", feature: "sensors" })}>
            {t.reset}
          </button>
        </p>
      )}
    </div>
  );
}
