import { expect, test } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present } from "./live.ts";

const SLIDE = "Sensores ao vivo";

test("outside a room, the slide explains the demo", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  await expect(page.locator(`[data-title="${SLIDE}"] .demo-offline`)).toContainText("inclinação");
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("two phones without sensors use the slider; the projector charts the room", async ({ page, browser }) => {
    const code = await present(page);
    const phones = [await joined(browser, pixel7, code), await joined(browser, iphone14, code)];
    await goToSlide(page, SLIDE);
    const board = page.locator(`[data-title="${SLIDE}"] .sensors`);
    await expect(board.locator("[data-sensors-phones]")).toHaveText("0");

    for (const [i, { page: p }] of phones.entries()) {
      await expectOnSlide(p, SLIDE);
      const phone = p.locator(`[data-title="${SLIDE}"] .sensors`);
      // Emulated devices have no orientation sensor: the button says so and offers the slider.
      if (i === 0) {
        await phone.getByRole("button", { name: "Usar o sensor do celular" }).click();
        await expect(phone.getByRole("status")).toContainText("use o controle", { timeout: 5_000 });
      }
      await phone.getByLabel("Inclinação para os lados (sem sensor)").fill(i === 0 ? "-30" : "50");
      await expect(phone.locator("[data-tilt]")).toHaveText(i === 0 ? "-30°" : "+50°");
    }

    await expect(board.locator("[data-sensors-phones]")).toHaveText("2");
    await expect(board).toContainText("média +10°");
    await expect(board).toContainText("desvio padrão 40°");
    await expect(board.locator("svg .sensors__trace")).toHaveCount(2);
    await expect(board.locator("svg .sensors__mean")).toHaveCount(1, { timeout: 5_000 });
    // A few moves, so the screenshot shows the chart over time.
    const sliders = phones.map(({ page: p }) => p.locator(`[data-title="${SLIDE}"]`).getByLabel("Inclinação para os lados (sem sensor)"));
    for (const [a, b] of [[-60, 20], [-20, 70], [10, 30], [-45, 60]] as const) {
      await Promise.all([sliders[0]!.fill(String(a)), sliders[1]!.fill(String(b))]);
      await page.waitForTimeout(400);
    }
    await expect(board).toContainText("média +8°");
    await page.screenshot({ path: "/tmp/fd/shots/sensors-projector.png" });
    await phones[1]!.page.screenshot({ path: "/tmp/fd/shots/sensors-phone.png" });
    await phones[0]!.page.screenshot({ path: "/tmp/fd/shots/sensors-phone-pixel7.png" });

    // Phones that leave drop out of the chart at once.
    for (const { context } of phones) await context.close();
    await expect(board.locator("[data-sensors-phones]")).toHaveText("0", { timeout: 5_000 });
  });
});
