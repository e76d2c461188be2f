import { defineStrings } from "../../i18n/strings.ts";

/**
 * A reader's own room (personal.ts): the card that says whose room it is and how to share it. Its
 * link states (connecting, offline…) are the live pages' own words, in src/live/strings.ts.
 */
export const personalRoomStrings = defineStrings({
  "pt-br": {
    title: (code: string) => `Sala só sua: ${code}`,
    guestTitle: (code: string) => `Na sala ${code}`,
    hint: "Nenhuma palestra ao vivo agora, então as demonstrações rodam numa sala só sua. Abra esta página em outra aba ou em outro aparelho para ver as mensagens irem e voltarem.",
    guestHint: "Você entrou na sala de outra aba ou aparelho: o que fizer aqui aparece lá, e vice-versa.",
    openTab: "Abrir em outra aba",
    qr: "Mostrar QR code",
    qrLabel: (code: string) => `QR code desta página na sala ${code}`,
    online: (others: number) => (others === 0 ? "Só você por enquanto" : others === 1 ? "Você e mais 1" : `Você e mais ${others}`),
    guestOnline: "Conectado",
    refused: "A sala não existe mais: recarregue para abrir outra",
  },
  en: {
    title: (code) => `Your own room: ${code}`,
    guestTitle: (code) => `In room ${code}`,
    hint: "No talk is live right now, so the demos run in a room of your own. Open this page in another tab or on another device to watch messages flow both ways.",
    guestHint: "You joined a room from another tab or device: what you do here shows up there, and the other way round.",
    openTab: "Open in another tab",
    qr: "Show QR code",
    qrLabel: (code) => `QR code of this page in room ${code}`,
    online: (others) => (others === 0 ? "Just you so far" : others === 1 ? "You and 1 more" : `You and ${others} more`),
    guestOnline: "Connected",
    refused: "This room is gone: reload to open another",
  },
});
