import { animate } from "framer-motion/dom/mini";
import type { Deck } from "./deck.ts";

type Running = { complete(): void };

const EASE_OUT = [0.22, 1, 0.36, 1] as const;

/**
 * Shows the current slide and its revealed steps. Slides slide in from the side they come
 * from; steps fade up. With prefers-reduced-motion nothing moves: the same content appears at once.
 */
export function mountView(deck: Deck): void {
  const reducedMotion = matchMedia("(prefers-reduced-motion: reduce)");
  let running: Running[] = [];

  deck.onMove((position, before) => {
    // A new move finishes the previous one's animations first, so fast key presses never pile up.
    for (const animation of running.splice(0)) animation.complete();
    const moving = before !== null && !reducedMotion.matches;

    if (before?.slide !== position.slide) {
      running.push(...showSlide(deck, position.slide, moving ? before?.slide : undefined));
    }
    const stepBefore = moving && before?.slide === position.slide ? before.step : undefined;
    const slide = deck.slides[position.slide];
    if (slide) running.push(...revealSteps(slide, position.step, stepBefore));
  });
}

function showSlide(deck: Deck, index: number, from: number | undefined): Running[] {
  deck.slides.forEach((slide, i) => {
    if (i !== index && i !== from) slide.hidden = true;
  });
  const incoming = deck.slides[index];
  if (!incoming) return [];
  incoming.hidden = false;
  incoming.removeAttribute("inert");
  incoming.removeAttribute("aria-hidden");

  const outgoing = from === undefined ? undefined : deck.slides[from];
  if (!outgoing) return [];
  // The leaving slide stays painted under the arriving one while it fades, but out of reach.
  outgoing.inert = true;
  outgoing.setAttribute("aria-hidden", "true");
  const direction = index > (from ?? 0) ? 1 : -1;
  const enter = animate(
    incoming,
    { opacity: [0, 1], transform: [`translateX(${direction * 4}%)`, "none"] },
    { duration: 0.45, ease: EASE_OUT },
  );
  const leave = animate(
    outgoing,
    { opacity: [1, 0], transform: ["none", `translateX(${direction * -4}%)`] },
    { duration: 0.3, ease: EASE_OUT },
  );
  enter.then(() => clearStyles(incoming));
  leave.then(() => {
    clearStyles(outgoing);
    if (deck.position().slide !== from) outgoing.hidden = true;
    outgoing.inert = false;
    outgoing.removeAttribute("aria-hidden");
  });
  return [enter, leave];
}

function revealSteps(slide: HTMLElement, step: number, stepBefore: number | undefined): Running[] {
  const running: Running[] = [];
  for (const element of slide.querySelectorAll<HTMLElement | SVGElement>("[data-step]")) {
    const at = Number(element.dataset.step);
    const shown = at <= step;
    element.toggleAttribute("data-shown", shown);
    if (shown && stepBefore !== undefined && at > stepBefore) {
      const keyframes =
        element instanceof SVGElement
          ? { opacity: [0, 1] }
          : { opacity: [0, 1], transform: ["translateY(0.5em)", "none"] };
      const reveal = animate(element, keyframes, { duration: 0.4, ease: EASE_OUT });
      reveal.then(() => clearStyles(element));
      running.push(reveal);
    }
  }
  return running;
}

function clearStyles(element: HTMLElement | SVGElement): void {
  element.style.removeProperty("opacity");
  element.style.removeProperty("transform");
}
