import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import FrameHeader from "../../diagrams/FrameHeader.tsx";
import type { LiveSession } from "../../live/session.ts";
import { isScreen, useLinkStatus, useSlideActive } from "../../live/hooks.tsx";
import { usePresenterView, useShowOnProjector } from "../mirror/useMirror.ts";
import {
  NO_TOTALS,
  WIRE_PING_PREFIX,
  addToTotals,
  carriesMirror,
  clockTime,
  detailOf,
  isCompressed,
  keepLatest,
  selectedRow,
  wireRow,
  type WireRow,
  type WireTotals,
} from "./frames.ts";
import { wireBoard, wireShown } from "./shown.ts";
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
 * Client-side: each device inspects its own socket, but the projector's window, which shows the
 * presenter's board (the presenter's page sends it: src/features/mirror).
 */
export default liveIsland(wireStrings, ({ session }) => (isScreen(session) ? <PresentersWire session={session} /> : <OwnWire session={session} />), { Sample: SampleFrame });

/** Outside a room: the frame a ping would make, bit by bit. */
function SampleFrame() {
  const t = useStrings(wireStrings);
  return <FrameHeader payloadLength={SAMPLE_PING.length} masked caption={t.sampleCaption(SAMPLE_PING)} />;
}

interface Wire {
  rows: WireRow[];
  totals: WireTotals;
}

/** This device's own socket (a phone's, or the presenter's, whose board the projector shows). */
function OwnWire({ session }: { session: LiveSession }) {
  const t = useStrings(wireStrings);
  const [ref, active] = useSlideActive<HTMLElement>();
  const status = useLinkStatus(session);
  const show = useShowOnProjector(session);
  // Frames are recorded from the moment the island mounts (coming back to the slide, the frames
  // sent meanwhile are listed), but the list only re-renders while the slide is on screen.
  const wire = useRef<Wire>({ rows: [], totals: NO_TOTALS });
  const activeNow = useRef(active);
  const [shown, setShown] = useState<Wire>(wire.current);
  const [picked, setPicked] = useState<number | null>(null);
  const pings = useRef(0);

  useEffect(() => {
    let next = 1;
    let render: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = session.client.onFrame((frame) => {
      const row = wireRow(frame, next++);
      if (carriesMirror(row)) return;
      wire.current = { rows: keepLatest(wire.current.rows, row), totals: addToTotals(wire.current.totals, row) };
      // Drawing a frame takes a few tens of ms; a pong arriving meanwhile would wait and get a
      // late timestamp. Waiting a moment lets a ping and its pong be timed first, drawn together.
      if (activeNow.current && render === undefined) {
        render = setTimeout(() => {
          render = undefined;
          // The slide may have gone meanwhile (the next slide's first frames land in this wait): as
          // the comment above says, the list only re-renders while it is on screen.
          if (activeNow.current) setShown(wire.current);
        }, RENDER_DELAY_MS);
      }
    });
    return () => {
      clearTimeout(render);
      unsubscribe();
    };
  }, [session]);

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

  // While the slide is on screen, what the presenter sees is the projector's board too.
  useEffect(() => {
    if (active) show(wireShown(shown.rows, selected, shown.totals, extensions));
  }, [active, shown, selected, extensions, show]);

  return (
    <Board
      rootRef={ref}
      wire={shown}
      selected={selected}
      extensions={extensions}
      onPick={setPicked}
      controls={
        <p className="demo__actions">
          <button type="button" className="demo__button" onClick={ping} disabled={!online}>
            {t.ping}
          </button>
          <button type="button" className="demo__button" onClick={sync} disabled={!online}>
            {t.sync}
          </button>
        </p>
      }
      footer={
        <>
          {following ? null : (
            <p className="demo__actions">
              <button type="button" className="demo__button" onClick={() => setPicked(null)}>
                {t.latest}
              </button>
            </p>
          )}
        </>
      }
    />
  );
}

