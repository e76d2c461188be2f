import type { Deck } from "../controllers/deck.ts";
import { pageLocale } from "../../i18n/locales.ts";
import { liveStrings } from "../../live/strings.ts";
import type { RoomInfo } from "../../room/wire.ts";

export type ReopenChoice = "back" | "fresh";

/**
 * "Continuar a apresentação?": `/present/` opened afresh (the README's link, a bookmark) used to
 * make a new room at once, and the audience was left behind in the old one. When this browser
 * presented a room that still exists, the presenter chooses, seeing where that room is. A modal
 * dialog: focus starts on going back, Tab stays inside, Escape also goes back (it loses nothing).
 */
export function askReopen(dialog: HTMLDialogElement, deck: Deck, room: RoomInfo): Promise<ReopenChoice> {
  const t = liveStrings[pageLocale()].reopen;
  const find = (name: string) => dialog.querySelector<HTMLElement>(`[data-reopen="${name}"]`)!;
  const { slide, audience } = room.state;
  find("code").textContent = room.code;
  find("slide").textContent = t.slideOf(slide + 1, deck.slides.length);
  find("slide-title").textContent = deck.slides[slide]?.dataset.title ?? "";
  find("audience").textContent = t.people(audience);
  find("back").textContent = t.back(room.code);

  return new Promise((resolve) => {
    const choose = (choice: ReopenChoice) => {
      dialog.close();
      resolve(choice);
    };
    find("back").addEventListener("click", () => choose("back"), { once: true });
    find("fresh").addEventListener("click", () => choose("fresh"), { once: true });
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      choose("back");
    });
    dialog.showModal();
  });
}
