import { devices, expect, test, type Page } from "@playwright/test";
import { openSlide, settled, visible } from "./deck.ts";
import { measureSlides } from "./fit.ts";

test.use({ ...devices["Pixel 7"] });

/** A real touch gesture through Chromium's input pipeline (not a synthetic DOM event). */
async function swipe(page: Page, fromX: number, toX: number, y = 400): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: fromX, y }] });
  for (let i = 1; i <= 5; i++) {
    const x = fromX + ((toX - fromX) * i) / 5;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

test("swiping left and right moves through the deck on a phone", async ({ page }) => {
  await openSlide(page, 1);
  await swipe(page, 330, 60);
  await settled(page);
  const forward = await visible(page);
  expect(forward.slide === 2 || forward.shown === 1).toBe(true);
  await swipe(page, 60, 330);
  await settled(page);
  expect(await visible(page)).toEqual({ slide: 1, shown: 0 });
  // A mostly vertical drag is a scroll, not a swipe.
  await swipe(page, 200, 170, 600);
  expect(await visible(page)).toEqual({ slide: 1, shown: 0 });
});

test("every slide fits the phone's width: nothing scrolls sideways, titles stay readable", async ({ page }) => {
  await openSlide(page, 1);
  for (const fit of await measureSlides(page)) {
    expect(fit.pageOverflowX, `slide ${fit.slide} scrolls sideways`).toBeLessThanOrEqual(0);
    expect(fit.outside, `slide ${fit.slide} content sticks out`).toEqual([]);
    expect(fit.titleFontSize, `slide ${fit.slide} title is readable`).toBeGreaterThanOrEqual(24);
  }
});

test("the navigation bar is reachable and big enough for a thumb", async ({ page }) => {
  await openSlide(page, 2);
  const next = page.getByRole("link", { name: "Próximo" });
  await expect(next).toBeInViewport();
  const box = await next.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(40);
  await next.tap();
  await settled(page);
  const after = await visible(page);
  expect(after.slide === 3 || after.shown === 1).toBe(true);
});
