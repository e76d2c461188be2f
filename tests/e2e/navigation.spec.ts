import { expect, test } from "@playwright/test";
import { deckShape, openSlide, settled, visible } from "./deck.ts";

test.describe("walking the whole deck", () => {
  // Transitions are covered in motion.spec.ts; here they would only slow a hundred moves down.
  test.use({ reducedMotion: "reduce" });

  test("→ walks every step of every slide, and ← walks all the way back", async ({ page }) => {
    test.setTimeout(90_000); // some 300 round trips to the browser
    await openSlide(page, 1);
    const { stepCounts, titles } = await deckShape(page);
    expect(titles.length).toBeGreaterThanOrEqual(20);

    const here = () =>
      page.evaluate(() => ({
        path: location.pathname + location.search,
        title: document.querySelector("[data-slide-index]:not([hidden]) .slide__title")?.textContent,
      }));
    for (const [index, steps] of stepCounts.entries()) {
      for (let step = 0; step <= steps; step++) {
        expect(await visible(page)).toEqual({ slide: index + 1, shown: step });
        expect(await here()).toEqual({
          path: `/slides/${index + 1}/${step ? `?step=${step}` : ""}`,
          title: titles[index],
        });
        await page.keyboard.press("ArrowRight");
      }
    }
    // At the very end, → stays put.
    expect(await visible(page)).toEqual({ slide: stepCounts.length, shown: stepCounts.at(-1) });

    for (let index = stepCounts.length - 1; index >= 0; index--) {
      for (let step = stepCounts[index]!; step >= 0; step--) {
        expect(await visible(page)).toEqual({ slide: index + 1, shown: step });
        await page.keyboard.press("ArrowLeft");
      }
    }
    expect(await visible(page)).toEqual({ slide: 1, shown: 0 });
    await expect(page).toHaveURL(/\/slides\/1\/$/);
  });
});

test("every slide's step marks are exactly steps 1..N of its frontmatter", async ({ page }) => {
  await openSlide(page, 1);
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-slide-index]")].map((slide) => ({
      declared: Number(slide.dataset.steps),
      used: [...new Set([...slide.querySelectorAll<HTMLElement>("[data-step]")].map((el) => Number(el.dataset.step)))].sort(
        (a, b) => a - b,
      ),
    })),
  );
  marks.forEach(({ declared, used }, index) => {
    expect(used, `slide ${index + 1}`).toEqual(Array.from({ length: declared }, (_, i) => i + 1));
  });
});

test("Space, PageDown, PageUp, Shift+Space, Home and End move like the best decks", async ({ page }) => {
  await openSlide(page, 1);
  const { stepCounts } = await deckShape(page);
  const next = async (key: string, expected: { slide: number; shown: number }) => {
    await page.keyboard.press(key);
    await settled(page);
    expect(await visible(page)).toEqual(expected);
  };
  // Slide 1 has no steps on purpose in most decks; compute what one move forward means.
  const afterFirst = stepCounts[0]! > 0 ? { slide: 1, shown: 1 } : { slide: 2, shown: 0 };
  await next("Space", afterFirst);
  await next("Shift+Space", { slide: 1, shown: 0 });
  await next("PageDown", afterFirst);
  await next("PageUp", { slide: 1, shown: 0 });
  await next("End", { slide: stepCounts.length, shown: stepCounts.at(-1)! });
  await next("Home", { slide: 1, shown: 0 });
});

test("a deep link opens its slide and step, and reloading keeps them", async ({ page }) => {
  const { stepCounts } = await (async () => {
    await openSlide(page, 1);
    return deckShape(page);
  })();
  const target = stepCounts.findIndex((steps, i) => i > 3 && steps >= 2);
  expect(target).toBeGreaterThan(0);
  await openSlide(page, target + 1, 2);
  expect(await visible(page)).toEqual({ slide: target + 1, shown: 2 });
  await page.keyboard.press("ArrowRight");
  await page.reload();
  await expect(page.locator("[data-deck]")).toHaveAttribute("data-ready", "");
  const expected = stepCounts[target]! >= 3 ? { slide: target + 1, shown: 3 } : { slide: target + 2, shown: 0 };
  expect(await visible(page)).toEqual(expected);
  // Out-of-range steps are clamped, not trusted.
  await openSlide(page, target + 1, 99);
  expect(await visible(page)).toEqual({ slide: target + 1, shown: stepCounts[target]! });
  await expect(page).toHaveURL(new RegExp(`\\?step=${stepCounts[target]}$`));
});

test("the browser's back button returns to the previous slide without a reload", async ({ page }) => {
  await openSlide(page, 3);
  await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true));
  await page.keyboard.press("End");
  await settled(page);
  await page.goBack();
  await settled(page);
  expect((await visible(page)).slide).toBe(3);
  expect(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker)).toBe(true);
});

test("the previous/next buttons move one step and point at real pages", async ({ page }) => {
  await openSlide(page, 2);
  const next = page.getByRole("link", { name: "Próximo" });
  const prev = page.getByRole("link", { name: "Anterior" });
  await next.click();
  await settled(page);
  const after = await visible(page);
  expect(after.slide === 3 || after.shown === 1).toBe(true);
  await prev.click();
  await settled(page);
  expect(await visible(page)).toEqual({ slide: 2, shown: 0 });
  await page.keyboard.press("Home");
  await expect(page.locator('[data-nav="prev"]')).toHaveAttribute("aria-disabled", "true");
  await expect(page.locator('[data-nav="prev"]')).not.toHaveAttribute("href");
});

test("the counter, the progress bar and the title follow the slide", async ({ page }) => {
  await openSlide(page, 1);
  const { titles } = await deckShape(page);
  await page.keyboard.press("End");
  await expect(page.locator("[data-counter]")).toHaveText(String(titles.length));
  await expect(page).toHaveTitle(new RegExp(`^${titles.at(-1)!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · `));
  const scale = await page.locator("[data-progress]").evaluate((bar) => bar.style.transform);
  expect(scale).toBe("scaleX(1)");
});
