import type { Deck } from "../controllers/deck.ts";
import { isDeckKey } from "../controllers/keyboard.ts";
import { pageLocale } from "../../i18n/locales.ts";
import { qrSvg } from "../../live/qr.ts";
import type { RoomClient } from "../../live/room.ts";
import { liveStrings } from "../../live/strings.ts";
import { joinAddress, joinUrl } from "../../live/urls.ts";
import { joinShown, type JoinPart, type PublicState } from "../../room/state.ts";

/**
 * How to join, on the big screen (the projector's window and the presenter's stage): a card
 * beside the slide with the QR code, the address and the room's code, on the opening slides
 * (frontmatter `join: true`) and whenever the presenter asks (J); on every other slide a small
 * badge with the code in the slide's corner, unless the presenter hides it (Shift+J). What shows
 * is the room's public state, so the projector mirrors the presenter without a message of its own.
 * Phones never show either (they are in the room already): the CSS hides both on small screens.
 */
export function mountJoinInfo(deck: Deck, client: RoomClient, code: string): void {
  const locale = pageLocale();
  const t = liveStrings[locale].joinInfo;
  const viewport = deck.root.querySelector<HTMLElement>("[data-deck-viewport]")!;
  const stage = viewport.querySelector<HTMLElement>(".deck__stage")!;
  const address = joinAddress(locale);

  const card = element("aside", "join-card");
  card.dataset.joinCard = "";
  card.setAttribute("aria-label", t.label);
  const qr = element("div", "join-card__qr");
  qr.append(qrSvg(joinUrl(code, locale), liveStrings[locale].panel.qr(code)));
  card.append(
    element("p", "join-card__title", t.title),
    qr,
    element("p", "join-card__line", t.open),
    breakable(element("p", "join-card__address"), address),
    element("p", "join-card__line", t.type),
    element("p", "join-card__code", code),
  );

  const badge = element("p", "join-badge");
  badge.dataset.joinBadge = "";
  badge.append(element("span", "sr-only", t.code), element("span", "join-badge__address", address), element("span", "join-badge__code", code));

  viewport.append(card);
  stage.append(badge);

  const render = () => {
    const shown = shownNow(deck, client.get().view?.state);
    card.hidden = !shown.card;
    badge.hidden = !shown.badge;
    viewport.toggleAttribute("data-beside-join-card", shown.card);
  };
  render();
  client.subscribe(render);
}

/**
 * The presenter's side: J shows or hides the card on this slide, Shift+J the badge on every
 * slide; the panel's two toggle buttons do the same and say what is on. Both go to the room
 * (`showJoin`), which every screen follows.
 */
export function controlJoinInfo(deck: Deck, client: RoomClient, buttons: Iterable<HTMLButtonElement>): void {
  const toggle = (part: JoinPart) => {
    const state = client.get().view?.state;
    if (!state) return;
    // The card toggles what is on screen now; the badge its setting (it is hidden under the card anyway).
    const shown = part === "card" ? !shownNow(deck, state).card : !state.joinBadge;
    client.send({ type: "showJoin", part, shown });
  };
  document.addEventListener("keydown", (event) => {
    if (event.key.toLowerCase() !== "j" || !isDeckKey(event)) return;
    event.preventDefault();
    toggle(event.shiftKey ? "badge" : "card");
  });

  const toggles = [...buttons];
  for (const button of toggles) button.addEventListener("click", () => toggle(button.dataset.joinToggle as JoinPart));
  const render = () => {
    const state = client.get().view?.state;
    if (!state) return;
    const on = { card: shownNow(deck, state).card, badge: state.joinBadge };
    for (const button of toggles) button.setAttribute("aria-pressed", String(on[button.dataset.joinToggle as JoinPart]));
  };
  render();
  client.subscribe(render);
}

/** What shows on the room's current slide (nothing before the room answers). */
function shownNow(deck: Deck, state: PublicState | undefined): { card: boolean; badge: boolean } {
  if (!state) return { card: false, badge: false };
  return joinShown(state, deck.slides[state.slide]?.hasAttribute("data-join") ?? false);
}

function element(tag: string, className: string, text?: string): HTMLElement {
  const made = document.createElement(tag);
  made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}

/** An address that may wrap after its slashes only, never inside a number or a name. */
function breakable(target: HTMLElement, address: string): HTMLElement {
  const parts = address.split(/(?<=\/)/);
  parts.forEach((part, i) => {
    target.append(part);
    if (i < parts.length - 1) target.append(document.createElement("wbr"));
  });
  return target;
}
