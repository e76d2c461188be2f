import { defineStrings } from "../../i18n/strings.ts";

/**
 * The CSV export's own words: its header, the labels of the room's and polls' rows, and the words
 * of the features' exports (their names, their keys, the values of their `status` and `kind`), so a
 * spreadsheet reads in one language. A key missing here goes out as the data names it: the unit
 * test lists every key the features export, so a new one can't slip through untranslated.
 */
export const exportStrings = defineStrings({
  "pt-br": {
    header: ["seção", "id", "campo", "valor"] as readonly [section: string, id: string, field: string, value: string],
    room: "sala",
    code: "código",
    exportedAt: "exportado em",
    poll: "votação",
    question: "pergunta",
    open: "aberta",
    option: (n: number, text: string) => `opção ${n}: ${text}`,
    total: "total",
    yes: "sim",
    no: "não",
    words: {
      reactions: "reações",
      totals: "totais",
      total: "total",
      questions: "perguntas",
      id: "id",
      text: "texto",
      votes: "votos",
      status: "situação",
      askedAt: "perguntada em",
      notify: "notificações",
      kind: "tipo",
      sentAt: "enviada em",
      sent: "conexões que receberam",
      audience: "pessoas na sala",
      acked: "confirmaram",
      latency: "latência (ms)",
      mean: "média",
      max: "máxima",
    } as Readonly<Record<string, string>>,
    values: {
      status: { open: "aberta", answered: "respondida", hidden: "oculta" },
      kind: { email: "e-mail", message: "mensagem", like: "curtida" },
    } as Readonly<Record<string, Readonly<Record<string, string>>>>,
  },
  en: {
    header: ["section", "id", "field", "value"],
    room: "room",
    code: "code",
    exportedAt: "exported at",
    poll: "poll",
    question: "question",
    open: "open",
    option: (n, text) => `option ${n}: ${text}`,
    total: "total",
    yes: "yes",
    no: "no",
    words: {
      reactions: "reactions",
      totals: "totals",
      total: "total",
      questions: "questions",
      id: "id",
      text: "text",
      votes: "votes",
      status: "status",
      askedAt: "asked at",
      notify: "notifications",
      kind: "kind",
      sentAt: "sent at",
      sent: "connections reached",
      audience: "people in the room",
      acked: "acknowledged",
      latency: "latency (ms)",
      mean: "mean",
      max: "max",
    },
    values: {
      status: { open: "open", answered: "answered", hidden: "hidden" },
      kind: { email: "email", message: "message", like: "like" },
    },
  },
});
