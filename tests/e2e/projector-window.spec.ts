/**
 * The projector's window in a live room: it only follows, so no key pressed in it moves it.
 */
import { expect, test, type Page } from "@playwright/test";
import { settled, visible } from "./deck.ts";
import { origin, present, projector } from "./live.ts";

test.use({ baseURL: origin });

/** The slide and step a page shows, once any transition has ended. */
async function where(page: Page): Promise<string> {
  await settled(page);
  return JSON.stringify(await visible(page));
}

test("a key pressed in the projector window leaves it following the presenter", async ({ page, browser }) => {
  await present(page);
  const screen = await projector(browser, page);
  await expect(screen.locator("[data-room-status]")).toHaveText("Ao vivo");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => where(screen)).toBe(await where(page));

  // Clicked to move it or make it fullscreen, then keys meant for the presenter's window.
  await screen.locator(".deck__stage").click();
  for (const key of ["ArrowRight", "Space", "PageDown", "End", "ArrowLeft", "Home", "o", "n", "Escape", "?"]) await screen.keyboard.press(key);
  expect(await where(screen), "the projector is still where the presenter is").toBe(await where(page));
  await expect(screen.locator("dialog[open]")).toHaveCount(0);
  await expect(screen.locator(".slide__notes:visible")).toHaveCount(0);
  await expect(screen.locator("[data-back-to-live]")).toBeHidden();
  await expect(screen.locator(".deck__bar [data-nav]:visible"), "no previous/next links to leave by").toHaveCount(0);

  // And it keeps following.
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await settled(page);
  await expect.poll(() => where(screen)).toBe(await where(page));
  await screen.context().close();
});
