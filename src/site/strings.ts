import { defineStrings } from "../i18n/strings.ts";

/** The site around the deck: the home page, the 404 page and the language switch. */
export const siteStrings = defineStrings({
  "pt-br": {
    description: "WebSockets — Live de Python #164: a palestra interativa.",
    lead: (slides: number) => `Full-duplex na web: do HTTP ao tempo real. A palestra em ${slides} slides animados.`,
    start: "Começar a apresentação",
    read: "Ler como artigo",
    present: "Apresentar ao vivo",
    hint: "Use <kbd>→</kbd> e <kbd>←</kbd> para navegar, a tecla <kbd>O</kbd> para a visão geral e <kbd>?</kbd> para os atalhos.",
    outline: "Roteiro",
    notFoundTitle: "Página não encontrada",
    notFoundHeading: "Nada por aqui",
    notFoundLead: "Esse endereço não existe. Talvez o slide tenha mudado de número.",
    backHome: "Voltar ao início",
    switchTo: "Read in English",
  },
  en: {
    description: "WebSockets — Live de Python #164: the interactive talk.",
    lead: (slides) => `Full duplex on the web: from HTTP to real time. The talk in ${slides} animated slides.`,
    start: "Start the presentation",
    read: "Read as an article",
    present: "Present live",
    hint: "Use <kbd>→</kbd> and <kbd>←</kbd> to move, the <kbd>O</kbd> key for the overview and <kbd>?</kbd> for the shortcuts.",
    outline: "Outline",
    notFoundTitle: "Page not found",
    notFoundHeading: "Nothing here",
    notFoundLead: "This address doesn't exist. Maybe the slide changed its number.",
    backHome: "Back to the start",
    switchTo: "Ler em português",
  },
});
