import type { CSSProperties } from "react";
import { m } from "framer-motion";
import { useSlideStep } from "../live/useSlide.ts";
import { EASE_OUT, stepAttribute, useMotionPreference, useReveal } from "./motion.tsx";
import { barScale, formatTick, type BarScaleKind } from "./barScale.ts";
import { useLocale, useStrings } from "../i18n/react.tsx";
import { diagramsStrings } from "./strings.ts";
import { diagramIsland } from "./island.tsx";
import "./diagrams.css";
import "./BarCompare.css";

export type BarTone = "client" | "server" | "accent" | "muted";

export interface BarItem {
  label: string;
  /** The quantity that sets the bar's length (≥ 0). */
  value: number;
  /** Exactly the text shown for the value, e.g. "871 bytes". */
  display: string;
  /** Default "accent". */
  tone?: BarTone;
  /** The slide step at which the bar appears and grows; 0 or absent = from the start. */
  step?: number;
}

export interface BarCompareProps {
  items: readonly BarItem[];
  /** "log" for values orders of magnitude apart (871 vs 2). Default "linear". */
  scale?: BarScaleKind;
  /** Unit of `value`, named under the chart (e.g. "bytes", "Mbit/s"). */
  unit?: string;
  caption?: string;
}

export default diagramIsland(BarCompareFigure);

function BarCompareFigure({ items, scale = "linear", unit, caption }: BarCompareProps) {
  const t = useStrings(diagramsStrings).bars;
  const locale = useLocale();
  const [ref, step] = useSlideStep<HTMLElement>();
  const { widths, ticks } = barScale(
    items.map((item) => item.value),
    scale,
  );
  const log = scale === "log";
  // Tick values are in the unit of `value`, which may differ from the `display` texts: number
  // the ticks only when the author names that unit.
  const labelTicks = unit !== undefined && unit !== "";
  const note = log ? t.log(unit) : unit ? t.unit(unit) : null;
  const rows = { "--bars-rows": items.length } as CSSProperties;

  return (
    <figure
      ref={ref}
      className={`diagram bars${log ? " bars--log" : ""}${labelTicks && ticks.length > 0 ? " bars--ticks" : ""}`}
    >
      <ul className="bars__chart" style={rows}>
        {ticks.length > 0 ? (
          <li className="bars__grid" aria-hidden="true">
            {ticks.map((tick) => (
              <span
                key={tick.value}
                className="bars__tick"
                style={{ left: `${String(tick.position * 100)}%` }}
              >
                {labelTicks ? <span className="bars__tick-label">{formatTick(tick.value, locale)}</span> : null}
              </span>
            ))}
          </li>
        ) : null}
        {items.map((item, index) => (
          <Bar key={index} item={item} index={index} width={widths[index] ?? 0} step={step} />
        ))}
      </ul>
      {note ? <p className="diagram__note bars__note">{note}</p> : null}
      {caption ? <figcaption className="diagram__caption">{caption}</figcaption> : null}
    </figure>
  );
}

function Bar({ item, index, width, step }: { item: BarItem; index: number; width: number; step: number }) {
  const { transition } = useMotionPreference();
  const { shown, delay } = useReveal(step, item.step);
  return (
    <li
      className={`bars__item bars__item--${item.tone ?? "accent"}`}
      data-step={stepAttribute(item.step)}
      style={{ gridRow: index + 1 }}
    >
      <span className="bars__label">{item.label}</span>
      <span className="bars__track" aria-hidden="true">
        <m.span
          className="bars__bar"
          style={{ width: `${String(width * 100)}%` }}
          initial={false}
          animate={{ scaleX: shown ? 1 : 0 }}
          transition={transition(
            shown ? { duration: 1, ease: EASE_OUT, delay: 0.1 + delay } : { duration: 0.2, ease: "easeOut" },
          )}
        />
      </span>
      <span className="bars__value">
        <span className="sr-only">: </span>
        {item.display}
      </span>
    </li>
  );
}
