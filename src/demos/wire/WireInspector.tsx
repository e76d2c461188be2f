import { useCallback, useEffect, useId, useRef, useState } from "react";
import FrameHeader from "../../diagrams/FrameHeader.tsx";
import type { LiveSession } from "../../live/session.ts";
import { NotLive, useLinkStatus, useLiveSession, useSlideActive } from "../live.tsx";
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
import "./WireInspector.css";

const bytes = new Intl.NumberFormat("pt-BR");

/** How long the list waits after a frame before it redraws (ms). */
const RENDER_DELAY_MS = 150;

/** The sample drawn outside a room: the ping this slide's button sends, as a phone sends it. */
const SAMPLE_PING = '{"type":"ping","id":"wire1"}';

/**
 * The wire, live: every text frame this device's room socket sends (↑, masked by the browser)
 * and receives (↓), with what its RFC 6455 header cost, and one of them drawn bit by bit.
 * Client-side only: each device inspects its own socket.
 */
export default function WireInspector() {
  const session = useLiveSession();
  if (!session) {
    return (
      <NotLive>
        <p>
          Ao vivo, cada aparelho vê aqui os frames do seu próprio WebSocket com a sala: os que manda (↑) e os que recebe (↓), o
          tipo de mensagem, os bytes de payload e os 2 a 14 bytes de cabeçalho; e um deles desenhado bit a bit. Por exemplo, o
          ping que o botão deste slide manda:
        </p>
        <FrameHeader
          payloadLength={SAMPLE_PING.length}
          masked
          caption={`${SAMPLE_PING}: do celular para o servidor, mascarado`}
        />
      </NotLive>
    );
  }
  return <LiveWire session={session} />;
}

interface Wire {
  rows: WireRow[];
  totals: WireTotals;
}

function LiveWire({ session }: { session: LiveSession }) {
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
      const row = wireRow(frame, next++);
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
  const compressed = isCompressed(extensions);

  return (
    <figure className="demo wire" ref={ref}>
      <div className="wire__top">
        <p className="demo__actions">
          <button type="button" className="demo__button" onClick={ping} disabled={!online}>
            Mandar um ping
          </button>
          <button type="button" className="demo__button" onClick={sync} disabled={!online}>
            Pedir o estado (sync)
          </button>
        </p>
        <Totals totals={shown.totals} />
      </div>

      <div className="wire__frame">
        {selected ? (
          <>
            <FrameHeader payloadLength={selected.payloadBytes} masked={selected.masked} caption={frameCaption(selected)} />
            <p className="wire__note">
              {selected.masked
                ? "Cliente → servidor: MASK = 1. A chave de máscara (4 bytes) é sorteada pelo navegador a cada frame e o JavaScript não a vê: por isso os bits aparecem como x."
                : "Servidor → cliente: MASK = 0, sem chave (RFC 6455, seção 5.1)."}
            </p>
          </>
        ) : (
          <p className="wire__empty">O desenho aparece com o primeiro frame.</p>
        )}
        <p className="wire__note" data-compressed={compressed}>
          Extensões negociadas: <code>{extensions || "nenhuma"}</code>.{" "}
          {compressed
            ? "Com permessage-deflate o payload pode viajar comprimido (RSV1 = 1): no fio, menos bytes que os contados aqui."
            : "Sem compressão: estes são os bytes do WebSocket (o TLS do wss:// soma os dele)."}
        </p>
      </div>

      <div className="wire__list">
        <p className="demo__hint" id={listLabel}>
          Os últimos frames deste aparelho, o mais novo em cima. Escolha um para ver o cabeçalho:
        </p>
        {shown.rows.length === 0 ? (
          <p className="wire__empty">Nenhum frame ainda: mande um ping.</p>
        ) : (
          <ol className="wire__rows" aria-labelledby={listLabel}>
            {shown.rows.map((row) => (
              <li key={row.id}>
                <button
                  type="button"
                  className="wire__row"
                  data-direction={row.direction}
                  aria-pressed={row.id === selected?.id}
                  aria-label={rowLabel(row)}
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
              Voltar ao mais recente
            </button>
          </p>
        )}
      </div>
    </figure>
  );
}

/** The two directions, in the order the totals read: what this device sent, then what it received. */
const DIRECTIONS = [
  { direction: "out", label: "↑ enviados" },
  { direction: "in", label: "↓ recebidos" },
] as const;

function Totals({ totals }: { totals: WireTotals }) {
  return (
    <dl className="wire__totals">
      {DIRECTIONS.map(({ direction, label }) => {
        const side = totals[direction];
        return (
          <div key={direction} data-direction={direction}>
            <dt>{label}</dt>
            <dd>
              <span className="demo__number">{bytes.format(side.frames)}</span> frames ·{" "}
              <span className="demo__number">{bytes.format(side.bytes)}</span> B{" "}
              <span className="wire__of">({bytes.format(side.headerBytes)} de cabeçalho)</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function rowLabel(row: WireRow): string {
  const what = row.detail ? `${row.type} (${row.detail})` : row.type;
  const verb = row.direction === "out" ? "Enviado" : "Recebido";
  return `${verb} às ${clockTime(row.at)}: ${what}, ${bytes.format(row.payloadBytes)} bytes de payload + ${String(row.headerBytes)} de cabeçalho = ${bytes.format(row.totalBytes)} bytes`;
}

function frameCaption(row: WireRow): string {
  const what = row.detail ? `${row.type} (${row.detail})` : row.type;
  const way = row.direction === "out" ? "↑ deste aparelho para o servidor" : "↓ do servidor para este aparelho";
  return `${what}, ${way}, às ${clockTime(row.at)}: frame de texto, ${bytes.format(row.totalBytes)} bytes no total`;
}
