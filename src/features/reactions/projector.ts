/**
 * The projector's (and the presenter's) reactions: emoji that float up over the slide, and the
 * running totals in a corner, on every slide. Each report carries exact totals; what grew since
 * the previous report floats (tally.ts `floats`), so merged or missed reports lose nothing. With
 * reduced motion nothing floats: the totals update, that's all.
 */
import { REACTIONS, type Reaction } from "./protocol.ts";
import type { RoomClient } from "../../live/room.ts";
import { htmlLang, pageLocale } from "../../i18n/locales.ts";
import { reactionsStrings } from "./strings.ts";
import { floats, type ReactionsReport, type ReactionTotals } from "./tally.ts";
import "./reactions.css";

/** Floating emoji per report, and on screen at once: a crowd's burst is shown, not every tap. */
const FLOATS_PER_REPORT = 24;
const FLOATS_ON_SCREEN = 120;

export function mountReactionBoard(client: RoomClient, viewport: HTMLElement): void {
  const locale = pageLocale();
  const t = reactionsStrings[locale];
  const format = new Intl.NumberFormat(htmlLang[locale]);
  const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)");
  const board = document.createElement("div");
  board.className = "reactions-board";
  board.dataset.reactions = "board";
  const sky = document.createElement("div");
  sky.className = "reactions-board__sky";
  sky.setAttribute("aria-hidden", "true");
  const totals = document.createElement("ul");
  totals.className = "reactions-board__totals";
  totals.setAttribute("aria-label", t.totals);
  totals.hidden = true;
  const cells = new Map<Reaction, HTMLElement>();
  for (const reaction of REACTIONS) {
    const item = document.createElement("li");
    item.className = "reactions-board__total";
    const emoji = document.createElement("span");
    emoji.setAttribute("aria-hidden", "true");
    emoji.textContent = reaction;
    const name = document.createElement("span");
    name.className = "sr-only";
    name.textContent = `${t.names[reaction]}: `;
    const count = document.createElement("span");
    count.className = "reactions-board__count";
    count.dataset.reactionTotal = reaction;
    count.textContent = "0";
    item.append(emoji, name, count);
    cells.set(reaction, count);
    totals.append(item);
  }
  board.append(sky, totals);
  viewport.append(board);

  const float = (reaction: Reaction) => {
    if (sky.childElementCount >= FLOATS_ON_SCREEN) return;
    const item = document.createElement("span");
    item.className = "reactions-board__float";
    item.textContent = reaction;
    item.style.setProperty("--x", `${55 + Math.random() * 40}%`);
    item.style.setProperty("--drift", `${(Math.random() - 0.5) * 8}rem`);
    item.style.setProperty("--delay", `${Math.random() * 0.35}s`);
    item.addEventListener("animationend", () => item.remove(), { once: true });
    sky.append(item);
  };

  let seen: ReactionTotals | null = null;
  const show = (report: ReactionsReport) => {
    for (const [reaction, cell] of cells) cell.textContent = format.format(report.totals[reaction] ?? 0);
    totals.hidden = report.total === 0;
    board.dataset.total = String(report.total);
    // The first report after connecting is the past: it sets the baseline, nothing floats.
    if (seen && !reduceMotion.matches) {
      const grown = Object.entries(floats(seen, report.totals)) as [Reaction, number][];
      const sum = grown.reduce((total, [, n]) => total + n, 0);
      // A burst larger than the budget is shown in proportion: each reaction gets its share.
      const scale = Math.min(1, FLOATS_PER_REPORT / Math.max(1, sum));
      for (const [reaction, n] of grown) for (let i = 0; i < Math.max(1, Math.round(n * scale)); i++) float(reaction);
    }
    seen = report.totals;
  };
  client.watch("reactions", show);
}
