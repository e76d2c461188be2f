import { expect, test, type Page } from "@playwright/test";
import { visible } from "./deck.ts";

/** Each locale's pages: where they start, and what the reader calls its parts. */
const locales = [
  { name: "pt-br", lang: "pt-BR", base: "/", read: "Ler como artigo", open: (n: number) => `Ver o slide ${n}` },
  { name: "en", lang: "en", base: "/en/", read: "Read as an article", open: (n: number) => `Open slide ${n}` },
] as const;

/** The deck's own account of the talk in one locale: titles, notes (as text) and steps, in order. */
async function deckSlides(page: Page, base: string) {
  await page.goto(`${base}slides/1/`);
  return page.locator("[data-slide-index]").evaluateAll((slides: HTMLElement[]) =>
    slides.map((slide) => ({
      title: slide.dataset.title ?? "",
      steps: Number(slide.dataset.steps),
      notes: [...slide.querySelector(".slide__notes")!.childNodes]
        .filter((node) => !(node instanceof HTMLHeadingElement))
        .map((node) => node.textContent)
        .join("")
        .trim(),
    })),
  );
}

/** The reader's slides, in page order: title, notes without their heading, and the link back. */
function readerSlides(page: Page) {
  return page.locator("[data-reader-slide]").evaluateAll((articles: HTMLElement[]) =>
    articles.map((article) => ({
      number: Number(article.dataset.readerSlide),
      title: article.querySelector(".reader-slide__title")?.textContent ?? "",
      notes: [...article.querySelector(".reader-slide__notes")!.childNodes]
        .filter((node) => !(node instanceof HTMLHeadingElement))
        .map((node) => node.textContent)
        .join("")
        .trim(),
      link: article.querySelector<HTMLAnchorElement>("[data-reader-open]")?.getAttribute("href") ?? "",
      linkText: article.querySelector("[data-reader-open]")?.textContent?.replace("→", "").trim() ?? "",
    })),
  );
}

for (const locale of locales) {
  test.describe(`the reader (${locale.name})`, () => {
    test("is linked from the home page and reads every slide in order, with its notes", async ({ page }) => {
      const deck = await deckSlides(page, locale.base);
      await page.goto(locale.base);
      await page.getByRole("link", { name: locale.read }).click();
      await expect(page).toHaveURL(new RegExp(`${locale.base}reader/$`));
      await expect(page.locator("html")).toHaveAttribute("lang", locale.lang);
      await page.waitForLoadState(); // the URL changes while the long article is still arriving

      const slides = await readerSlides(page);
      expect(slides.map(({ title }) => title)).toEqual(deck.map(({ title }) => title));
      slides.forEach(({ number, notes }, index) => {
        expect(number).toBe(index + 1);
        expect(notes.length, `notes of slide ${number}`).toBeGreaterThan(40);
        expect(notes, `notes of slide ${number}`).toBe(deck[index]!.notes);
      });
      // Every slide is listed once in the table of contents, pointing at its place in the article.
      const toc = page.getByRole("navigation", { name: locale.name === "en" ? "Contents" : "Sumário" });
      await expect(toc.locator("ol ol a")).toHaveCount(deck.length);
      await expect(toc.locator("ol ol a").last()).toHaveAttribute("href", `#reader-slide-${deck.length}`);
      // The language switch leads to the same page in the other language.
      const other = locale.base === "/" ? "/en/reader/" : "/reader/";
      await expect(page.locator("[data-language-switch]")).toHaveAttribute("href", other);
    });

    test("links each slide to the deck, in the same language, at its final step", async ({ page }) => {
      const deck = await deckSlides(page, locale.base);
      await page.goto(`${locale.base}reader/`);
      const slides = await readerSlides(page);
      slides.forEach(({ number, link, linkText }, index) => {
        const steps = deck[index]!.steps;
        expect(link).toBe(`${locale.base}slides/${number}/${steps ? `?step=${steps}` : ""}`);
        expect(linkText).toBe(locale.open(number));
      });
      // Follow a few: the first slide, one with steps, the last.
      const withSteps = deck.findIndex(({ steps }) => steps > 0) + 1;
      for (const number of [1, withSteps, deck.length]) {
        await page.goto(`${locale.base}reader/`);
        await page.locator(`[data-reader-open="${number}"]`).click();
        await expect(page.locator("[data-deck]")).toHaveAttribute("data-ready", "");
        expect(new URL(page.url()).pathname).toBe(`${locale.base}slides/${number}/`);
        expect(await visible(page)).toEqual({ slide: number, shown: deck[number - 1]!.steps });
        await expect(page.locator(`[data-slide-index="${number - 1}"]`)).toHaveAttribute("data-title", slides[number - 1]!.title);
      }
    });
  });
}

