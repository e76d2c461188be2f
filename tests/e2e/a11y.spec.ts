import { expect, test } from "@playwright/test";
import { deckShape, openSlide, settled } from "./deck.ts";

test("a slide change is announced once, by title; steps are not announced", async ({ page }) => {
  await openSlide(page, 1);
  const { titles, stepCounts } = await deckShape(page);
  const announcer = page.locator("[data-announcer]");
  await expect(announcer).toHaveText("");
  await expect(announcer).toHaveAttribute("aria-live", "polite");

  const slideWithSteps = stepCounts.findIndex((steps) => steps > 0);
  await openSlide(page, slideWithSteps + 1);
  await page.keyboard.press("ArrowRight"); // a step: no announcement
  await expect(announcer).toHaveText("");
  await page.keyboard.press("End");
  await expect(announcer).toHaveText(`Slide ${titles.length} de ${titles.length}: ${titles.at(-1)}`);
  // Only one live region on the page, so nothing reads the title twice or three times.
  expect(await page.locator("[aria-live]").count()).toBe(1);
});

test("the deck uses plain document roles, with one h1 and a heading per slide", async ({ page }) => {
  await openSlide(page, 3);
  expect(await page.locator('[role="application"]').count()).toBe(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  const current = page.locator("#slide-3");
  await expect(current).toHaveAttribute("aria-labelledby", "slide-3-title");
  // Hidden slides are hidden from assistive technology too.
  await expect(page.getByRole("heading", { level: 2, includeHidden: false })).toHaveCount(1);
  await page.keyboard.press("ArrowRight");
  await settled(page);
  await expect(page.getByRole("heading", { level: 2, includeHidden: false })).toHaveCount(1);
});

test("every control in the bar is reachable by Tab and named", async ({ page }) => {
  await openSlide(page, 2);
  const names: string[] = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent?.trim() ?? "");
    names.push(name);
  }
  for (const label of ["Anterior", "Próximo", "Visão geral (O)", "Notas do apresentador (N)", "Tela cheia (F)", "Atalhos de teclado (?)"]) {
    expect(names).toContain(label);
  }
});
