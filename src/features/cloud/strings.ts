import { defineStrings } from "../../i18n/strings.ts";
import type { ErrorCode } from "../../room/errors.ts";

/** The word cloud's own words (the prompt comes from the slide). */
export const cloudStrings = defineStrings({
  "pt-br": {
    label: (prompt: string) => `Nuvem de palavras: ${prompt}`,
    offlineHint: "Ao vivo, a plateia responde pelo celular (até 3 palavras cada) e as respostas formam uma nuvem na tela.",
    waiting: "Aguardando quem apresenta mostrar este slide…",
    empty: "Nenhuma resposta ainda: mande a sua pelo celular.",
    status: (answers: number, people: number) => `${answers === 1 ? "1 resposta" : `${answers} respostas`} de ${people === 1 ? "1 pessoa" : `${people} pessoas`}`,
    more: (n: number) => `e mais ${n === 1 ? "1 palavra" : `${n} palavras`}`,
    others: (n: number) => `${n} ${n === 1 ? "resposta além" : "respostas além"} do limite de palavras`,
    list: "Palavras mais citadas",
    times: (n: number) => (n === 1 ? "1 vez" : `${n} vezes`),
    // The phone's form.
    yourAnswer: "Sua resposta",
    hint: (max: number) => `Uma palavra ou expressão curta, até ${max} caracteres`,
    send: "Enviar",
    sending: "Enviando…",
    used: (n: number, of: number) => `Você mandou ${n} de ${of}`,
    done: "Pronto: você mandou suas 3 respostas.",
    yours: "Suas respostas",
    offline: "Sem conexão com a sala: tente de novo em instantes.",
    refused: (code: ErrorCode, detail?: string): string => {
      if (code === "answer_limit") return "Você já mandou suas 3 respostas.";
      if (code === "bad_request" && detail === "duplicate") return "Você já mandou essa.";
      if (code === "bad_request" && detail === "text_max") return "Longa demais: até 25 caracteres.";
      if (code === "bad_request") return "Escreva uma palavra antes de enviar.";
      if (code === "no_cloud") return "Esta nuvem ainda não está aberta.";
      if (code === "rate_limited") return "Mensagens demais: vá mais devagar e tente de novo.";
      return "A sala não aceitou essa resposta.";
    },
    // The presenter's moderation.
    moderate: (hidden: number) => (hidden === 0 ? "Moderar palavras" : `Moderar palavras (${hidden} ${hidden === 1 ? "escondida" : "escondidas"})`),
    hide: "Esconder",
    hideWord: (word: string) => `Esconder “${word}”`,
    show: "Mostrar",
    showWord: (word: string) => `Mostrar “${word}” de novo`,
    hiddenList: "Escondidas (só você vê)",
    reset: "Zerar a nuvem",
  },
  en: {
    label: (prompt) => `Word cloud: ${prompt}`,
    offlineHint: "Live, the audience answers from their phones (up to 3 words each) and the answers form a cloud on screen.",
    waiting: "Waiting for the presenter to show this slide…",
    empty: "No answers yet: send yours from your phone.",
    status: (answers, people) => `${answers === 1 ? "1 answer" : `${answers} answers`} from ${people === 1 ? "1 person" : `${people} people`}`,
    more: (n) => `and ${n === 1 ? "1 more word" : `${n} more words`}`,
    others: (n) => `${n} ${n === 1 ? "answer" : "answers"} beyond the word limit`,
    list: "Most mentioned words",
    times: (n) => (n === 1 ? "once" : `${n} times`),
    yourAnswer: "Your answer",
    hint: (max) => `A word or a short phrase, up to ${max} characters`,
    send: "Send",
    sending: "Sending…",
    used: (n, of) => `You sent ${n} of ${of}`,
    done: "Done: you sent your 3 answers.",
    yours: "Your answers",
    offline: "No connection to the room: try again in a moment.",
    refused: (code, detail) => {
      if (code === "answer_limit") return "You already sent your 3 answers.";
      if (code === "bad_request" && detail === "duplicate") return "You already sent that one.";
      if (code === "bad_request" && detail === "text_max") return "Too long: up to 25 characters.";
      if (code === "bad_request") return "Write a word before sending.";
      if (code === "no_cloud") return "This cloud isn't open yet.";
      if (code === "rate_limited") return "Too many messages: slow down a little and try again.";
      return "The room didn't take that answer.";
    },
    moderate: (hidden) => (hidden === 0 ? "Moderate words" : `Moderate words (${hidden} hidden)`),
    hide: "Hide",
    hideWord: (word) => `Hide “${word}”`,
    show: "Show",
    showWord: (word) => `Show “${word}” again`,
    hiddenList: "Hidden (only you see them)",
    reset: "Reset the cloud",
  },
});
