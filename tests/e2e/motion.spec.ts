import { expect, test, type Page } from "@playwright/test";
import { deckShape, openSlide, settled, visible } from "./deck.ts";
import { joined, origin, pixel7, present } from "./live.ts";

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

/**
 * Animations running now that move something (position, size, clip), as "target: properties".
 * Fades and colour changes are not movement; CSS animations, CSS transitions and framer-motion's
 * Web Animations all show up in document.getAnimations().
 */
function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const MOVES = /^(transform|translate|scale|rotate|top|left|right|bottom|inset|width|height|margin|offset[A-Z-]|clip)/;
    return document.getAnimations().flatMap((animation) => {
      if (animation.playState !== "running") return [];
      const effect = animation.effect as KeyframeEffect | null;
      const properties =
        animation instanceof CSSTransition
          ? [animation.transitionProperty]
          : (effect?.getKeyframes() ?? []).flatMap((frame) => Object.keys(frame)).filter((key) => !["offset", "easing", "composite", "computedOffset"].includes(key));
      const moves = [...new Set(properties.filter((property) => MOVES.test(property)))];
      const target = effect?.target as Element | null;
      const slide = target?.closest("[data-slide-index]")?.getAttribute("data-slide-index");
      return moves.length ? [`slide ${Number(slide) + 1} .${target?.className}: ${moves.join(", ")}`] : [];
    });
  });
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
  // The last slide's credits roll: what the reduced-motion walk below must never find.
  expect((await moving(page)).join("\n")).toContain("credits__track");
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

  test("nothing moves on any slide or step: diagrams, demos and the bar included", async ({ page }) => {
    test.setTimeout(120_000);
    await openSlide(page, 1);
    const { stepCounts } = await deckShape(page);
    const presses = stepCounts.reduce((sum, steps) => sum + steps + 1, 0) - 1;
    const found: string[] = [];
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press("ArrowRight");
      // Islands hydrate as their slide shows, then draw: give them two frames to start anything.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      found.push(...(await moving(page)));
    }
    expect(await visible(page)).toEqual({ slide: stepCounts.length, shown: stepCounts.at(-1)! });
    expect([...new Set(found)]).toEqual([]);
  });

  test.describe("in a live room", () => {
    test.use({ baseURL: origin });

    test("the projector's reactions don't float up; their totals still count", async ({ page, browser }) => {
      const phone = await joined(browser, pixel7, await present(page));
      for (let k = 0; k < 3; k++) await phone.page.getByRole("button", { name: "Reagir com aplausos" }).click();
      await expect(page.locator('[data-reaction-total="👏"]')).toHaveText("3");
      await expect(page.locator(".reactions-board__float")).toHaveCount(0);
      await phone.context.close();
    });
  });

  test("the credits stop rolling and show every name", async ({ page }) => {
    await openSlide(page, 1);
    await page.keyboard.press("End");
    const track = page.locator(".credits__track").last();
    await expect(track).toHaveCSS("animation-name", "none");
    await expect(page.locator(".credits__list--echo").last()).toBeHidden();
  });
});
