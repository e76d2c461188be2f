import { defineStrings } from "../i18n/strings.ts";

/** The reader view: the whole talk as one article, slide by slide with the speaker's notes. */
export const readerStrings = defineStrings({
  "pt-br": {
    documentTitle: "WebSockets, em texto — Live de Python #164",
    description: "A palestra WebSockets inteira numa página: cada slide seguido das notas do apresentador.",
    siteNav: "Site",
    home: "Início",
    slides: "Ver os slides",
    skipToText: "Pular para o texto",
    intro: (slides: number) =>
      `A palestra em texto: os ${slides} slides em ordem, cada um já com tudo à mostra e seguido das notas do apresentador, o que é dito em voz alta.`,
    introLive:
      "As animações e as demonstrações ao vivo acontecem nos slides: cada trecho tem um link para o seu.",
    contents: "Sumário",
    slideOf: (slide: number, total: number) => `Slide ${slide} de ${total}`,
    figure: (slide: number) => `Conteúdo do slide ${slide}`,
    notes: "Notas",
    open: (slide: number) => `Ver o slide ${slide}`,
  },
  en: {
    documentTitle: "WebSockets, as text — Live de Python #164",
    description: "The whole WebSockets talk on one page: every slide followed by the speaker's notes.",
    siteNav: "Site",
    home: "Home",
    slides: "View the slides",
    skipToText: "Skip to the text",
    intro: (slides) =>
      `The talk as text: all ${slides} slides in order, each fully revealed and followed by the speaker's notes, what gets said out loud.`,
    introLive: "The animations and live demos happen on the slides: every part links to its own.",
    contents: "Contents",
    slideOf: (slide, total) => `Slide ${slide} of ${total}`,
    figure: (slide) => `Slide ${slide} content`,
    notes: "Notes",
    open: (slide) => `Open slide ${slide}`,
  },
});
