/** How the slide names the three lanes (pt-BR), on the projector and on the phones. */
import type { Lane } from "../../room/protocol.ts";
import { LONG_POLL_WAIT_S, POLL_MS } from "./api.ts";

export const LANE_TEXT: Readonly<Record<Lane, { name: string; how: string }>> = {
  poll: { name: "Polling", how: `pergunta a cada ${POLL_MS / 1000} s` },
  longpoll: { name: "Long polling", how: `o servidor segura a pergunta até ${LONG_POLL_WAIT_S} s` },
  ws: { name: "WebSocket", how: "o servidor empurra pela conexão aberta" },
};
