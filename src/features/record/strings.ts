import { defineStrings } from "../../i18n/strings.ts";
import type { Locale } from "../../i18n/locales.ts";

const languageName: Record<Locale, Record<Locale, string>> = {
  "pt-br": { "pt-br": "português", en: "inglês" },
  en: { "pt-br": "Portuguese", en: "English" },
};

/** How a record's numbers are labelled: with the talk's date (and live numbers with "agora"). */
export const recordStrings = defineStrings({
  "pt-br": {
    /** `day`: "2 de dez. de 2026"; `talkLocale`: the talk's language, named when it isn't the page's. */
    atTalk: (day: string) => `Na palestra de ${day}`,
    people: (n: number, talkLocale: Locale | null) =>
      `${n === 1 ? "1 pessoa" : `${n} pessoas`}${talkLocale ? `, em ${languageName["pt-br"][talkLocale]}` : ""}`,
    others: (n: number) => (n === 1 ? "Outra palestra" : `Outras ${n} palestras`),
    inLanguage: (talkLocale: Locale) => `em ${languageName["pt-br"][talkLocale]}`,
    now: "Agora",
    // The reader: the talk as given.
    asGiven: "A palestra ao vivo",
    summary: (people: number, reactions: number, answered: number) =>
      `${people === 1 ? "1 pessoa" : `${people} pessoas`} no pico, ${reactions === 1 ? "1 reação" : `${reactions} reações`}, ${answered === 1 ? "1 pergunta respondida" : `${answered} perguntas respondidas`}. Os números de cada demonstração estão no seu slide, marcados com a data.`,
    audienceChart: (first: number, peak: number, minutes: number) =>
      `Pessoas na sala por minuto: ${first} no começo, ${peak} no pico, durante ${minutes} min.`,
    minutes: (n: number) => `${n} min`,
    reactionsOn: "Reações neste slide",
  },
  en: {
    atTalk: (day) => `At the talk of ${day}`,
    people: (n, talkLocale) => `${n === 1 ? "1 person" : `${n} people`}${talkLocale ? `, in ${languageName.en[talkLocale]}` : ""}`,
    others: (n) => (n === 1 ? "Another talk" : `${n} other talks`),
    inLanguage: (talkLocale) => `in ${languageName.en[talkLocale]}`,
    now: "Now",
    asGiven: "The talk, live",
    summary: (people, reactions, answered) =>
      `${people === 1 ? "1 person" : `${people} people`} at the peak, ${reactions === 1 ? "1 reaction" : `${reactions} reactions`}, ${answered === 1 ? "1 question answered" : `${answered} questions answered`}. Each demo's numbers are on its slide, marked with the date.`,
    audienceChart: (first, peak, minutes) => `People in the room by minute: ${first} at the start, ${peak} at the peak, over ${minutes} min.`,
    minutes: (n) => `${n} min`,
    reactionsOn: "Reactions on this slide",
  },
});
