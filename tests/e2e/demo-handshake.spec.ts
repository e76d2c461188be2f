import { expect, test } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { goToSlide, iphone14, joined, origin, pixel7, present } from "./live.ts";

const SLIDE = "Handshake ao vivo";

test("with no room server (a static host), the demo shows RFC 6455's example", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  const demo = page.locator("figure.handshake");
  await expect(demo).toHaveAttribute("data-phase", "example");
  await expect(demo).toContainText("Exemplo da RFC 6455");
  await expect(demo).toContainText("dGhlIHNhbXBsZSBub25jZQ==");
  await expect(demo).toContainText("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
});

test.describe("on the room server", () => {
  test.use({ baseURL: origin });

  test("the browser's real key comes back from the server and the accept is recomputed to match", async ({ page }) => {
    await openSlideTitled(page, SLIDE);
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
    const code = await present(page);
    const phones = [(await joined(browser, pixel7, code)).page, (await joined(browser, iphone14, code)).page];
    await goToSlide(page, SLIDE);
    const keys = new Set<string>();
    for (const phone of phones) {
      const demo = phone.locator(`[data-title="${SLIDE}"] figure.handshake`);
      // The island hydrates when its slide appears, then connects: allow for three browsers on two cores.
      await expect(demo).toHaveAttribute("data-phase", "live", { timeout: 15_000 });
      await expect(demo).toContainText("✓ igual");
      keys.add((await demo.locator("mark").textContent())!);
    }
    expect(keys.size, "each phone's browser picked its own key").toBe(2);
    for (const phone of phones) await phone.context().close();
  });
});
