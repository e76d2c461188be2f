import { expect, test } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present } from "./live.ts";

const SLIDE = "Onde vive? Nesta sala";

test("outside a room, the slide explains what the tally would show", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  const demo = page.getByRole("region", { name: "Navegadores nesta sala" });
  await expect(demo.getByRole("note")).toContainText("Demonstração ao vivo");
  await expect(demo).toContainText("User-Agent");
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("two phones are counted by browser, once each, and again after a reset", async ({ page, browser }) => {
    const code = await present(page);
    const android = await joined(browser, pixel7, code);
    const ios = await joined(browser, iphone14, code);
    await goToSlide(page, SLIDE);
    for (const p of [android.page, ios.page]) await expectOnSlide(p, SLIDE);

    const projector = page.getByRole("region", { name: "Navegadores nesta sala" });
    await expect(projector.locator("[data-tally-total]")).toHaveText("2");
    await expect(projector.locator("[data-tally-websocket]")).toHaveText("2");
    await expect(projector.getByRole("list", { name: "Por navegador" })).toContainText("Chrome");
    await expect(projector.getByRole("list", { name: "Por navegador" })).toContainText("Safari");
    await expect(projector).toContainText("100");

    const mine = (p: typeof page) => p.locator(`[data-title="${SLIDE}"] [data-tally-mine]`);
    await expect(mine(android.page)).toHaveText(/^Você: Chrome \d+ · Android · ✓ fala WebSocket$/);
    await expect(mine(ios.page)).toHaveText(/^Você: Safari \d+ · iOS · ✓ fala WebSocket$/);
    // Phones see the room's tally too, pushed by the server.
    await expect(android.page.locator(`[data-title="${SLIDE}"] [data-tally-total]`)).toHaveText("2");

    // A reload counts the same person once.
    await android.page.reload();
    await expect(android.page.locator("[data-room-status]")).toHaveText("Ao vivo");
    await expect(mine(android.page)).toContainText("Chrome");
    await expect(projector.locator("[data-tally-total]")).toHaveText("2");

    // Reset: the tally starts again and the phones count themselves once more.
    await projector.getByRole("button", { name: "Zerar contagem" }).click();
    await expect(projector.locator("[data-tally-total]")).toHaveText("2");
    await android.context.close();
    await ios.context.close();
  });
});
