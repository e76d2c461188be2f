import type { Page } from "@playwright/test";

export interface SlideFit {
  slide: number;
  /** width / height of the slide's box */
  ratio: number;
  width: number;
  titleFontSize: number;
  /** how far the page scrolls sideways with this slide on screen */
  pageOverflowX: number;
  /** elements that stick out of the slide's box (the credits roll is meant to) */
  outside: string[];
}

/**
 * Shows each slide in turn, fully revealed, and measures it. Done in one pass in the page so the
 * whole deck is checked in a second; the islands are measured as their server-rendered (final) state.
 */
export async function measureSlides(page: Page): Promise<SlideFit[]> {
  return page.evaluate(() => {
    const slides = [...document.querySelectorAll<HTMLElement>("[data-slide-index]")];
    const before = slides.map((slide) => slide.hidden);
    const fits = slides.map((slide, index) => {
      slides.forEach((other) => (other.hidden = other !== slide));
      slide.querySelectorAll("[data-step]").forEach((el) => el.setAttribute("data-shown", ""));
      const inner = slide.querySelector<HTMLElement>(".slide__inner")!;
      const box = inner.getBoundingClientRect();
      const outside = [...inner.querySelectorAll("*")]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          if (el.closest(".credits, .sr-only") || r.width === 0 || r.height === 0) return false;
          // Inside a box that scrolls (code on a phone scrolls sideways rather than wrap): reachable.
          for (let a = el.parentElement; a && a !== inner; a = a.parentElement) {
            if (/auto|scroll/.test(getComputedStyle(a).overflowX)) return false;
          }
          return r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1;
        })
        .slice(0, 3)
        .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${el.textContent?.slice(0, 40)}`);
      return {
        slide: index + 1,
        ratio: box.width / box.height,
        width: box.width,
        titleFontSize: parseFloat(getComputedStyle(slide.querySelector(".slide__title")!).fontSize),
        pageOverflowX: document.documentElement.scrollWidth - window.innerWidth,
        outside,
      };
    });
    slides.forEach((slide, i) => (slide.hidden = before[i]!));
    return fits;
  });
}
