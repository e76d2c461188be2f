/** What each reaction is called on screen (pt-BR), for buttons' accessible names and the totals. */
import type { Reaction } from "../../room/protocol.ts";

export const REACTION_NAMES: Readonly<Record<Reaction, string>> = {
  "👏": "aplausos",
  "❤️": "coração",
  "😂": "risada",
  "🤯": "cabeça explodindo",
  "🐍": "cobra (Python)",
  "🔥": "fogo",
};
