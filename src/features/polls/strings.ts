import { defineStrings } from "../../i18n/strings.ts";

/** The poll's own words (the question and options come from the slide). */
export const pollStrings = defineStrings({
  "pt-br": {
    label: (question: string) => `Votação: ${question}`,
    offlineHint: "A votação acontece ao vivo: a plateia vota pelo celular e as barras crescem na tela.",
    yourVote: "Seu voto",
    results: "Resultado",
    open: "Abrir votação",
    close: "Encerrar votação",
    votes: (n: number) => (n === 1 ? "1 voto" : `${n} votos`),
    notOpenBoard: "Votação fechada",
    waiting: "Aguardando quem apresenta abrir a votação…",
    openBoard: (votes: string) => `Votação aberta · ${votes}`,
    tapAnswer: "Toque na sua resposta",
    voted: (votes: string) => `Voto registrado · dá para mudar até fechar · ${votes}`,
    ended: (votes: string) => `Votação encerrada · ${votes}`,
    mostlyNew: (share: string) => `Atenção: ${share} dos votos vêm de participantes que entraram depois da abertura (alguém pode estar forjando votos)`,
  },
  en: {
    label: (question) => `Poll: ${question}`,
    offlineHint: "The poll runs live: the audience votes from their phones and the bars grow on screen.",
    yourVote: "Your vote",
    results: "Results",
    open: "Open the poll",
    close: "Close the poll",
    votes: (n) => (n === 1 ? "1 vote" : `${n} votes`),
    notOpenBoard: "Poll not open yet",
    waiting: "Waiting for the presenter to open the poll…",
    openBoard: (votes) => `Poll open · ${votes}`,
    tapAnswer: "Tap your answer",
    voted: (votes) => `Vote counted · you can change it until the poll closes · ${votes}`,
    ended: (votes) => `Poll closed · ${votes}`,
    mostlyNew: (share) => `Heads up: ${share} of the ballots come from participants who joined after it opened (someone may be stuffing it)`,
  },
});
