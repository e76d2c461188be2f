import { defineStrings } from "../../i18n/strings.ts";

/** What the browser tally says (src/features/browsers). */
export const browsersStrings = defineStrings({
  "pt-br": {
    region: "Navegadores nesta sala",
    you: (browser: string, os: string, websocket: boolean) =>
      `Você: ${browser} · ${os} · ${websocket ? "✓ fala WebSocket" : "✗ sem WebSocket"}`,
    failed: "Não consegui contar o seu navegador: confira a conexão.",
    counting: "Contando o seu navegador…",
    reset: "Zerar contagem",
    onceEach: "Cada celular conta uma vez, mesmo recarregando.",
    offline:
      "Cada celular da plateia diz ao servidor se o navegador dele tem <code>WebSocket</code>; o servidor lê qual navegador é pelo <code>User-Agent</code> e a sala vê, ao vivo, quantos falam WebSocket, ao lado dos ≈ 97% do caniuse.",
    empty: "Ninguém contado ainda: entre na sala pelo celular.",
    /** Around the two numbers of the headline: "<n> de <total> navegadores…". */
    of: "de",
    speak: "navegadores nesta sala falam WebSocket",
    share: (here: string) => `${here} aqui · ≈ 97% no mundo (caniuse.com)`,
    byBrowser: "Por navegador",
    bySystem: "Por sistema: ",
    /** A browser or system the User-Agent didn't name (userAgent.ts's OTHER). */
    other: "Outro",
  },
  en: {
    region: "Browsers in this room",
    you: (browser: string, os: string, websocket: boolean) =>
      `You: ${browser} · ${os} · ${websocket ? "✓ speaks WebSocket" : "✗ no WebSocket"}`,
    failed: "Couldn't count your browser: check your connection.",
    counting: "Counting your browser…",
    reset: "Reset the count",
    onceEach: "Each phone counts once, even if it reloads.",
    offline:
      "Every phone in the audience tells the server whether its browser has <code>WebSocket</code>; the server reads which browser it is from the <code>User-Agent</code>, and the room sees, live, how many speak WebSocket, next to caniuse's ≈ 97%.",
    empty: "Nobody counted yet: join the room from your phone.",
    of: "of",
    speak: "browsers in this room speak WebSocket",
    share: (here: string) => `${here} here · ≈ 97% worldwide (caniuse.com)`,
    byBrowser: "By browser",
    bySystem: "By system: ",
    other: "Other",
  },
});