/** The projector: the presenter's socket, as the presenter's board shows it; nothing to press. */
function PresentersWire({ session }: { session: LiveSession }) {
  const view = usePresenterView(session, "wire");
  const board = useMemo(() => (view ? wireBoard(view) : null), [view]);
  const wire = board ?? { rows: [], totals: NO_TOTALS };
  return <Board wire={wire} selected={selectedRow(wire.rows, board?.drawn ?? null)} extensions={board?.extensions ?? ""} presenters />;
}

interface BoardProps {
  wire: Wire;
  selected: WireRow | null;
  extensions: string;
  /** The projector's board: the presenter's frames, worded as theirs, and nothing to pick. */
  presenters?: boolean;
  onPick?: (id: number) => void;
  controls?: ReactNode;
  footer?: ReactNode;
  rootRef?: (node: HTMLElement | null) => void;
}

function Board({ wire, selected, extensions, presenters = false, onPick, controls, footer, rootRef }: BoardProps) {
  const t = useStrings(wireStrings);
  const bytes = useBytes();
  const listLabel = useId();
  const compressed = isCompressed(extensions);
  const words = presenters ? { ...t, ...t.presenters } : t;
  const describe = (row: WireRow) => what(row, t, presenters);

  return (
    <figure className="demo wire" ref={rootRef} data-source={presenters ? "presenter" : "own"}>
      <div className="wire__top">
        {controls}
        <Totals totals={wire.totals} />
      </div>

      <div className="wire__frame">
        {selected ? (
          <>
            <FrameHeader
              payloadLength={selected.payloadBytes}
              masked={selected.masked}
              caption={words.caption(selected.direction === "out", describe(selected), clockTime(selected.at), bytes.format(selected.totalBytes))}
            />
            <p className="wire__note">
              {selected.masked ? t.maskedNote : t.unmaskedNote}
            </p>
          </>
        ) : (
          <p className="wire__empty">{t.noDrawing}</p>
        )}
      </div>

      <div className="wire__list">
        <p className="demo__hint" id={listLabel}>
          {words.listHint}
        </p>
        {wire.rows.length === 0 ? (
          <p className="wire__empty">{words.noFrames}</p>
        ) : (
          <ol className="wire__rows" aria-labelledby={listLabel}>
            {wire.rows.map((row) => {
              const detail = detailOf(row, t.detail, presenters);
              const line = (
                <>
                  <span className="wire__dir" aria-hidden="true">
                    {row.direction === "out" ? "↑" : "↓"}
                  </span>
                  <span className="wire__time demo__number">{clockTime(row.at)}</span>
                  <span className="wire__type">
                    {row.type}
                    {detail ? <span className="wire__detail"> {detail}</span> : null}
                  </span>
                  <span className="wire__bytes demo__number">
                    {bytes.format(row.payloadBytes)} + <strong>{row.headerBytes}</strong> B
                  </span>
                </>
              );
              return (
                <li key={row.id}>
                  {onPick ? (
                    <button
                      type="button"
                      className="wire__row"
                      data-direction={row.direction}
                      aria-pressed={row.id === selected?.id}
                      aria-label={rowLabel(row, t, bytes, describe(row))}
                      onClick={() => onPick(row.id)}
                    >
                      {line}
                    </button>
                  ) : (
                    <div className="wire__row" data-direction={row.direction} data-drawn={row.id === selected?.id}>
                      {line}
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {footer}
        {/* About the whole connection, not the drawn frame: under the list, which leaves the drawing's column room for a frame with an extended length. */}
        <p className="wire__note" data-compressed={compressed}>
          {t.extensions} <code>{extensions || t.noExtensions}</code>. {compressed ? t.compressed : t.uncompressed}
        </p>
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

function what(row: WireRow, t: Texts, presenters: boolean): string {
  const detail = detailOf(row, t.detail, presenters);
  return detail ? `${row.type} (${detail})` : row.type;
}

function rowLabel(row: WireRow, t: Texts, bytes: Intl.NumberFormat, described: string): string {
  const out = row.direction === "out";
  return t.rowLabel(out, clockTime(row.at), described, bytes.format(row.payloadBytes), String(row.headerBytes), bytes.format(row.totalBytes));
}
