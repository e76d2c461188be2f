import { expect, test, type Page } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present } from "./live.ts";

const SLIDE = "Full-duplex ao vivo";

const demoOn = (page: Page) => page.locator(`[data-title="${SLIDE}"] figure.duplex`);
const number = async (page: Page, selector: string) => Number((await demoOn(page).locator(selector).textContent())?.replace(",", "."));

test("outside a room, the slide explains what the ping would measure", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  const note = page.locator(`[data-title="${SLIDE}"]`).getByRole("note");
  await expect(note).toContainText("Demonstração ao vivo");
  await expect(note).toContainText("p95");
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("phones ping while the server pushes to them; the projector shows the room's distribution", async ({ page, browser }) => {
    const code = await present(page);
    const phones = [await joined(browser, pixel7, code), await joined(browser, iphone14, code)];
    await goToSlide(page, SLIDE);

    const projector = demoOn(page);
    // Two phones and the presenter's own device, each counted once.
    await expect(projector.locator('[data-stat="count"]')).toHaveText("3", { timeout: 15_000 });
    await expect(projector.locator('[data-stat="phones"]')).toHaveText("2 celulares");
    await expect(projector.locator('[data-stat="p50"]')).toHaveText(/^\d+(,\d)? ms$/);
    await expect(projector.locator(".histogram__column")).toHaveCount(7);
    const counted = await projector.locator(".histogram__count").allTextContents();
    expect(counted.reduce((sum, text) => sum + Number(text), 0)).toBe(3);
    await expect(projector.locator("[data-rtt]")).toHaveText(/^\d+(,\d)?$/);

    for (const { page: p } of phones) {
      await expectOnSlide(p, SLIDE);
      const demo = demoOn(p);
      await expect(demo.locator("[data-rtt]")).toHaveText(/^\d+(,\d)?$/);
      // Full duplex: pings go up and, meanwhile, pushes come down on the same socket.
      await expect.poll(() => number(p, "[data-pushes]"), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      const sent = await number(p, "[data-sent]");
      await expect.poll(() => number(p, "[data-sent]")).toBeGreaterThan(sent);
      await expect(demo.locator("[data-devices]")).toHaveText("3 aparelhos medindo");
      await expect(demo).toContainText(/Você está (mais rápido que a|na|mais lento que a) mediana da sala/);
    }

    const stats = Object.fromEntries(
      await Promise.all(["p50", "p95", "max"].map(async (stat) => [stat, await projector.locator(`[data-stat="${stat}"]`).textContent()])),
    );
    console.log(`rtt with 2 phones + presenter: ${JSON.stringify(stats)}`);

    // A phone that leaves drops out of the room's numbers at once.
    await phones[1]!.context.close();
    await expect(projector.locator('[data-stat="count"]')).toHaveText("2");

    // Off the slide, the phone stops pinging.
    await page.keyboard.press("ArrowRight");
    const left = phones[0]!.page;
    await expect(left.locator(`[data-title="${SLIDE}"]`)).toBeHidden();
    const before = await number(left, "[data-sent]");
    await left.waitForTimeout(1_500);
    expect(await number(left, "[data-sent]")).toBe(before);
    await phones[0]!.context.close();
  });
});
