import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import FrameHeader from "../../diagrams/FrameHeader.tsx";
import type { LiveSession } from "../../live/session.ts";
import { useLinkStatus, useSlideActive } from "../../live/hooks.tsx";
import {
  NO_TOTALS,
  WIRE_PING_PREFIX,
  addToTotals,
  clockTime,
  isCompressed,
  keepLatest,
  selectedRow,
  wireRow,
  type WireRow,
  type WireTotals,
} from "./frames.ts";
import { useLocale, useStrings } from "../../i18n/react.tsx";
import { htmlLang, type Locale } from "../../i18n/locales.ts";
import { wireStrings } from "./strings.ts";
import "./WireInspector.css";
import { liveIsland } from "../../live/island.tsx";

type Texts = (typeof wireStrings)[Locale];

/** Byte counts with the locale's thousands separator ("1.234" / "1,234"). */
function useBytes(): Intl.NumberFormat {
  const locale = useLocale();
  return useMemo(() => new Intl.NumberFormat(htmlLang[locale]), [locale]);
}

/** How long the list waits after a frame before it redraws (ms). */
const RENDER_DELAY_MS = 150;

/** The sample drawn outside a room: the ping this slide's button sends, as a phone sends it. */
const SAMPLE_PING = '{"type":"ping","id":"wire1"}';

/**
 * The wire, live: every text frame this device's room socket sends (↑, masked by the browser)
 * and receives (↓), with what its RFC 6455 header cost, and one of them drawn bit by bit.
 * Client-side only: each device inspects its own socket.
 */
export default liveIsland(wireStrings, LiveWire, SampleFrame);

/** Outside a room: the frame a ping would make, bit by bit. */
function SampleFrame() {
  const t = useStrings(wireStrings);
  return <FrameHeader payloadLength={SAMPLE_PING.length} masked caption={t.sampleCaption(SAMPLE_PING)} />;
}

interface Wire {
  rows: WireRow[];
  totals: WireTotals;
}

