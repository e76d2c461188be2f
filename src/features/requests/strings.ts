import { defineStrings } from "../../i18n/strings.ts";
import type { Sender } from "./exchangeLog.ts";
import type { Refusal } from "./hello.ts";

/** What the requests demo says (src/features/requests). Numbers and sizes come in already formatted. */
export const requestsStrings = defineStrings({
  "pt-br": {
    /** Our own constant text, with <code> markup. */
    offline:
      "Ao vivo, cada celular aperta “Enviar requisição” e o navegador dele faz um <code>GET</code> de verdade ao servidor da sala. O projetor desenha cada requisição chegando ao servidor e a resposta voltando (<code>200 OK</code>, ou <code>429</code> para quem aperta rápido demais), com os bytes de ida e de volta contados pelo servidor; o celular mostra a linha que enviou, a resposta e o tempo de ida e volta que ele mesmo mediu.",
    send: "Enviar requisição",
    sending: "Enviando…",
    phones: "Celulares",
    roomServer: "Servidor da sala",
    yourPhone: "Seu celular",
    server: "Servidor",
    noneYet: "Nenhuma requisição ainda: aperte “Enviar requisição” no celular.",
    latest: "Últimas requisições",
    reset: "Zerar",
    tag: (n: number) => `nº ${n}`,
    requests: (n: number): string => (n === 1 ? "requisição" : "requisições"),
    up: "ida",
    down: "volta",
    refused: (n: number) => (n === 1 ? "1 recusada (429)" : `${n} recusadas (429)`),
    pressHint: "Aperte o botão: seu navegador manda um GET de verdade ao servidor da sala.",
    you: "você",
    noAnswer: "sem resposta",
    waiting: "aguardando resposta…",
    answeredIn: (status: string, time: string) => `${status} em ${time}`,
    youSent: "Você enviou",
    cameBack: "Voltou",
    headers: (n: number, bytes: string) => `${n} ${n === 1 ? "cabeçalho" : "cabeçalhos"}, ${bytes} com a linha de status`,
    bytes: "Bytes",
    countedByServer: "(contados pelo servidor)",
    arrivedHere: "(chegaram aqui)",
    time: "Tempo",
    roundTrip: "de ida e volta, medidos aqui",
    // A talk's record.
    average: "em média",
    response: "resposta",
  },
  en: {
    offline:
      "Live, every phone presses “Send request” and its browser makes a real <code>GET</code> to the room's server. The projector draws each request reaching the server and its response coming back (<code>200 OK</code>, or <code>429</code> for anyone pressing too fast), with the bytes each way counted by the server; the phone shows the line it sent, the response and the round trip it timed itself.",
    send: "Send request",
    sending: "Sending…",
    phones: "Phones",
    roomServer: "Room server",
    yourPhone: "Your phone",
    server: "Server",
    noneYet: "No requests yet: press “Send request” on your phone.",
    latest: "Latest requests",
    reset: "Reset",
    tag: (n) => `#${n}`,
    requests: (n) => (n === 1 ? "request" : "requests"),
    up: "up",
    down: "down",
    refused: (n) => `${n} refused (429)`,
    pressHint: "Press the button: your browser sends a real GET to the room's server.",
    you: "you",
    noAnswer: "no response",
    waiting: "waiting for the response…",
    answeredIn: (status, time) => `${status} in ${time}`,
    youSent: "You sent",
    cameBack: "Came back",
    headers: (n, bytes) => `${n} ${n === 1 ? "header" : "headers"}, ${bytes} with the status line`,
    bytes: "Bytes",
    countedByServer: "(counted by the server)",
    arrivedHere: "(as received here)",
    time: "Time",
    roundTrip: "round trip, timed here",
    average: "on average",
    response: "response",
  },
});

/**
 * How a sender is named and greeted: on the projector (in its language) and by the server, in
 * the `lang` the phone asked in (src/features/requests/server.ts).
 */
export const helloStrings = defineStrings({
  "pt-br": {
    sender: ({ device, n }: Sender) => (device === "phone" ? `celular ${n}` : `navegador ${n}`),
    greeting: (name: string) => `Olá, ${name}!`,
  },
  en: {
    sender: ({ device, n }) => (device === "phone" ? `phone ${n}` : `browser ${n}`),
    greeting: (name) => `Hello, ${name}!`,
  },
});

/** What a person reads when the server refuses (by status and the room's error code), or doesn't answer. */
export const refusalStrings = defineStrings({
  "pt-br": {
    refusal: ({ status, code, detail }: Refusal) => {
      if (status === 503) return "O servidor está ocupado: tente de novo em instantes";
      if (code === "rate_limited") return "Requisições demais: vá mais devagar";
      if (code === "no_room") return "Sala não encontrada";
      if (code === "bad_request") return detail ? `Requisição inválida (${detail})` : "Requisição inválida";
      return `HTTP ${status}`;
    },
    unreachable: "Sem resposta: o servidor está fora do ar ou a rede caiu.",
  },
  en: {
    refusal: ({ status, code, detail }) => {
      if (status === 503) return "The server is busy, try again in a moment";
      if (code === "rate_limited") return "Too many requests, slow down";
      if (code === "no_room") return "Room not found";
      if (code === "bad_request") return detail ? `Invalid request (${detail})` : "Invalid request";
      return `HTTP ${status}`;
    },
    unreachable: "No response: the server is down or the network dropped.",
  },
});
