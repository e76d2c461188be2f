import { defineStrings } from "../../i18n/strings.ts";
import type { ErrorCode } from "../../room/errors.ts";

/** The questions' own words: the phone's form and list, the projector's board, the deck bar's button. */
export const questionsStrings = defineStrings({
  "pt-br": {
    label: "Perguntas da plateia",
    offlineTitle: "Perguntas ao vivo",
    offlineBody:
      "Numa sala ao vivo, a plateia manda perguntas pelo celular e apoia as dos outros; a tela mostra as mais votadas primeiro.",
    /** Our own constant text, with markup for the path and the command. */
    offlineHow: "Quem apresenta abre <code>/present/</code> (com <code>npm start</code>) e a plateia entra pelo celular.",
    summary: (open: number) => `${open === 1 ? "1 pergunta em aberto" : `${open} perguntas em aberto`} · as mais votadas primeiro`,
    // The form.
    yourQuestion: "Sua pergunta",
    characters: (count: number, max: number) => `${count} de ${max} caracteres`,
    send: "Enviar pergunta",
    sending: "Enviando…",
    sent: "Pergunta enviada: ela aparece na lista.",
    empty: "Escreva a pergunta antes de enviar.",
    offline: "Sem conexão com a sala: tente de novo em instantes.",
    /** Why the room refused a question (its error code, and the detail it gave). */
    refused: (code: ErrorCode, detail?: string): string => {
      if (code === "question_limit") return detail === "per_room" ? "A sala já tem perguntas demais em aberto." : "Você já tem 3 perguntas em aberto: espere uma ser respondida.";
      if (code === "bad_request") return "Essa pergunta não pode ser enviada: está vazia ou longa demais.";
      if (code === "rate_limited") return "Mensagens demais: vá mais devagar e tente de novo.";
      if (code === "forbidden") return "Só a plateia pode perguntar.";
      return "A sala não aceitou essa pergunta.";
    },
    // The lists.
    none: "Nenhuma pergunta ainda. Que tal a primeira?",
    /** Under a phone's list when the room has more open questions than the list shows. */
    mostVoted: (shown: number, open: number) => `Aqui estão as ${shown} mais votadas das ${open} perguntas em aberto (e as suas).`,
    noneOnBoard: "Nenhuma pergunta ainda: mande a sua pelo celular.",
    mine: "sua",
    answeredTag: "respondida",
    upvote: "Apoiar",
    upvoted: "Apoiada",
    votes: (n: number) => (n === 1 ? "1 voto" : `${n} votos`),
    answeredList: "Perguntas respondidas",
    markAnswered: "Respondida",
    hide: "Esconder",
    reopen: "Reabrir",
    hidden: (n: number) => `${n} ${n === 1 ? "escondida" : "escondidas"} (só você vê)`,
    // The deck bar's button and dialog.
    ask: "Perguntar",
    askDialog: "Fazer uma pergunta",
    close: "Fechar",
  },
  en: {
    label: "Audience questions",
    offlineTitle: "Live questions",
    offlineBody: "In a live room, the audience sends questions from their phones and upvotes each other's; the screen shows the most voted first.",
    offlineHow: "The presenter opens <code>/en/present/</code> (with <code>npm start</code>) and the audience joins from their phones.",
    summary: (open) => `${open === 1 ? "1 open question" : `${open} open questions`} · most voted first`,
    yourQuestion: "Your question",
    characters: (count, max) => `${count} of ${max} characters`,
    send: "Send question",
    sending: "Sending…",
    sent: "Question sent: it shows up in the list.",
    empty: "Write your question before sending it.",
    offline: "No connection to the room: try again in a moment.",
    refused: (code, detail) => {
      if (code === "question_limit") return detail === "per_room" ? "The room has too many open questions right now." : "You already have 3 open questions: wait for one to be answered.";
      if (code === "bad_request") return "That question can't be sent: it is empty or too long.";
      if (code === "rate_limited") return "Too many messages: slow down a little and try again.";
      if (code === "forbidden") return "Only the audience can ask questions.";
      return "The room didn't take that question.";
    },
    none: "No questions yet. Want to ask the first one?",
    mostVoted: (shown, open) => `These are the ${shown} most voted of ${open} open questions (and yours).`,
    noneOnBoard: "No questions yet: send yours from your phone.",
    mine: "yours",
    answeredTag: "answered",
    upvote: "Upvote",
    upvoted: "Upvoted",
    votes: (n) => (n === 1 ? "1 vote" : `${n} votes`),
    answeredList: "Questions answered",
    markAnswered: "Answered",
    hide: "Hide",
    reopen: "Reopen",
    hidden: (n) => `${n} hidden (only you see ${n === 1 ? "it" : "them"})`,
    ask: "Ask",
    askDialog: "Ask a question",
    close: "Close",
  },
});

