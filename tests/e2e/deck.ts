import { expect, type Page } from "@playwright/test";

/** What the deck says about itself, read from the page (the built site is the source of truth). */
export async function deckShape(page: Page): Promise<{ stepCounts: number[]; titles: string[] }> {
  return page.locator("[data-deck]").evaluate((deck: HTMLElement) => ({
    stepCounts: JSON.parse(deck.dataset.stepCounts ?? "[]") as number[],
    titles: [...deck.querySelectorAll<HTMLElement>("[data-slide-index]")].map((s) => s.dataset.title ?? ""),
  }));
}

/** Opens a slide (1-based, as in URLs) and waits for the deck's script to take over. */
export async function openSlide(page: Page, n: number, step = 0): Promise<void> {
  await page.goto(`/slides/${n}/${step ? `?step=${step}` : ""}`);
  await expect(page.locator("[data-deck]")).toHaveAttribute("data-ready", "");
}

/** Opens the slide titled `title` (its number read from the deck, so renumbering never breaks a test). */
export async function openSlideTitled(page: Page, title: string): Promise<void> {
  await openSlide(page, 1);
  const index = await page.locator(`[data-slide-index][data-title="${title}"]`).getAttribute("data-slide-index");
  await openSlide(page, Number(index) + 1);
}

/** The slide on screen (1-based) and how many of its step marks are revealed. */
export async function visible(page: Page): Promise<{ slide: number; shown: number }> {
  return page.evaluate(() => {
    const slides = [...document.querySelectorAll<HTMLElement>("[data-slide-index]")].filter((s) => !s.hidden);
    if (slides.length !== 1) throw new Error(`${slides.length} slides visible`);
    const slide = slides[0]!;
    const shown = new Set(
      [...slide.querySelectorAll<HTMLElement>("[data-step][data-shown]")].map((el) => el.dataset.step),
    );
    return { slide: Number(slide.dataset.slideIndex) + 1, shown: shown.size };
  });
}

/** Waits until exactly one slide is visible (a transition has two for a moment). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll<HTMLElement>("[data-slide-index]")].filter((s) => !s.hidden).length === 1,
  );
}
