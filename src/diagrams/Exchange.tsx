import type { CSSProperties } from "react";
import { m } from "framer-motion";
import { useSlideStep } from "../live/useSlide.ts";
import { stepAttribute, useMotionPreference, useReveal } from "./motion.tsx";
import { exchangeLayout, type ExchangeMessage, type ExchangeRow, type Side } from "./exchangeLayout.ts";
import { useStrings } from "../i18n/react.tsx";
import { diagramsStrings } from "./strings.ts";
import { diagramIsland } from "./island.tsx";
import "./diagrams.css";
import "./Exchange.css";

export type { ExchangeMessage, MessageKind, Side } from "./exchangeLayout.ts";

export interface ExchangeProps {
  /** The messages, top to bottom. */
  messages: readonly ExchangeMessage[];
  /** "websocket" draws the open connection from the first frame down. Default "http". */
  channel?: "http" | "websocket";
  /** Default "Cliente" ("Client" in English). */
  clientLabel?: string;
  /** Default "Servidor" ("Server" in English). */
  serverLabel?: string;
  caption?: string;
}

const DRAW_SECONDS = 0.75;

export default diagramIsland(ExchangeFigure);

function ExchangeFigure({
  messages,
  channel = "http",
  clientLabel: clientName,
  serverLabel: serverName,
  caption,
}: ExchangeProps) {
  const t = useStrings(diagramsStrings).exchange;
  const clientLabel = clientName ?? t.client;
  const serverLabel = serverName ?? t.server;
  const [ref, step] = useSlideStep<HTMLElement>();
  const layout = exchangeLayout(messages, channel, Boolean(caption));
  const { rows, held, tubeFrom } = layout;
  const names: Record<Side, string> = { client: clientLabel, server: serverLabel };
  // Grid rows: 1 = actors, then one per message, then the connection's label when there is one.
  const lastLine = rows.length + 2 + (tubeFrom === null ? 0 : 1);
  const style = { "--exchange-scale": layout.scale } as CSSProperties;

  return (
    <figure
      ref={ref}
      className={`diagram exchange${layout.compact ? " exchange--compact" : ""}`}
      data-channel={channel}
      style={style}
    >
      <div className="exchange__drawing" aria-hidden="true">
        <div className="exchange__actor exchange__actor--client">{clientLabel}</div>
        <div className="exchange__actor exchange__actor--server">{serverLabel}</div>
        <div
          className="exchange__lifeline exchange__lifeline--client"
          style={{ gridRow: `2 / ${String(lastLine)}` }}
        />
        <div
          className="exchange__lifeline exchange__lifeline--server"
          style={{ gridRow: `2 / ${String(lastLine)}` }}
        />
        {tubeFrom === null ? null : (
          <div
            className="exchange__tube"
            data-step={stepAttribute(layout.tubeStep)}
            style={{ gridRow: `${String(tubeFrom + 2)} / ${String(lastLine)}` }}
          />
        )}
        {tubeFrom === null ? null : (
          <div
            className="exchange__tube-label"
            data-step={stepAttribute(layout.tubeStep)}
            style={{ gridRow: String(lastLine - 1) }}
          >
            {t.tube}
          </div>
        )}
        {held.map((span) => (
          <div
            key={`held-${String(span.through)}`}
            className={`exchange__held${span.to === null ? " exchange__held--open" : ""}`}
            data-step={stepAttribute(span.step)}
            style={{
              gridRow: `${String(span.from + 2)} / ${String((span.to === null ? rows.length - 1 : span.through) + 3)}`,
            }}
          />
        ))}
        {held.map((span) =>
          span.to !== null && span.to > span.through + 1 ? (
            <div
              key={`held-gap-${String(span.through)}`}
              className="exchange__held exchange__held--gap"
              data-step={stepAttribute(span.answerStep)}
              style={{ gridRow: `${String(span.through + 3)} / ${String(span.to + 2)}` }}
            />
          ) : null,
        )}
        {rows.map((row) => (
          <Arrow
            key={row.index}
            row={row}
            step={step}
            answersHold={held.some((span) => span.to === row.index)}
            opensTube={row.index === tubeFrom}
          />
        ))}
      </div>
      <div className="sr-only">
        <p>{t.intro(clientLabel, serverLabel)}</p>
        <ol>
          {rows.map((row) => (
            <li key={row.index} data-step={stepAttribute(row.step)}>
              {row.kind === "held" && row.from === "server"
                ? `${names.server}: ${row.label}`
                : t.message(names[row.from], names[row.to], row.label)}
              {row.detail ? ` (${row.detail})` : ""}
              {t.kinds[row.kind]}
            </li>
          ))}
        </ol>
        {tubeFrom === null ? null : (
          <p data-step={stepAttribute(layout.tubeStep)}>
            {t.tubeFrom(tubeFrom + 1)}
          </p>
        )}
      </div>
      {caption ? <figcaption className="diagram__caption">{caption}</figcaption> : null}
    </figure>
  );
}

interface ArrowProps {
  row: ExchangeRow;
  step: number;
  /** This row is the server's answer to a held request: the busy bar ends at its arrow. */
  answersHold: boolean;
  /** The WebSocket connection's band starts at this row. */
  opensTube: boolean;
}

function Arrow({ row, step, answersHold, opensTube }: ArrowProps) {
  const { reduce, transition } = useMotionPreference();
  const { shown, arrivals, delay } = useReveal(step, row.step);
  const rightward = row.from === "client";
  const hidden = rightward ? "inset(-50% 100% -50% 0%)" : "inset(-50% 0% -50% 100%)";
  const drawn = "inset(-50% 0% -50% 0%)";
  // A server row marked "held" is the server waiting, not a message: no arrow crosses.
  const waiting = row.kind === "held" && row.from === "server";

  return (
    <div
      className={`exchange__row exchange__row--${row.kind} exchange__row--from-${row.from}${
        waiting ? " exchange__row--waiting" : ""
      }${opensTube ? " exchange__row--opens-tube" : ""}`}
      data-step={stepAttribute(row.step)}
      style={{ gridRow: row.index + 2 }}
    >
      {answersHold ? <span className="exchange__held exchange__held--end" /> : null}
      <div className="exchange__label">{row.label}</div>
      <div className="exchange__track">
        {waiting ? (
          <span className="exchange__wait">
            <span />
            <span />
            <span />
          </span>
        ) : (
          <m.div
            className="exchange__arrow"
            initial={false}
            animate={{ clipPath: shown ? drawn : hidden }}
            transition={transition(
              shown
                ? { duration: DRAW_SECONDS, ease: "easeInOut", delay }
                : { duration: 0.2, ease: "easeOut" },
            )}
          >
            <span className="exchange__shaft" />
            <span className="exchange__head" />
          </m.div>
        )}
        {arrivals > 0 && !reduce && !waiting ? (
          <m.span
            key={arrivals}
            className="diagram__packet exchange__packet"
            initial={{ left: rightward ? "0%" : "100%", opacity: 0 }}
            animate={{ left: rightward ? "100%" : "0%", opacity: [0, 1, 1, 0] }}
            transition={{
              left: { duration: DRAW_SECONDS, ease: "easeInOut", delay },
              opacity: { duration: DRAW_SECONDS + 0.35, times: [0, 0.12, 0.7, 1], delay },
            }}
          />
        ) : null}
      </div>
      {row.detail ? <div className="exchange__detail">{row.detail}</div> : null}
    </div>
  );
}
