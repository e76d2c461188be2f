import { defineStrings } from "../../i18n/strings.ts";

/** The pointer's and pen's words: the presenter's buttons, the phone's picture of the screen. */
export const pointerStrings = defineStrings({
  "pt-br": {
    tools: "Apontar e desenhar no slide",
    laser: "Laser (segure L)",
    pen: "Caneta (D)",
    clear: "Apagar os desenhos deste slide (C)",
    picture: "Como no telão",
    full: "Desenhos demais: apague (C) para desenhar mais",
  },
  en: {
    tools: "Point and draw on the slide",
    laser: "Laser (hold L)",
    pen: "Pen (D)",
    clear: "Clear this slide's drawings (C)",
    picture: "As on the big screen",
    full: "Too much drawing: clear (C) to draw more",
  },
});
