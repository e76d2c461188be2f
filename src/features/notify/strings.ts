import { defineStrings } from "../../i18n/strings.ts";
import type { NotificationKind } from "./protocol.ts";

type KindTexts = Readonly<Record<NotificationKind, { title: string; button: string }>>;

/** The push demo's words: the board, the phone's slide, and the toast every phone shows. */
export const notifyStrings = defineStrings({
  "pt-br": {
    kinds: {
      email: { title: "Novo e-mail", button: "Novo e-mail" },
      message: { title: "Nova mensagem", button: "Nova mensagem" },
      like: { title: "Nova curtida", button: "Curtida" },
    } as KindTexts,
    offline:
      "Ao vivo, quem apresenta envia uma notificação (novo e-mail, nova mensagem, curtida) e o servidor a empurra, pelo WebSocket, para todos os celulares ao mesmo tempo: cada um mostra um aviso e vibra. Cada celular confirma o recebimento, e a tela conta as entregas e o tempo de ida e volta.",
    phoneLead: "Fique de olho: quando o apresentador enviar, o aviso aparece aqui no seu celular, em qualquer slide.",
    phoneHint: "Ninguém perguntou nada: o servidor fala primeiro. Seu celular confirma que recebeu, e a tela conta.",
    send: "Enviar notificação",
    reset: "Zerar",
    none: "Nenhuma notificação enviada ainda.",
    earlier: "Notificações anteriores",
    meanOf: (ms: number) => `média ${ms} ms`,
    delivered: "entregues",
    sent: "Enviadas",
    roundTrip: "Ida e volta (média)",
    worst: "Pior",
    arrived: (ms: number) => `chegou pelo WebSocket em ~${ms} ms`,
  },
  en: {
    kinds: {
      email: { title: "New email", button: "New email" },
      message: { title: "New message", button: "New message" },
      like: { title: "New like", button: "Like" },
    },
    offline:
      "Live, the presenter sends a notification (new email, new message, a like) and the server pushes it over the WebSocket to every phone at once: each one shows an alert and vibrates. Every phone confirms it got it, and the screen counts the deliveries and the round-trip time.",
    phoneLead: "Keep an eye out: when the presenter sends one, the alert shows up here on your phone, on any slide.",
    phoneHint: "Nobody asked for anything: the server speaks first. Your phone confirms it got it, and the screen counts.",
    send: "Send a notification",
    reset: "Reset",
    none: "No notifications sent yet.",
    earlier: "Earlier notifications",
    meanOf: (ms) => `mean ${ms} ms`,
    delivered: "delivered",
    sent: "Sent",
    roundTrip: "Round trip (mean)",
    worst: "Worst",
    arrived: (ms) => `arrived over the WebSocket in ~${ms} ms`,
  },
});
