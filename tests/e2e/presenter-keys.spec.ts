/**
 * Keys mean the same thing everywhere on the presenter's page: Space, the arrows and PageDown move
 * the deck even right after a click on a demo's button, which keeps focus; Enter presses a focused
 * button. (Space used to press the last clicked button again: it closed a poll and paused the timer.)
 */
import { expect, test, type Page } from "@playwright/test";
import { settled, visible } from "./deck.ts";
import { goToSlide, origin, present } from "./live.ts";

test.use({ baseURL: origin });

const POLL = "Pergunta para a sala";

async function where(page: Page): Promise<{ slide: number; shown: number }> {
  await settled(page);
  return visible(page);
}

test("Space after clicking Abrir votação moves the deck and leaves the poll open", async ({ page }) => {
  await present(page);
  await goToSlide(page, POLL);
  const board = page.locator(`[data-title="${POLL}"] section.poll`);
  const open = board.getByRole("button", { name: "Abrir votação" });
  await open.click();
  await expect(board.locator("[data-poll-status]")).toHaveText("Votação aberta · 0 votos");
  const before = await where(page);
  await page.keyboard.press(" ");
  await expect.poll(() => where(page)).not.toEqual(before);
  await page.waitForTimeout(300); // a pressed button would have closed it by now
  await expect(board.locator("[data-poll-status]")).toHaveText("Votação aberta · 0 votos");
  // Shift+Space goes back, and the poll is still open there.
  await page.keyboard.press("Shift+Space");
  await expect.poll(() => where(page)).toEqual(before);
  await expect(board.locator("[data-poll-status]")).toHaveText("Votação aberta · 0 votos");
  await expect(board.getByRole("button", { name: "Encerrar votação" })).toBeVisible();
});

test("Space after clicking the timer's Iniciar moves the deck and the clock keeps running; Enter still presses", async ({ page }) => {
  await present(page);
  await page.getByRole("button", { name: "Iniciar" }).click();
  const pause = page.getByRole("button", { name: "Pausar" });
  await expect(pause).toBeFocused();
  const before = await where(page);
  await page.keyboard.press(" ");
  await expect.poll(() => where(page)).not.toEqual(before);
  await page.keyboard.press("PageDown");
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(300);
  await expect(pause, "the clock still runs").toBeVisible();
  await expect(page.locator('[data-panel="clock"]')).not.toHaveText("00:00", { timeout: 3_000 });
  // A keyboard user presses a focused button with Enter.
  await expect(pause).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Iniciar" })).toBeVisible();
});
