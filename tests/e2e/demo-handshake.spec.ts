import { devices, expect, test, type Page } from "@playwright/test";
import { ROOM_PORT } from "../../playwright.config.ts";
import { openSlide } from "./deck.ts";

const SLIDE = "Handshake ao vivo";

/** The slide number of the handshake demo, read from the deck itself. */
async function demoSlide(page: Page): Promise<number> {
  const titles = await page.locator("[data-slide-index]").evaluateAll((slides) => slides.map((s) => (s as HTMLElement).dataset.title));
  return titles.indexOf(SLIDE) + 1;
}

test("with no room server (a static host), the demo shows RFC 6455's example", async ({ page }) => {
  await openSlide(page, 1);
  await openSlide(page, await demoSlide(page));
  const demo = page.locator("figure.handshake");
  await expect(demo).toHaveAttribute("data-phase", "example");
  await expect(demo).toContainText("Exemplo da RFC 6455");
  await expect(demo).toContainText("dGhlIHNhbXBsZSBub25jZQ==");
  await expect(demo).toContainText("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
});

test.describe("on the room server", () => {
  test.use({ baseURL: `http://127.0.0.1:${ROOM_PORT}` });

  test("the browser's real key comes back from the server and the accept is recomputed to match", async ({ page }) => {
    await openSlide(page, 1);
    await openSlide(page, await demoSlide(page));
    const demo = page.locator("figure.handshake");
    await expect(demo).toHaveAttribute("data-phase", "live");
    await expect(demo).toContainText("✓ igual ao Sec-WebSocket-Accept do servidor");
    const key = async () => (await demo.locator("mark").textContent())!.replace("Sec-WebSocket-Key: ", "");
    const first = await key();
    expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/); // 16 random bytes in base64
    expect(first).not.toBe("dGhlIHNhbXBsZSBub25jZQ==");
    await demo.getByRole("button", { name: "Novo handshake" }).click();
    await expect(demo).toHaveAttribute("data-phase", "live");
    await expect.poll(key).not.toBe(first);
    await expect(demo).toContainText("✓ igual");
  });

  test("a presenter brings two phones to the demo and each phone shakes hands itself", async ({ page, browser }) => {
    await page.goto("/present/");
    await expect(page.locator("[data-room-status]")).toHaveText(/Ao vivo/);
    const code = await page.locator('[data-panel="code"]').textContent();
    const phones = [];
    for (const name of ["Pixel 7", "iPhone 14"] as const) {
      const { defaultBrowserType: _, ...device } = devices[name];
      const phone = await (await browser.newContext(device)).newPage();
      await phone.goto(`/join/?room=${code}`);
      await expect(phone.locator("[data-room-status]")).toHaveText("Ao vivo");
      phones.push(phone);
    }
    const n = await demoSlide(page);
    await page.keyboard.press("o");
    await page.locator(`[data-goto="${n - 1}"]`).click();
    const keys = new Set<string>();
    for (const phone of phones) {
      const demo = phone.locator(`#slide-${n} figure.handshake`);
      // The island hydrates when its slide appears, then connects: allow for three browsers on two cores.
      await expect(demo).toHaveAttribute("data-phase", "live", { timeout: 15_000 });
      await expect(demo).toContainText("✓ igual");
      keys.add((await demo.locator("mark").textContent())!);
    }
    expect(keys.size, "each phone's browser picked its own key").toBe(2);
    for (const phone of phones) await phone.context().close();
  });
});
