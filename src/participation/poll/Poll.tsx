import { useEffect, useState } from "react";
import { m } from "framer-motion";
import { DiagramMotion, EASE_OUT, useMotionPreference } from "../../diagrams/motion.tsx";
import { drives, showsBoard, useLiveSession, useRoomSnapshot, useSlideActive } from "../../demos/live.tsx";
import type { LiveSession } from "../../live/session.ts";
import type { PollDefinition, PollView } from "../../room/polls.ts";
import "../../demos/demos.css";
import "./Poll.css";

const percent = new Intl.NumberFormat("pt-BR", { style: "percent", maximumFractionDigits: 0 });

/**
 * A poll declared in a slide. The presenter puts it on screen when the slide shows, opens and
 * closes it; each phone votes once (and may change its mind while it is open); everyone sees the
 * counts live. Outside a room it is the question and its options, to read.
 */
export default function Poll(definition: PollDefinition) {
  const session = useLiveSession();
  const [ref, active] = useSlideActive<HTMLElement>();
  return (
    <section className="demo poll" ref={ref} aria-label={`Votação: ${definition.question}`}>
      <p className="poll__question">{definition.question}</p>
      {session ? (
        <DiagramMotion>
          <LivePoll session={session} definition={definition} active={active} />
        </DiagramMotion>
      ) : (
        <>
          <ul className="poll__options">
            {definition.options.map((option) => (
              <li key={option} className="poll__static">
                {option}
              </li>
            ))}
          </ul>
          <p className="demo__hint">A votação acontece ao vivo: a plateia vota pelo celular e as barras crescem na tela.</p>
        </>
      )}
    </section>
  );
}

function LivePoll({ session, definition, active }: { session: LiveSession; definition: PollDefinition; active: boolean }) {
  const room = useRoomSnapshot(session);
  const online = room?.status === "online";
  const current = room?.view?.state.poll;
  const view = current?.id === definition.id ? current : null;
  const mine = room?.you?.votes?.[definition.id];
  const [sending, setSending] = useState<number | null>(null);
  useEffect(() => setSending(null), [mine]);

  // The presenter's slide puts its poll on screen (phones then see it), and brings back its results.
  useEffect(() => {
    if (active && online && drives(session)) session.client.send({ type: "poll", action: "show", poll: definition });
  }, [active, online, session, definition]);

  const vote = (option: number) => {
    if (session.client.send({ type: "vote", poll: definition.id, option })) setSending(option);
  };
  const board = showsBoard(session);
  const chosen = sending ?? mine;

  return (
    <>
      {board ? (
        <Bars view={view} definition={definition} />
      ) : (
        <div className="poll__choices" role="group" aria-label="Seu voto">
          {definition.options.map((option, index) => (
            <button
              key={option}
              type="button"
              className="demo__button poll__choice"
              aria-pressed={chosen === index}
              disabled={!view?.open || !online}
              onClick={() => vote(index)}
            >
              {option}
            </button>
          ))}
        </div>
      )}
      <p className="poll__status" aria-live="polite" data-poll-status>
        {statusText(view, board, mine)}
      </p>
      {!board && mine !== undefined && view ? <Bars view={view} definition={definition} /> : null}
      {drives(session) ? (
        <p className="demo__actions">
          <button
            type="button"
            className="demo__button"
            disabled={!online}
            onClick={() => session.client.send({ type: "poll", action: view?.open ? "close" : "open", poll: definition })}
          >
            {view?.open ? "Encerrar votação" : "Abrir votação"}
          </button>
        </p>
      ) : null}
    </>
  );
}

function statusText(view: PollView | null, board: boolean, mine: number | undefined): string {
  const votes = view ? `${view.total} ${view.total === 1 ? "voto" : "votos"}` : "";
  // Not on screen yet, or shown but never voted in: the presenter has yet to open it.
  if (!view || (!view.open && view.total === 0)) return board ? "Votação fechada" : "Aguardando quem apresenta abrir a votação…";
  if (view.open) return board ? `Votação aberta · ${votes}` : mine === undefined ? "Toque na sua resposta" : `Voto registrado · dá para mudar até fechar · ${votes}`;
  return `Votação encerrada · ${votes}`;
}

function Bars({ view, definition }: { view: PollView | null; definition: PollDefinition }) {
  const { transition } = useMotionPreference();
  const total = view?.total ?? 0;
  return (
    <ul className="poll__bars" aria-label="Resultado">
      {definition.options.map((option, index) => {
        const count = view?.counts[index] ?? 0;
        const share = total > 0 ? count / total : 0;
        return (
          <li key={option} className="poll__row" data-poll-option={index}>
            <span className="poll__label">{option}</span>
            <span className="poll__track" aria-hidden="true">
              <m.span className="poll__bar" initial={false} animate={{ width: `${share * 100}%` }} transition={transition({ duration: 0.5, ease: EASE_OUT })} />
            </span>
            <span className="poll__count demo__number" data-poll-count>
              {count}
            </span>
            <span className="poll__share demo__number">{percent.format(share)}</span>
          </li>
        );
      })}
    </ul>
  );
}