function LiveWire({ session }: { session: LiveSession }) {
  const t = useStrings(wireStrings);
  const locale = useLocale();
  const bytes = useBytes();
  const [ref, active] = useSlideActive<HTMLElement>();
  const status = useLinkStatus(session);
  // Frames are recorded from the moment the island mounts (coming back to the slide, the frames
  // sent meanwhile are listed), but the list only re-renders while the slide is on screen.
  const wire = useRef<Wire>({ rows: [], totals: NO_TOTALS });
  const activeNow = useRef(active);
  const [shown, setShown] = useState<Wire>(wire.current);
  const [picked, setPicked] = useState<number | null>(null);
  const pings = useRef(0);
  const listLabel = useId();

  useEffect(() => {
    let next = 1;
    let render: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = session.client.onFrame((frame) => {
      const row = wireRow(frame, next++, locale);
      wire.current = { rows: keepLatest(wire.current.rows, row), totals: addToTotals(wire.current.totals, row) };
      // Drawing a frame takes a few tens of ms; a pong arriving meanwhile would wait and get a
      // late timestamp. Waiting a moment lets a ping and its pong be timed first, drawn together.
      if (activeNow.current && render === undefined) {
        render = setTimeout(() => {
          render = undefined;
          setShown(wire.current);
        }, RENDER_DELAY_MS);
      }
    });
    return () => {
      clearTimeout(render);
      unsubscribe();
    };
  }, [session, locale]);

  useEffect(() => {
    activeNow.current = active;
    if (active) setShown(wire.current);
  }, [active]);

  const online = status === "online";
  const ping = useCallback(() => {
    pings.current += 1;
    session.client.send({ type: "ping", id: `${WIRE_PING_PREFIX}${String(pings.current)}` });
  }, [session]);
  const sync = useCallback(() => session.client.send({ type: "sync" }), [session]);

  const selected = selectedRow(shown.rows, picked);
  const following = picked === null || selected?.id !== picked;
  const extensions = session.client.extensions();
  const compressed = isCompressed(extensions);

  return (
    <figure className="demo wire" ref={ref}>
      <div className="wire__top">
        <p className="demo__actions">
          <button type="button" className="demo__button" onClick={ping} disabled={!online}>
            {t.ping}
          </button>
          <button type="button" className="demo__button" onClick={sync} disabled={!online}>
            {t.sync}
          </button>
        </p>
        <Totals totals={shown.totals} />
      </div>

      <div className="wire__frame">
        {selected ? (
          <>
            <FrameHeader payloadLength={selected.payloadBytes} masked={selected.masked} caption={frameCaption(selected, t, bytes)} />
            <p className="wire__note">
              {selected.masked ? t.maskedNote : t.unmaskedNote}
            </p>
          </>
        ) : (
          <p className="wire__empty">{t.noDrawing}</p>
        )}
        <p className="wire__note" data-compressed={compressed}>
          {t.extensions} <code>{extensions || t.noExtensions}</code>. {compressed ? t.compressed : t.uncompressed}
        </p>
      </div>

      <div className="wire__list">
        <p className="demo__hint" id={listLabel}>
          {t.listHint}
        </p>
        {shown.rows.length === 0 ? (
          <p className="wire__empty">{t.noFrames}</p>
        ) : (
          <ol className="wire__rows" aria-labelledby={listLabel}>
            {shown.rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className="wire__row"
                  data-direction={row.direction}
                  aria-pressed={row.id === selected?.id}
                  aria-label={rowLabel(row, t, bytes)}
                  onClick={() => setPicked(row.id)}
                >
                  <span className="wire__dir" aria-hidden="true">
                    {row.direction === "out" ? "↑" : "↓"}
                  </span>
                  <span className="wire__time demo__number">{clockTime(row.at)}</span>
                  <span className="wire__type">
                    {row.type}
                    {row.detail ? <span className="wire__detail"> {row.detail}</span> : null}
                  </span>
                  <span className="wire__bytes demo__number">
                    {bytes.format(row.payloadBytes)} + <strong>{row.headerBytes}</strong> B
                  </span>
                </button>
              </li>
            ))}
          </ol>
        )}
        {following ? null : (
          <p className="demo__actions">
            <button type="button" className="demo__button" onClick={() => setPicked(null)}>
              {t.latest}
            </button>
          </p>
        )}
      </div>
    </figure>
  );
}

/** The two directions, in the order the totals read: what this device sent, then what it received. */
const DIRECTIONS = [
  { direction: "out", label: "sent" },
  { direction: "in", label: "received" },
] as const;

function Totals({ totals }: { totals: WireTotals }) {
  const t = useStrings(wireStrings);
  const bytes = useBytes();
  return (
    <dl className="wire__totals">
      {DIRECTIONS.map(({ direction, label }) => {
        const side = totals[direction];
        return (
          <div key={direction} data-direction={direction}>
            <dt>{t[label]}</dt>
            <dd>
              <span className="demo__number">{bytes.format(side.frames)}</span> frames ·{" "}
              <span className="demo__number">{bytes.format(side.bytes)}</span> B{" "}
              <span className="wire__of">{t.ofHeader(bytes.format(side.headerBytes))}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function what(row: WireRow): string {
  return row.detail ? `${row.type} (${row.detail})` : row.type;
}

function rowLabel(row: WireRow, t: Texts, bytes: Intl.NumberFormat): string {
  const out = row.direction === "out";
  return t.rowLabel(out, clockTime(row.at), what(row), bytes.format(row.payloadBytes), String(row.headerBytes), bytes.format(row.totalBytes));
}

function frameCaption(row: WireRow, t: Texts, bytes: Intl.NumberFormat): string {
  return t.caption(row.direction === "out", what(row), clockTime(row.at), bytes.format(row.totalBytes));
}
