import { defineStrings } from "../../i18n/strings.ts";

/**
 * What the wire inspector says (src/features/wire). Byte counts and clock times come in already
 * formatted; `way` is which direction a frame travelled.
 */
export const wireStrings = defineStrings({
  "pt-br": {
    offline:
      "Ao vivo, cada aparelho vê aqui os frames do seu próprio WebSocket com a sala: os que manda (↑) e os que recebe (↓), o tipo de mensagem, os bytes de payload e os 2 a 14 bytes de cabeçalho; e um deles desenhado bit a bit. Por exemplo, o ping da aplicação que o botão deste slide manda (uma mensagem JSON num frame de texto, não o frame de controle ping, 0x9, do protocolo):",
    sampleCaption: (ping: string) => `${ping}: do celular para o servidor, mascarado`,
    ping: "Mandar um ping da aplicação",
    sync: "Pedir o estado (sync)",
    maskedNote:
      "Cliente → servidor: MASK = 1. A chave de máscara (4 bytes) é sorteada pelo navegador a cada frame e o JavaScript não a vê: por isso os bits aparecem como x.",
    unmaskedNote: "Servidor → cliente: MASK = 0, sem chave (RFC 6455, seção 5.1).",
    noDrawing: "O desenho aparece com o primeiro frame.",
    extensions: "Extensões negociadas:",
    noExtensions: "nenhuma",
    compressed:
      "Com permessage-deflate o payload pode viajar comprimido (RSV1 = 1): no fio, menos bytes que os contados aqui.",
    uncompressed: "Sem compressão: estes são os bytes do WebSocket (o TLS do wss:// soma os dele).",
    listHint: "Os últimos frames deste aparelho, o mais novo em cima. Escolha um para ver o cabeçalho:",
    noFrames: "Nenhum frame ainda: mande um ping da aplicação.",
    latest: "Voltar ao mais recente",
    sent: "↑ enviados",
    received: "↓ recebidos",
    ofHeader: (bytes: string) => `(${bytes} de cabeçalho)`,
    rowLabel: (out: boolean, time: string, what: string, payload: string, header: string, total: string) =>
      `${out ? "Enviado" : "Recebido"} às ${time}: ${what}, ${payload} bytes de payload + ${header} de cabeçalho = ${total} bytes`,
    caption: (out: boolean, what: string, time: string, total: string) =>
      `${what}, ${out ? "↑ deste aparelho para o servidor" : "↓ do servidor para este aparelho"}, às ${time}: frame de texto, ${total} bytes no total`,
    /** Which ping or pong a frame was, by who sent it (see frames.ts); on the projector the presenter's own have none: the list says whose they are. */
    detail: { heartbeat: "batimento", yours: "seu", rtt: "medição", slide: (n: number) => `slide ${n}` },
    /** The projector, showing the presenter's socket. */
    presenters: {
      listHint: "Os últimos frames do WebSocket de quem apresenta, o mais novo em cima:",
      noFrames: "Nenhum frame ainda: quem apresenta manda um ping.",
      caption: (out: boolean, what: string, time: string, total: string) =>
        `${what}, ${out ? "↑ de quem apresenta para o servidor" : "↓ do servidor para quem apresenta"}, às ${time}: frame de texto, ${total} bytes no total`,
    },
  },
  en: {
    offline:
      "Live, each device sees here the frames of its own WebSocket to the room: the ones it sends (↑) and receives (↓), the message type, the payload bytes and the 2 to 14 header bytes; and one of them drawn bit by bit. For example, the application ping this slide's button sends (a JSON message in a text frame, not the protocol's ping control frame, 0x9):",
    sampleCaption: (ping: string) => `${ping}: from the phone to the server, masked`,
    ping: "Send an application ping",
    sync: "Ask for the state (sync)",
    maskedNote:
      "Client → server: MASK = 1. The browser picks a new 4-byte masking key for every frame and JavaScript never sees it: that's why those bits show as x.",
    unmaskedNote: "Server → client: MASK = 0, no key (RFC 6455, section 5.1).",
    noDrawing: "The drawing shows up with the first frame.",
    extensions: "Negotiated extensions:",
    noExtensions: "none",
    compressed:
      "With permessage-deflate the payload may travel compressed (RSV1 = 1): on the wire, fewer bytes than counted here.",
    uncompressed: "No compression: these are the WebSocket's bytes (TLS on wss:// adds its own).",
    listHint: "This device's latest frames, newest on top. Pick one to see its header:",
    noFrames: "No frames yet: send an application ping.",
    latest: "Back to the newest",
    sent: "↑ sent",
    received: "↓ received",
    ofHeader: (bytes: string) => `(${bytes} of header)`,
    rowLabel: (out: boolean, time: string, what: string, payload: string, header: string, total: string) =>
      `${out ? "Sent" : "Received"} at ${time}: ${what}, ${payload} payload bytes + ${header} header = ${total} bytes`,
    caption: (out: boolean, what: string, time: string, total: string) =>
      `${what}, ${out ? "↑ from this device to the server" : "↓ from the server to this device"}, at ${time}: text frame, ${total} bytes in all`,
    detail: { heartbeat: "heartbeat", yours: "yours", rtt: "measuring", slide: (n: number) => `slide ${n}` },
    presenters: {
      listHint: "The latest frames of the presenter's WebSocket, newest on top:",
      noFrames: "No frames yet: the presenter sends a ping.",
      caption: (out: boolean, what: string, time: string, total: string) =>
        `${what}, ${out ? "↑ from the presenter to the server" : "↓ from the server to the presenter"}, at ${time}: text frame, ${total} bytes in all`,
    },
  },
});
