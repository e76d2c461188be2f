import { DiagramMotion } from "../../diagrams/motion.tsx";
import { NotLive, showsBoard, useLiveSession, useSlideActive } from "../live.tsx";
import { DeliveryBoard } from "./DeliveryBoard.tsx";
import { DeliveryPhone } from "./DeliveryPhone.tsx";
import "./DeliveryRace.css";

/**
 * "Polling × long polling × WebSocket", live: the server makes one stream of events; each phone
 * receives it one way (split by participant id, switchable), and the projector compares what
 * each way cost on the wire and how long events took to reach the screens, as measured now.
 */
export default function DeliveryRace() {
  const session = useLiveSession();
  const [ref, active] = useSlideActive<HTMLElement>();
  return (
    <section className="demo delivery" ref={ref} aria-label="Três entregas ao vivo">
      {session ? (
        <DiagramMotion>
          {showsBoard(session) ? <DeliveryBoard session={session} /> : <DeliveryPhone session={session} active={active} />}
        </DiagramMotion>
      ) : (
        <NotLive>
          <p>
            O servidor solta um evento a cada ~3 s e cada celular da plateia o recebe de um jeito: <strong>polling</strong> (pergunta a
            cada 2 s, quase sempre à toa), <strong>long polling</strong> (o servidor segura a pergunta até ter novidade) ou{" "}
            <strong>WebSocket</strong> (o servidor empurra um frame pela conexão aberta). O telão mostra, medido no servidor, quantas
            requisições e quantos bytes cada jeito gastou por evento e quanto cada evento levou até a tela.
          </p>
        </NotLive>
      )}
    </section>
  );
}
