import { defineStrings } from "../../i18n/strings.ts";

/** The CSV export's own words (its header and the labels of the room's and polls' rows). */
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
  },
});
