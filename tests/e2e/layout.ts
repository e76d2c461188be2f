import type { Page } from "@playwright/test";

/** What the layout audit measures on one page, in one pass over the DOM. */
export interface Floors {
  /** Any visible text in the slide (px); 0 = no floor. */
  body: number;
  /** Code (a monospace font) in the slide (px). */
  code: number;
  /** Labels inside a diagram (px). */
  diagram: number;
}

export interface Offender {
  kind: "wide" | "cut" | "covered" | "small" | "broken-word" | "wraps-code";
  what: string;
  detail: string;
}

/**
 * Measures the slide on screen (and, on the presenter's page, the panel beside it): text sticking out
 * of the viewport or cut by a box that hides its overflow, text under the fixed bars and floating
 * pills, text under its size floor, a word broken mid-word, code that wraps on a phone.
 * On a phone the page is first scrolled to its end: whatever is under the bars then can never be read.
 */
export function measureStep(page: Page, floors: Floors): Promise<Offender[]> {
  return page.evaluate((floors) => {
    const offenders: Offender[] = [];
    const phone = window.innerWidth <= 720;
    if (phone) window.scrollTo(0, document.scrollingElement!.scrollHeight);
    const slide = document.querySelector<HTMLElement>("[data-slide-index]:not([hidden]):not([inert])")!;
    const roots: HTMLElement[] = [slide, ...document.querySelectorAll<HTMLElement>("[data-presenter-panel]")];

    const name = (el: Element): string => {
      const cls = (el.getAttribute("class") ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 2).join(".");
      return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ""}`;
    };
    const short = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 40);

    // What floats over the page: the fixed bar and what hangs from it (tray, banner, "back to live"),
    // and the projector's reactions pill and join badge.
    const obstacles: { el: Element; rect: DOMRect }[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const style = getComputedStyle(el);
      if (style.position !== "fixed" && !(style.position === "absolute" && el.closest(".deck__bar"))) {
        if (!el.matches(".reactions-board__totals, .join-badge")) continue;
      }
      if (el.closest("dialog") || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width < 8 || rect.height < 8) continue; // the 3-px progress line
      if (roots.some((root) => root.contains(el) || el.contains(root))) continue;
      obstacles.push({ el, rect });
    }
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;

    const seen = new Set<string>();
    const report = (kind: Offender["kind"], el: Element, detail: string) => {
      const key = `${kind} ${name(el)} ${detail}`;
      if (seen.has(key)) return;
      seen.add(key);
      offenders.push({ kind, what: `${name(el)} "${short(el.textContent ?? "")}"`, detail });
    };

    // A scaled copy (transform: scale) shows its text smaller than its font-size says.
    const scaleOf = (el: HTMLElement) => {
      for (let a: HTMLElement | null = el; a; a = a.parentElement) {
        if (getComputedStyle(a).transform !== "none" && a.offsetWidth) return a.getBoundingClientRect().width / a.offsetWidth;
      }
      return 1;
    };

    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        if (!text.trim()) continue;
        const el = node.parentElement!;
        if (el.closest(".sr-only, script, style, template, [hidden]")) continue;
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (!rects.length) continue;
        const box = range.getBoundingClientRect();

        // Cut: a box that hides its overflow (up to the slide) must hold the text; a scroller may
        // hold it (it scrolls), and is then what must fit in the boxes around it.
        let reach = box;
        let view = new DOMRect(-1e6, -1e6, 2e6, 2e6); // what of the text a scroller shows right now
        for (let a = el; a && a !== root.parentElement; a = a.parentElement!) {
          const style = getComputedStyle(a);
          if (style.overflowX === "visible" && style.overflowY === "visible") continue;
          const r = a.getBoundingClientRect();
          const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY);
          if (scrolls) {
            reach = r;
            const left = Math.max(view.left, r.left), top = Math.max(view.top, r.top);
            view = new DOMRect(left, top, Math.min(view.right, r.right) - left, Math.min(view.bottom, r.bottom) - top);
            continue;
          }
          if (reach.left < r.left - 1 || reach.right > r.right + 1 || reach.top < r.top - 1 || reach.bottom > r.bottom + 1) {
            report("cut", el, `by ${name(a)}`);
            break;
          }
        }
        if (reach.left < -1 || reach.right > window.innerWidth + 1) report("wide", el, `x ${Math.round(reach.left)}…${Math.round(reach.right)} of ${window.innerWidth}`);
        if (!phone && reach.bottom > window.innerHeight + 1) report("cut", el, `below the window (${Math.round(reach.bottom)})`);

        for (const { el: over, rect } of obstacles) {
          if (over.contains(el)) continue;
          if (rects.some((r) => overlap(r, view) && overlap(r, rect))) report("covered", el, `by ${name(over)}`);
        }

        // Size floors, in the pixels the eye gets (a scaled copy counts as scaled).
        const style = getComputedStyle(el);
        const size = parseFloat(style.fontSize) * scaleOf(el);
        const diagram = !!el.closest(".diagram");
        // A diagram's labels may be monospace (bit numbers, opcodes): labels, with the labels' floor.
        const code = !!el.closest("pre, code, kbd, samp") || (!diagram && /mono/i.test(style.fontFamily));
        const floor = Math.max(floors.body, code ? floors.code : 0, diagram ? floors.diagram : 0);
        const wanted = code && floors.body ? Math.min(floors.body, floors.code) : floor;
        if (size < wanted - 0.25) report("small", el, `${size.toFixed(1)} px < ${wanted} px`);

        // A word of prose broken across two lines ("reservado s").
        if (rects.length > 1 && !code) {
          for (const match of text.matchAll(/\p{L}{3,}/gu)) {
            // A soft hyphen is a break the text allows (drawn as a hyphen).
            if (text[match.index - 1] === "\u00AD" || text[match.index + match[0].length] === "\u00AD") continue;
            const word = document.createRange();
            word.setStart(node, match.index);
            word.setEnd(node, match.index + match[0].length);
            const tops = new Set([...word.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) report("broken-word", el, `"${match[0]}"`);
          }
        }
      }
    }

    // Any element (a picture, a QR code, a box) wider than the window, unless a scroller holds it.
    for (const root of roots) {
      for (const el of root.querySelectorAll<HTMLElement>("*")) {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || (r.left >= -1 && r.right <= window.innerWidth + 1)) continue;
        if (el.closest(".sr-only, .credits")) continue;
        let held = false;
        for (let a = el.parentElement; a && a !== root.parentElement && !held; a = a.parentElement) {
          held = /auto|scroll/.test(getComputedStyle(a).overflowX);
        }
        if (!held) report("wide", el, `x ${Math.round(r.left)}…${Math.round(r.right)} of ${window.innerWidth}`);
      }
    }

    // Code on a phone keeps its indentation: it scrolls sideways, never wraps.
    if (phone) {
      for (const pre of slide.querySelectorAll<HTMLElement>("pre")) {
        if (!pre.checkVisibility()) continue;
        const style = getComputedStyle(pre);
        if (style.textWrapMode !== "nowrap") report("wraps-code", pre, `white-space: ${style.whiteSpace}`);
      }
      window.scrollTo(0, 0);
    }
    return offenders;
  }, floors);
}

/**
 * The overview's thumbnails (open on the page): each is the slide drawn small, so nothing in it may
 * spill out of its frame or over its title.
 */
export function measureThumbnails(page: Page): Promise<Offender[]> {
  return page.evaluate(() => {
    const offenders: Offender[] = [];
    for (const [index, inner] of [...document.querySelectorAll<HTMLElement>("[data-overview] .slide__inner")].entries()) {
      const box = inner.getBoundingClientRect();
      const title = inner.querySelector(".slide__title")?.getBoundingClientRect();
      const body = inner.querySelector(".slide__body");
      for (const el of inner.querySelectorAll<HTMLElement>("*")) {
        if (el.closest(".credits, .sr-only") || !el.checkVisibility({ visibilityProperty: true })) continue;
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height) continue;
        const what = `slide ${index + 1} <${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}">`;
        if (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1 || r.top < box.top - 1) {
          offenders.push({ kind: "cut", what, detail: "spills out of its thumbnail" });
          break;
        }
        if (title && body?.contains(el) && r.top < title.bottom - 1 && r.bottom > title.top && r.left < title.right && r.right > title.left) {
          offenders.push({ kind: "covered", what, detail: "over the slide's title in its thumbnail" });
          break;
        }
      }
    }
    return offenders;
  });
}
