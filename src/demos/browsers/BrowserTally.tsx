import { useEffect, useRef, useState } from "react";
import { m } from "framer-motion";
import { DiagramMotion, EASE_OUT, useMotionPreference } from "../../diagrams/motion.tsx";
import { roomApi } from "../../live/urls.ts";
import type { LiveSession } from "../../live/session.ts";
import { drives, NotLive, useLabReport, useLiveSession, useSlideActive } from "../live.tsx";
import type { Participant, Tally, TallyRow } from "./tally.ts";
import "./BrowserTally.css";

const RETRY_MS = 5000;
const percent = new Intl.NumberFormat("pt-BR", { style: "percent", maximumFractionDigits: 0 });

/** Says once per round which browser this phone is and whether it has WebSocket (over HTTP, on purpose). */
function useOwnReport(session: LiveSession | null, active: boolean, round: number | undefined) {
  const [mine, setMine] = useState<(Participant & { round: number }) | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const sending = useRef(false);
  const pid = session?.pid;
  const due = active && !!session && !!pid && (mine === null || (round !== undefined && round > mine.round));
  useEffect(() => {
    if (!due || !session || !pid || sending.current) return;
    sending.current = true;
    fetch(`${roomApi(session.code)}/browsers/report`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pid, websocket: typeof WebSocket === "function" }),
    })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        setMine((await response.json()) as Participant & { round: number });
        setFailed(false);
      })
      .catch(() => {
        setFailed(true);
        setTimeout(() => setAttempt((n) => n + 1), RETRY_MS); // flaky Wi-Fi: try again
      })
      .finally(() => (sending.current = false));
  }, [due, session, pid, attempt]);
  return { mine, failed };
}

export default function BrowserTally() {
  const session = useLiveSession();
  const [ref, active] = useSlideActive<HTMLElement>();
  const tallyNow = useLabReport<Tally>(session, "browsers");
  const { mine, failed } = useOwnReport(session, active, tallyNow?.round);

  return (
    <section className="demo tally" ref={ref} aria-label="Navegadores nesta sala">
      {session ? (
        <DiagramMotion>
          <TallyView tally={tallyNow} />
          {session.role === "audience" ? (
            <p className="tally__mine" data-tally-mine>
              {mine
                ? `Você: ${mine.browser}${mine.version ? ` ${mine.version}` : ""} · ${mine.os} · ${mine.websocket ? "✓ fala WebSocket" : "✗ sem WebSocket"}`
                : failed
                  ? "Não consegui contar o seu navegador: confira a conexão."
                  : "Contando o seu navegador…"}
            </p>
          ) : drives(session) ? (
            <p className="demo__actions">
              <button type="button" className="demo__button" onClick={() => session.client.send({ type: "reset", demo: "browsers" })}>
                Zerar contagem
              </button>
              <span className="demo__hint">Cada celular conta uma vez, mesmo recarregando.</span>
            </p>
          ) : null}
        </DiagramMotion>
      ) : (
        <NotLive>
          <p>
            Cada celular da plateia diz ao servidor se o navegador dele tem <code>WebSocket</code>; o servidor lê qual navegador é
            pelo <code>User-Agent</code> e a sala vê, ao vivo, quantos falam WebSocket, ao lado dos ≈ 97% do caniuse.
          </p>
        </NotLive>
      )}
    </section>
  );
}

function TallyView({ tally }: { tally: Tally | null }) {
  if (!tally || tally.total === 0) {
    return <p className="tally__empty">Ninguém contado ainda: entre na sala pelo celular.</p>;
  }
  const share = tally.websocket / tally.total;
  return (
    <>
      <p className="tally__headline">
        <span className="tally__big demo__number" data-tally-websocket>
          {tally.websocket}
        </span>
        <span>
          de <span className="demo__number" data-tally-total>{tally.total}</span> navegadores nesta sala falam WebSocket
        </span>
        <span className="tally__share">
          {percent.format(share)} aqui · ≈ 97% no mundo (caniuse.com)
        </span>
      </p>
      <Bars rows={tally.browsers} total={tally.total} label="Por navegador" />
      <p className="tally__systems">
        <span className="sr-only">Por sistema: </span>
        {tally.systems.map((row) => `${row.name} ${row.count}`).join(" · ")}
      </p>
    </>
  );
}

function Bars({ rows, total, label }: { rows: TallyRow[]; total: number; label: string }) {
  const { transition } = useMotionPreference();
  return (
    <ul className="tally__bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.name} className="tally__row">
          <span className="tally__name">{row.name}</span>
          <span className="tally__track" aria-hidden="true">
            <m.span
              className="tally__bar"
              initial={false}
              animate={{ width: `${(row.count / total) * 100}%` }}
              transition={transition({ duration: 0.5, ease: EASE_OUT })}
            />
          </span>
          <span className="tally__count demo__number">{row.count}</span>
        </li>
      ))}
    </ul>
  );
}
