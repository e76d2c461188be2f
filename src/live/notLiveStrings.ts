import { defineStrings } from "../i18n/strings.ts";

/** What every live demo says outside a room (src/live/hooks.tsx). */
export const liveDemoStrings = defineStrings({
  "pt-br": {
    offlineTitle: "Demonstração ao vivo",
    offlineHow:
      "Ela acontece numa sala: quem apresenta abre <code>/present/</code> (com <code>npm start</code>) e a plateia entra pelo celular.",
  },
  en: {
    offlineTitle: "Live demo",
    offlineHow:
      "It happens in a room: the presenter opens <code>/en/present/</code> (with <code>npm start</code>) and the audience joins from their phones.",
  },
});
