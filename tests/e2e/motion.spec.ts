import { expect, test } from "@playwright/test";
import { openSlide, settled, visible } from "./deck.ts";

/** Right after a key press: is anything on the page animating, and how does the new slide look? */
async function pressAndLook(page: import("@playwright/test").Page, key: string) {
  return page.evaluate(async (key) => {
    document.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
    const shown = [...document.querySelectorAll<HTMLElement>("[data-slide-index]")].filter((s) => !s.hidden);
    const incoming = shown.find((s) => !s.inert) ?? shown[0]!;
    const style = getComputedStyle(incoming);
    return {
      animations: document.getAnimations().length,
      visibleSlides: shown.length,
      opacity: Number(style.opacity),
      transform: style.transform,
    };
  }, key);
}

test("slides move in with framer-motion when motion is welcome", async ({ page }) => {
  await openSlide(page, 1);
  await page.keyboard.press("End");
  await settled(page);
  await page.keyboard.press("Home");
  await settled(page);
  const look = await pressAndLook(page, "End");
  expect(look.animations).toBeGreaterThan(0);
  expect(look.visibleSlides).toBe(2);
  await settled(page);
});

test.describe("with prefers-reduced-motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("slides and steps change at once, with nothing moving, and the same content", async ({ page }) => {
    await openSlide(page, 1);
    const look = await pressAndLook(page, "End");
    expect(look).toEqual({ animations: 0, visibleSlides: 1, opacity: 1, transform: "none" });

    // Steps are revealed without movement too.
    await page.keyboard.press("Home");
    for (let i = 0; i < 6; i++) {
      const step = await pressAndLook(page, "ArrowRight");
      expect(step.animations).toBe(0);
    }
    const { shown, slide } = await visible(page);
    expect(slide + shown).toBeGreaterThan(1);
  });

  test("the credits stop rolling and show every name", async ({ page }) => {
    await openSlide(page, 1);
    await page.keyboard.press("End");
    const track = page.locator(".credits__track").last();
    await expect(track).toHaveCSS("animation-name", "none");
    await expect(page.locator(".credits__list--echo").last()).toBeHidden();
  });
});
