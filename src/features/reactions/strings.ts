import { defineStrings } from "../../i18n/strings.ts";
import type { Reaction } from "./protocol.ts";

/** The reactions' words: each emoji's name (buttons' accessible names, the totals), the tray's label. */
export const reactionsStrings = defineStrings({
  "pt-br": {
    names: {
      "👏": "aplausos",
      "❤️": "coração",
      "😂": "risada",
      "🤯": "cabeça explodindo",
      "🐍": "cobra (Python)",
      "🔥": "fogo",
    } as Readonly<Record<Reaction, string>>,
    tray: "Reações",
    react: (name: string) => `Reagir com ${name}`,
    totals: "Reações da plateia",
  },
  en: {
    names: {
      "👏": "applause",
      "❤️": "heart",
      "😂": "laughter",
      "🤯": "mind blown",
      "🐍": "snake (Python)",
      "🔥": "fire",
    },
    tray: "Reactions",
    react: (name) => `React with ${name}`,
    totals: "Audience reactions",
  },
});
