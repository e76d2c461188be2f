/**
 * The phone's reaction tray: six buttons in (or just above) the deck's bar, on every slide.
 * Taps are counted here and sent in batches (batch.ts): a tap never waits for the network, and
 * a crowd tapping costs the room a few messages a second per phone. Each button shows the room's
 * total for its reaction, from the coalesced reports. Plain DOM: no framework on the phone's page.
 */
import { REACTIONS, type Reaction } from "./protocol.ts";
import type { RoomClient } from "../../live/room.ts";
import { TapBatch } from "./batch.ts";
import { htmlLang, pageLocale } from "../../i18n/locales.ts";
import { reactionsStrings } from "./strings.ts";
import type { ReactionsReport } from "./tally.ts";
import "./reactions.css";

export function mountReactionTray(client: RoomClient, bar: HTMLElement): void {
  const locale = pageLocale();
  const t = reactionsStrings[locale];
  const format = new Intl.NumberFormat(htmlLang[locale], { notation: "compact" });
  const tray = document.createElement("div");
  tray.className = "reactions-tray";
  tray.setAttribute("role", "group");
  tray.setAttribute("aria-label", t.tray);
  tray.dataset.reactions = "tray";
  const counts = new Map<Reaction, HTMLElement>();
  const batch = new TapBatch();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const counts = batch.take(Date.now());
    if (counts && !client.send({ type: "react", counts })) batch.putBack(counts);
    schedule();
  };
  function schedule() {
    if (timer !== undefined) return;
    const wait = batch.wait(Date.now());
    // Offline: the taps wait, and go out once the socket is back (checked once a second).
    if (wait !== null) timer = setTimeout(flush, client.get().status === "online" ? wait : Math.max(wait, 1000));
  }

  for (const reaction of REACTIONS) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "reactions-tray__button";
    button.dataset.reaction = reaction;
    // Named by its content, so the total on screen is part of the name (WCAG 2.5.3, label in name).
    const name = document.createElement("span");
    name.className = "sr-only";
    name.textContent = `${t.react(t.names[reaction])}, `;
    const emoji = document.createElement("span");
    emoji.className = "reactions-tray__emoji";
    emoji.setAttribute("aria-hidden", "true");
    emoji.textContent = reaction;
    const count = document.createElement("span");
    count.className = "reactions-tray__count";
    count.textContent = "0";
    button.append(name, emoji, count);
    button.addEventListener("click", () => {
      batch.tap(reaction);
      schedule();
      // Restart the little pop, even on a fast second tap.
      button.classList.remove("reactions-tray__button--pop");
      void button.offsetWidth;
      button.classList.add("reactions-tray__button--pop");
    });
    counts.set(reaction, count);
    tray.append(button);
  }

  const show = (report: ReactionsReport) => {
    for (const [reaction, element] of counts) element.textContent = format.format(report.totals[reaction] ?? 0);
  };
  client.watch("reactions", show);

  const anchor = bar.querySelector("[data-back-to-live]");
  if (anchor) anchor.after(tray);
  else bar.append(tray);
  bar.closest("[data-deck]")?.setAttribute("data-reaction-tray", "");
}
