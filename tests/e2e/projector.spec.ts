import { expect, test } from "@playwright/test";
import { measureSlides } from "./fit.ts";
import { openSlide } from "./deck.ts";

test("every slide, fully revealed, fits the 16:9 projector without clipping", async ({ page }) => {
  await openSlide(page, 1);
  const fits = await measureSlides(page);
  expect(fits.length).toBeGreaterThanOrEqual(20);
  for (const fit of fits) {
    expect(fit.ratio, `slide ${fit.slide} keeps 16:9`).toBeCloseTo(16 / 9, 1);
    expect(fit.width, `slide ${fit.slide} fills the projector`).toBeGreaterThan(1700);
    expect(fit.outside, `slide ${fit.slide} content overflows`).toEqual([]);
    expect(fit.titleFontSize, `slide ${fit.slide} title reads from the back row`).toBeGreaterThanOrEqual(60);
  }
});
