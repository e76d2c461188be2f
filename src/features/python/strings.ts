import { defineStrings } from "../../i18n/strings.ts";

/** What the "Python na sala" slide says under its program (src/features/python). */
export const pythonStrings = defineStrings({
  "pt-br": {
    /** In a room: the program above already holds this room's address and code. */
    live: (server: string, room: string) =>
      `Pronto para rodar nesta sala: <code>SERVIDOR</code> é <code>${server}</code> e <code>SALA</code> é <code>${room}</code>. Copie, salve como <code>sala.py</code> e rode <code>python3 sala.py</code> (com <code>pip install websockets</code>).`,
    /** Read without a room: the values above are examples. */
    placeholders:
      "Os valores acima são exemplos. Numa sala ao vivo, este slide mostra os dela; senão, troque <code>SERVIDOR</code> pelo começo do endereço do QR code (até a porta), com <code>ws://</code> no lugar de <code>http://</code> (ou <code>wss://</code> no lugar de <code>https://</code>), e <code>SALA</code> pelo código que está no projetor.",
    slideNumbers:
      "O programa imprime o slide como você o vê (a partir de 1): o protocolo conta do 0, por isso o <code>+\u00a01</code>. Nos <code>delta</code> que ele imprime depois, <code>'slide'</code> vem cru, contado do 0.",
  },
  en: {
    live: (server: string, room: string) =>
      `Ready to run in this room: <code>SERVER</code> is <code>${server}</code> and <code>ROOM</code> is <code>${room}</code>. Copy it, save it as <code>room.py</code> and run <code>python3 room.py</code> (after <code>pip install websockets</code>).`,
    placeholders:
      "The values above are examples. In a live room, this slide shows the room's own; otherwise, replace <code>SERVER</code> with the start of the QR code's address (up to the port), with <code>ws://</code> instead of <code>http://</code> (or <code>wss://</code> instead of <code>https://</code>), and <code>ROOM</code> with the code shown on the projector.",
    slideNumbers:
      "The program prints the slide as you see it (counting from 1): the protocol counts from 0, hence the <code>+\u00a01</code>. In the <code>delta</code>s it prints afterwards, <code>'slide'</code> comes raw, counted from 0.",
  },
});
