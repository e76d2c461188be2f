/**
 * Word cloud storm, a phone's side: three different words each, every one in one of its
 * spellings, sent at random moments within the window; the room's refusals counted.
 */
import { ANSWERS_PER_PARTICIPANT } from "../../src/features/cloud/rules.ts";
import { send, type Member } from "../crowd.ts";
import { now } from "../meter.ts";
import { sleep } from "../stats.ts";
import type { Behaviour } from "./protocol.ts";

/** What a room says it would use WebSocket for, each word in the spellings people type. */
const VOCABULARY: readonly (readonly string[])[] = [
  ["WebSocket", "websockets ", "WEBSOCKET!", "Websocket"],
  ["Chat", "chats", "chat."],
  ["Jogos online", "jogo online", "JOGOS ONLINE"],
  ["Notificações", "notificação", "notificacao"],
  ["Dashboards", "dashboard", "Dashboard"],
  ["IoT", "iot"],
  ["Colaboração", "colaboracao"],
  ["Trading", "trading"],
  ["Multiplayer", "multiplayer"],
  ["Live score", "live scores"],
  ["Leilões", "leilão"],
  ["Telemetria", "telemetria"],
  ["Streaming", "streamings"],
  ["Cursores", "cursores"],
  ["Sensores", "SENSORES"],
  ["Mapas ao vivo", "mapa ao vivo"],
];

/** Phone i's kth answer (k < 3): three different words per phone, the spellings mixed over the room. */
export function answerOf(i: number, k: number): string {
  const spellings = VOCABULARY[(i * 7 + k * 5) % VOCABULARY.length]!;
  return spellings[(i + k) % spellings.length]!;
}

export interface AnswersSent {
  sent: number;
  /** The last answer's send time (epoch ms). */
  lastAt: number;
}

export function cloudPhones(phones: readonly Member[], { cloud }: { cloud: string }): Behaviour {
  let refused = 0;
  let sent = 0;
  let lastAt = 0;
  const timers: ReturnType<typeof setTimeout>[] = [];
  return {
    onFrame(_member, text) {
      if (text.startsWith('{"type":"error"') && text.includes('"cloudAnswer"')) refused++;
    },
    calls: {
      /** Schedules every answer of this slice within `withinMs`; answers once the last is sent. */
      answer: async ({ withinMs }: { withinMs: number }): Promise<AnswersSent> => {
        for (const member of phones) {
          for (let k = 0; k < ANSWERS_PER_PARTICIPANT; k++) {
            timers.push(
              setTimeout(() => {
                send(member, { type: "cloudAnswer", cloud, text: answerOf(member.index, k) });
                sent++;
                lastAt = now();
              }, Math.random() * withinMs),
            );
          }
        }
        while (sent < phones.length * ANSWERS_PER_PARTICIPANT) await sleep(20);
        return { sent, lastAt };
      },
      refused: () => refused,
    },
    end: () => timers.forEach(clearTimeout),
  };
}
