import type { SensorsReport } from "./samples.ts";
import { CHART_HEIGHT, CHART_WIDTH, polyline, spreadBand, yOf } from "./chart.ts";
import { useStrings } from "../../i18n/react.tsx";
import { sensorsStrings } from "./strings.ts";

const GRID = [90, 45, 0, -45, -90];
/** Distinct hues for the individual traces (the mean is drawn in the text colour, on top). */
const TRACE_COLORS = ["var(--client)", "var(--server)", "var(--accent)", "var(--good)", "var(--bad)"];

/** The room's side tilt over the last seconds: the mean, a ± 1 standard deviation band, a few phones. Static SVG. */
export function TiltChart({ report }: { report: SensorsReport }) {
  const t = useStrings(sensorsStrings);
  const mean = report.series.map((point) => ({ t: point.t, gamma: point.gamma.mean }));
  const seconds = Math.round(report.windowMs / 1000);
  return (
    <figure className="sensors__figure">
      <svg className="sensors__chart" viewBox={`-44 -8 ${CHART_WIDTH + 52} ${CHART_HEIGHT + 16}`} role="img" aria-label={t.chart(seconds)}>
        {GRID.map((gamma) => (
          <g key={gamma}>
            <line className="sensors__grid" x1={0} x2={CHART_WIDTH} y1={yOf(gamma)} y2={yOf(gamma)} />
            <text className="sensors__axis" x={-8} y={yOf(gamma)} textAnchor="end" dominantBaseline="middle">
              {gamma}°
            </text>
          </g>
        ))}
        {report.series.length > 1 && <polygon className="sensors__band" points={spreadBand(report)} />}
        {report.traces.map((trace, i) => (
          <polyline key={trace.phone} className="sensors__trace" stroke={TRACE_COLORS[i % TRACE_COLORS.length]} points={polyline(trace.samples, report.windowMs)} />
        ))}
        {mean.length > 1 && <polyline className="sensors__mean" points={polyline(mean, report.windowMs)} />}
      </svg>
      <figcaption className="sensors__legend">
        <span className="sensors__key sensors__key--mean">{t.mean}</span>
        <span className="sensors__key sensors__key--band">{t.band}</span>
        {report.traces.map((trace, i) => (
          <span key={trace.phone} className="sensors__key" style={{ color: TRACE_COLORS[i % TRACE_COLORS.length] }}>
            {t.phone(trace.phone)}
          </span>
        ))}
        <span className="sensors__when">{t.window(seconds)}</span>
      </figcaption>
    </figure>
  );
}
