import { NOTIFICATION_KINDS } from "../../room/protocol.ts";
import type { LiveSession } from "../../live/session.ts";
import { drives, NotLive, showsBoard, useLabReport, useLinkStatus, useLiveSession } from "../../demos/live.tsx";
import { NOTIFICATION_TEXT } from "./kinds.ts";
import type { NotificationRecord, NotifyReport } from "./ledger.ts";
import "../../demos/demos.css";
import "./PushNotify.css";

/** Earlier notifications listed under the latest one. */
const HISTORY = 4;

/**
 * Push, made visible: the presenter sends a notification to every phone (a toast there, on any
 * slide, and a vibration where allowed); each phone acknowledges, and the board counts the
 * deliveries and the round trip live. Phones see this slide's explanation; the toast is theirs.
 */
export default function PushNotify() {
  const session = useLiveSession();
  if (!session) {
    return (
      <NotLive>
        <p>
          Ao vivo, quem apresenta envia uma notificação (novo e-mail, nova mensagem, curtida) e o servidor a empurra, pelo
          WebSocket, para todos os celulares ao mesmo tempo: cada um mostra um aviso e vibra. Cada celular confirma o
          recebimento, e a tela conta as entregas e o tempo de ida e volta.
        </p>
      </NotLive>
    );
  }
  return showsBoard(session) ? <Board session={session} /> : <Phone />;
}

function Phone() {
  return (
    <div className="demo push push--phone">
      <p className="push__lead">Fique de olho: quando o apresentador enviar, o aviso aparece aqui no seu celular, em qualquer slide.</p>
      <p className="demo__hint">Ninguém perguntou nada: o servidor fala primeiro. Seu celular confirma que recebeu, e a tela conta.</p>
    </div>
  );
}

function Board({ session }: { session: LiveSession }) {
  const report = useLabReport<NotifyReport>(session, "notify");
  const online = useLinkStatus(session) === "online";
  const notifications = report?.notifications ?? [];
  const latest = notifications.at(-1);
  const earlier = notifications.slice(-1 - HISTORY, -1).reverse();
  return (
    <div className="demo push">
      {drives(session) && (
        <div className="demo__actions" role="group" aria-label="Enviar notificação">
          <span className="demo__label">Enviar notificação</span>
          {NOTIFICATION_KINDS.map((kind) => (
            <button key={kind} type="button" className="demo__button" disabled={!online} onClick={() => session.client.send({ type: "notify", kind })}>
              <span aria-hidden="true">{NOTIFICATION_TEXT[kind].icon}</span> {NOTIFICATION_TEXT[kind].button}
            </button>
          ))}
          <button type="button" className="demo__button push__reset" disabled={!online} onClick={() => session.client.send({ type: "reset", demo: "notify" })}>
            Zerar
          </button>
        </div>
      )}
      {latest ? <Latest note={latest} /> : <p className="demo__hint">Nenhuma notificação enviada ainda.</p>}
      {earlier.length > 0 && (
        <ul className="push__history" aria-label="Notificações anteriores">
          {earlier.map((note) => (
            <li key={note.id}>
              <span aria-hidden="true">{NOTIFICATION_TEXT[note.kind].icon}</span> {NOTIFICATION_TEXT[note.kind].title}:{" "}
              <span className="demo__number">
                {note.acked}/{note.audience}
              </span>
              {note.latency && <span className="push__muted"> · média {note.latency.mean} ms</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Latest({ note }: { note: NotificationRecord }) {
  const text = NOTIFICATION_TEXT[note.kind];
  return (
    <div className="push__latest" data-notification={note.id}>
      <p className="push__kind">
        <span aria-hidden="true">{text.icon}</span> {text.title}
      </p>
      <p className="push__delivered" aria-live="polite">
        <span className="demo__number" data-push-delivered>
          {note.acked}/{note.audience}
        </span>{" "}
        <span className="push__unit">entregues</span>
      </p>
      <dl className="push__stats">
        <div>
          <dt>Enviadas</dt>
          <dd className="demo__number">{note.sent}</dd>
        </div>
        <div>
          <dt>Ida e volta (média)</dt>
          <dd className="demo__number">{note.latency ? `${note.latency.mean} ms` : "…"}</dd>
        </div>
        <div>
          <dt>Pior</dt>
          <dd className="demo__number">{note.latency ? `${note.latency.max} ms` : "…"}</dd>
        </div>
      </dl>
    </div>
  );
}