test("shows every step revealed, diagrams included, once the islands have drawn", async ({ page }) => {
  await page.goto("/reader/");
  const steps = page.locator(".reader [data-step]");
  expect(await steps.count()).toBeGreaterThan(10);
  // Wake every island (they hydrate when visible), then wait until all have.
  for (const island of await page.locator("astro-island").all()) await island.scrollIntoViewIfNeeded();
  await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(1000); // any entrance would have played by now
  const hidden = await steps.evaluateAll((elements) =>
    elements
      .filter((el) => {
        const style = getComputedStyle(el);
        return style.visibility === "hidden" || style.display === "none" || Number(style.opacity) < 0.99;
      })
      .map((el) => `${el.closest("[data-reader-slide]")?.getAttribute("data-reader-slide")}: ${el.outerHTML.slice(0, 80)}`),
  );
  expect(hidden).toEqual([]);
});

test("is one outline: an h1, parts as h2, slides as h3, and no id twice", async ({ page }) => {
  await page.goto("/reader/");
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("WebSockets");
  const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((headings) =>
    headings.map((heading) => Number(heading.tagName.slice(1))),
  );
  levels.forEach((level, index) => {
    if (index > 0) expect(level, `heading ${index}`).toBeLessThanOrEqual(levels[index - 1]! + 1);
  });
  const ids = await page.locator("[id]").evaluateAll((elements) => elements.map((el) => el.id));
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  expect(ids.some((id) => /^slide-\d/.test(id))).toBe(false);
});

test("prints black on white, without the site's navigation", async ({ page }) => {
  await page.goto("/reader/");
  await page.emulateMedia({ media: "print" });
  for (const chrome of [".reader-bar", ".skip-link", ".reader-toc", "[data-language-switch]"]) {
    await expect(page.locator(chrome).first(), chrome).toBeHidden();
  }
  await expect(page.locator("[data-reader-open]").first()).toBeHidden();
  const colours = await page.evaluate(() => ({
    page: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector(".reader-slide__notes p")!).color,
    title: getComputedStyle(document.querySelector("h1")!).color,
  }));
  expect(colours).toEqual({ page: "rgb(255, 255, 255)", text: "rgb(0, 0, 0)", title: "rgb(0, 0, 0)" });
  // Still the whole talk: every slide and its notes are on paper.
  await expect(page.locator("[data-reader-slide]").first()).toBeVisible();
  await expect(page.locator(".reader-slide__notes").last()).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  for (const locale of locales) {
    test(`never scrolls sideways (${locale.name})`, async ({ page }) => {
      await page.goto(`${locale.base}reader/`);
      for (const island of await page.locator("astro-island").all()) await island.scrollIntoViewIfNeeded();
      await expect(page.locator("astro-island[ssr]")).toHaveCount(0, { timeout: 30_000 });
      const overflow = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        // For the failure message: what sticks out (a child of a scrolling box may, harmlessly).
        wide: [...document.querySelectorAll<HTMLElement>("body *")]
          .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
          .slice(0, 5)
          .map((el) => el.outerHTML.slice(0, 100)),
      }));
      expect(overflow.width, overflow.wide.join("\n")).toBe(375);
    });
  }
});
