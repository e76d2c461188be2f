/**
 * The projector's window in a live room: it shows the room how to join (a card with the QR code,
 * address and code on the opening slides and on J; a corner badge elsewhere that Shift+J hides),
 * mirrored from the presenter through the room, and it only follows: no key pressed in it moves it.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { settled, visible } from "./deck.ts";
import { expectOnSlide, goToSlide, origin, present, projector } from "./live.ts";

test.use({ baseURL: origin });

const SHOTS = "/tmp/fd/shots";

async function fontPx(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, `${locator.toString()} has a box`).not.toBeNull();
  return found!;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The slide and step a page shows, once any transition has ended. */
async function where(page: Page): Promise<string> {
  await settled(page);
  return JSON.stringify(await visible(page));
}

const current = (page: Page) => page.locator("[data-slide-index]:not([hidden]):not([inert])");

test("the projector shows how to join on the opening slides and on J, and a corner badge the presenter can hide", async ({ page, browser }) => {
  const code = await present(page);
  const screen = await projector(browser, page);
  await expect(screen.locator("[data-room-status]")).toHaveText("Ao vivo");

  // The cover: the card beside the slide, readable from the back row, covering none of it.
  const card = screen.locator("[data-join-card]");
  const badge = screen.locator("[data-join-badge]");
  await expect(card).toBeVisible();
  await expect(badge).toBeHidden();
  await expect(card.locator(".join-card__code")).toHaveText(code);
  await expect(card.locator(".join-card__address")).toHaveText("192.0.2.10:4330/join/");
  const qr = card.getByRole("img", { name: `QR code para entrar na sala ${code}` });
  expect((await box(qr)).width, "the QR code is large").toBeGreaterThanOrEqual(400);
  expect(await fontPx(card.locator(".join-card__code")), "the code reads from the back row").toBeGreaterThanOrEqual(96);
  expect(await fontPx(card.locator(".join-card__address")), "the address reads from the back row").toBeGreaterThanOrEqual(48);
  expect(overlaps(await box(card), await box(current(screen).locator(".slide__inner"))), "the card stands beside the slide").toBe(false);
  await settled(screen);
  await screen.screenshot({ path: `${SHOTS}/projector-join-card.png` });
  // The presenter's stage shows it too (a laptop mirrored to the projector has no projector window).
  await expect(page.locator("[data-deck-viewport] [data-join-card]")).toBeVisible();

  // J dismisses it on this slide (the badge takes its place), J again brings it back.
  await page.keyboard.press("j");
  await expect(card).toBeHidden();
  await expect(badge).toBeVisible();
  await expect(page.locator('[data-join-toggle="card"]')).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("j");
  await expect(card).toBeVisible();

  // A later slide: only the badge, small, in the slide's corner, above its title.
  await goToSlide(page, "Pergunta para a sala");
  await expectOnSlide(screen, "Pergunta para a sala");
  await expect(card).toBeHidden();
  await expect(badge).toBeVisible();
  await expect(badge.locator(".join-badge__code")).toHaveText(code);
  await settled(screen);
  const badgeBox = await box(badge);
  const slideBox = await box(current(screen).locator(".slide__inner"));
  expect(badgeBox.height, "the badge is small").toBeLessThan(80);
  expect(badgeBox.x + badgeBox.width, "in the slide's right corner").toBeGreaterThan(slideBox.x + slideBox.width * 0.8);
  expect(badgeBox.y + badgeBox.height, "above the slide's header").toBeLessThanOrEqual((await box(current(screen).locator(".slide__header"))).y);
  await screen.screenshot({ path: `${SHOTS}/projector-join-badge.png` });

  // J on a later slide shows the card for latecomers; the next slide goes back to the badge.
  await page.keyboard.press("j");
  await expect(card).toBeVisible();
  await expect(page.locator('[data-join-toggle="card"]')).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("o");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(current(screen)).not.toHaveAttribute("data-title", "Pergunta para a sala");
  await expect(card).toBeHidden();
  await expect(badge).toBeVisible();

  // Shift+J hides the badge on every slide; the panel's toggle brings it back.
  await page.keyboard.press("Shift+J");
  await expect(badge).toBeHidden();
  const toggle = page.getByRole("button", { name: "Código no canto (Shift+J)" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("ArrowRight");
  await settled(screen);
  await expect(badge).toBeHidden();
  await toggle.click();
  await expect(badge).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");

  // The help lists the keys.
  await page.keyboard.press("?");
  await expect(page.locator("dialog[data-help]")).toContainText("Shift+J");
  await screen.context().close();
});

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
