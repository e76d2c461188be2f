/**
 * Small things seen on screen (issue 14, item 11): the home page's ways in are separate buttons,
 * the join form's "Entrar" is one, tags are labels and not empty boxes, the O key can't be read as
 * a zero, and the overview's thumbnails draw demo buttons at the thumbnail's scale.
 */
import { expect, test, type Locator } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { goToSlide, origin, present } from "./live.ts";

const box = async (locator: Locator) => (await locator.boundingBox())!;
const style = (locator: Locator, property: string) => locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

for (const viewport of [{ width: 1920, height: 1080 }, { width: 360, height: 640 }]) {
  test(`home at ${viewport.width}: three separate buttons in, and the O key is a letter`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    const links = page.locator(".home__actions a");
    await expect(links).toHaveCount(3);
    const boxes = await Promise.all([0, 1, 2].map(async (i) => box(links.nth(i))));
    for (const [i, a] of boxes.entries()) {
      expect(a.x + a.width, "inside the screen").toBeLessThanOrEqual(viewport.width);
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.width + 8 <= b.x || b.x + b.width + 8 <= a.x || a.y + a.height + 8 <= b.y || b.y + b.height + 8 <= a.y;
        expect(apart, `${JSON.stringify(a)} and ${JSON.stringify(b)} at least 8 px apart`).toBe(true);
      }
    }
    for (let i = 0; i < 3; i++) {
      const [border, background] = [await style(links.nth(i), "border-top-width"), await style(links.nth(i), "background-color")];
      expect(parseFloat(border) > 0 || background !== "rgba(0, 0, 0, 0)", "drawn as a button, not a bare link").toBe(true);
    }
    const key = page.locator(".home__hint kbd", { hasText: /^O$/ });
    await expect(page.locator(".home__hint")).toContainText("a tecla O para a visão geral");
    expect(await style(key, "font-family")).not.toMatch(/Mono|monospace/);
  });

  test(`join form at ${viewport.width}: "Entrar" looks like the button it is`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/join/");
    const submit = page.getByRole("button", { name: "Entrar" });
    expect(await style(submit, "background-color")).toBe("rgb(34, 211, 238)"); // --client, as the home page's call to action
    expect(await style(submit, "cursor")).toBe("pointer");
    const [input, button] = [await box(page.locator("#room-code")), await box(submit)];
    expect(Math.abs(input.height - button.height), "as tall as the code it submits").toBeLessThanOrEqual(2);
    expect(button.x + button.width).toBeLessThanOrEqual(viewport.width);
  });
}

test("the support slide's tags are labels that fit their word, not empty boxes", async ({ page }) => {
  await openSlideTitled(page, "Ajude o projeto");
  const slide = page.locator('[data-title="Ajude o projeto"]');
  for (const name of ["apoia.se", "PIX"]) {
    const tag = slide.locator(".tag", { hasText: name });
    const card = slide.locator(".card").filter({ has: page.locator(".tag", { hasText: name }) });
    expect((await box(tag)).width).toBeLessThan((await box(card)).width / 3);
    expect(await style(tag, "background-color")).not.toBe("rgba(0, 0, 0, 0)");
  }
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("the overview's thumbnails draw demo buttons at their own scale", async ({ page }) => {
    await present(page);
    await goToSlide(page, "Handshake ao vivo"); // a demo slide drawn live, with its button
    await page.keyboard.press("o");
    const buttons = page.locator("[data-overview] .overview__thumb button");
    await expect(buttons.first()).toBeAttached();
    const sizes = await buttons.evaluateAll((all) =>
      all.map((button) => ({ height: button.getBoundingClientRect().height, font: parseFloat(getComputedStyle(button).fontSize), text: button.textContent })),
    );
    // A thumb-sized minimum in rem would make a 5 px label 44 px tall: an oval.
    for (const size of sizes) expect(size.height, `${size.text}: ${size.height} px for ${size.font} px type`).toBeLessThan(4 * size.font);
  });
});
