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
    now: "Agora",
  },
  en: {
    atTalk: (day) => `At the talk of ${day}`,
    people: (n, talkLocale) => `${n === 1 ? "1 person" : `${n} people`}${talkLocale ? `, in ${languageName.en[talkLocale]}` : ""}`,
    others: (n) => (n === 1 ? "Another talk" : `${n} other talks`),
    now: "Now",
  },
});
