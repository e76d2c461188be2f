import { defineStrings } from "../i18n/strings.ts";

/** The diagrams' own words (their labels, captions and contents come from the slides). */
export const diagramsStrings = defineStrings({
  "pt-br": {
    layers: {
      label: "Modelo OSI, da camada 7 (no topo) à camada 1",
      names: { 7: "Aplicação", 6: "Apresentação", 5: "Sessão", 4: "Transporte", 3: "Rede", 2: "Enlace", 1: "Física" },
      /** Layer 1's examples are media, not protocol names: they are words. */
      media: ["cabo", "rádio"],
      websocketHere: "aqui vive o WebSocket",
      websocketConnection: "a conexão do WebSocket",
      litNote: " (em destaque: WebSocket)",
      markedNote: " (o WebSocket roda sobre uma conexão TCP)",
    },
    exchange: {
      client: "Cliente",
      server: "Servidor",
      tube: "uma conexão aberta · quadros nos dois sentidos",
      intro: (client: string, server: string) =>
        `Diagrama de sequência: ${client} à esquerda, ${server} à direita. Mensagens, de cima para baixo:`,
      message: (from: string, to: string, label: string) => `${from} para ${to}: ${label}`,
      kinds: { request: "", response: "", empty: " — resposta vazia, nada novo", held: " — a requisição fica aberta no servidor até haver resposta", frame: " — quadro WebSocket" },
      tubeFrom: (message: number) =>
        `A partir da mensagem ${message}, uma única conexão WebSocket fica aberta e leva quadros nos dois sentidos.`,
    },
    bars: {
      log: (unit: string | undefined) => `escala logarítmica: cada marca vale 10× a anterior${unit ? ` · ${unit}` : ""}`,
      unit: (unit: string) => `em ${unit}`,
      million: (count: string) => `${count} mi`,
    },
    frame: {
      bytes: (count: string, one: boolean) => `${count} ${one ? "byte" : "bytes"}`,
      header: "cabeçalho:",
      payload: "payload:",
      cont: "(cont.)",
      description: "Cabeçalho de um quadro WebSocket (RFC 6455, seção 5.2), campo a campo, em bits:",
      bits: (count: number) => `${count} bits`,
      opcodes: { 0x0: "continuação", 0x1: "texto", 0x2: "binário", 0x8: "fechar", 0x9: "ping", 0xa: "pong" },
      final: "quadro final",
      moreFragments: "há mais fragmentos",
      reserved: "reser\u00ADvados", // a soft hyphen: a narrow field breaks it as "reser-vados"
      masked: "mascarado",
      unmasked: "sem máscara",
      payloadLength: "tamanho do payload",
      see16: "126: ver 16 bits",
      see64: "127: ver 64 bits",
      extendedLength: "tamanho estendido",
      maskingKey: "chave de máscara",
      randomKey: "aleatória, escolhida pelo cliente",
    },
  },
  en: {
    layers: {
      label: "The OSI model, from layer 7 (at the top) to layer 1",
      names: { 7: "Application", 6: "Presentation", 5: "Session", 4: "Transport", 3: "Network", 2: "Data link", 1: "Physical" },
      media: ["cable", "radio"],
      websocketHere: "WebSocket lives here",
      websocketConnection: "WebSocket's connection",
      litNote: " (highlighted: WebSocket)",
      markedNote: " (WebSocket runs over a TCP connection)",
    },
    exchange: {
      client: "Client",
      server: "Server",
      tube: "one open connection · frames both ways",
      intro: (client, server) => `Sequence diagram: ${client} on the left, ${server} on the right. Messages, top to bottom:`,
      message: (from, to, label) => `${from} to ${to}: ${label}`,
      kinds: { request: "", response: "", empty: " — empty response, nothing new", held: " — the request stays open at the server until there is an answer", frame: " — WebSocket frame" },
      tubeFrom: (message) => `From message ${message} on, a single WebSocket connection stays open and carries frames both ways.`,
    },
    bars: {
      log: (unit) => `logarithmic scale: each mark is worth 10× the one before${unit ? ` · ${unit}` : ""}`,
      unit: (unit) => `in ${unit}`,
      million: (count) => `${count}M`,
    },
    frame: {
      bytes: (count, one) => `${count} ${one ? "byte" : "bytes"}`,
      header: "header:",
      payload: "payload:",
      cont: "(cont.)",
      description: "A WebSocket frame header (RFC 6455, section 5.2), field by field, in bits:",
      bits: (count) => `${count} bits`,
      opcodes: { 0x0: "continuation", 0x1: "text", 0x2: "binary", 0x8: "close", 0x9: "ping", 0xa: "pong" },
      final: "final frame",
      moreFragments: "more fragments follow",
      reserved: "reserved",
      masked: "masked",
      unmasked: "unmasked",
      payloadLength: "payload length",
      see16: "126: see 16 bits",
      see64: "127: see 64 bits",
      extendedLength: "extended length",
      maskingKey: "masking key",
      randomKey: "random, picked by the client",
    },
  },
});
