import { defineStrings } from "../../i18n/strings.ts";

/** What the handshake inspector says (src/features/handshake). */
export const handshakeStrings = defineStrings({
  "pt-br": {
    liveLabel: "O que o servidor recebeu do seu navegador, agora",
    exampleLabel: "Exemplo da RFC 6455 (sem servidor por perto)",
    keyPlusGuid: "chave + GUID",
    matches: "✓ igual ao Sec-WebSocket-Accept do servidor",
    differs: "✗ diferente do servidor",
    rfcAccept: "✓ o Accept da RFC",
    connecting: "Conectando…",
    again: "Novo handshake",
    hint: "Cada conexão sorteia uma chave nova: o navegador escolhe, a página não pode.",
    presentersLabel: "O que o servidor recebeu do navegador de quem apresenta",
    presentersHint: "A cada “Novo handshake” de quem apresenta, uma chave nova, sorteada pelo navegador.",
  },
  en: {
    liveLabel: "What the server just received from your browser",
    exampleLabel: "RFC 6455's example (no server around)",
    keyPlusGuid: "key + GUID",
    matches: "✓ same as the server's Sec-WebSocket-Accept",
    differs: "✗ differs from the server's",
    rfcAccept: "✓ the RFC's Accept",
    connecting: "Connecting…",
    again: "New handshake",
    hint: "Every connection draws a new key: the browser picks it, the page can't.",
    presentersLabel: "What the server just received from the presenter's browser",
    presentersHint: "Every “New handshake” the presenter makes draws a new key, picked by the browser.",
  },
});
