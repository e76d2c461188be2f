import { expect, test, type Page } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present } from "./live.ts";

const SLIDE = "O fio ao vivo";

const demoOn = (page: Page) => page.locator(`[data-title="${SLIDE}"] figure.wire`);

test("outside a room, the slide explains the inspector and draws a sample frame", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  const note = page.locator(`[data-title="${SLIDE}"]`).getByRole("note");
  await expect(note).toContainText("Demonstração ao vivo");
  await expect(note).toContainText("frames");
  // The sample: the ping this slide's button sends, masked, 28 bytes of payload + 6 of header.
  await expect(note.locator("figure.frame")).toContainText("cabeçalho: 6 bytes");
  await expect(note.locator("figure.frame")).toContainText("payload: 28 bytes");
  await expect(note.locator(".frame__grid--32 .frame__field--maskingKey").first()).toContainText("x");
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("each phone inspects its own frames: a masked ping up, an unmasked pong down, a long snapshot", async ({ page, browser }) => {
    const code = await present(page);
    const phones = [await joined(browser, pixel7, code), await joined(browser, iphone14, code)];
    await goToSlide(page, SLIDE);

    for (const { page: p } of phones) {
      await expectOnSlide(p, SLIDE);
      const demo = demoOn(p);
      // Rows by name, not position: the room's heartbeat may slip a ping of its own in between.
      const row = (name: RegExp) => demo.getByRole("button", { name });
      const drawing = demo.locator(".wire__frame figure.frame");
      await demo.getByRole("button", { name: "Mandar um ping" }).click();
      const ping = row(/^Enviado às .*: ping \(seu\), 28 bytes de payload \+ 6 de cabeçalho = 34 bytes$/);
      const pong = row(/^Recebido às .*: pong \(seu\), \d+ bytes de payload \+ 2 de cabeçalho/);
      await expect(ping).toBeVisible();
      await expect(pong).toBeVisible();
      // The newest frame is drawn until someone picks another.
      await expect(demo.locator(".wire__row").first()).toHaveAttribute("aria-pressed", "true");

      await ping.click();
      await expect(ping).toHaveAttribute("aria-pressed", "true");
      await expect(drawing).toContainText("cabeçalho: 6 bytes");
      await expect(drawing).toContainText("chave de máscara");
      await expect(demo).toContainText("o JavaScript não a vê");
      await pong.click();
      await expect(drawing).toContainText("cabeçalho: 2 bytes");
      await expect(drawing.locator(".frame__hex")).toHaveText(/^81 [0-7][0-9a-f]$/); // FIN + text; MASK 0; 7-bit length

      // A snapshot is over 125 bytes: its length takes the 16-bit field. The pick stays put meanwhile.
      await demo.getByRole("button", { name: "Pedir o estado (sync)" }).click();
      const snapshot = row(/^Recebido às .*: snapshot, \d{3} bytes de payload \+ 4 de cabeçalho/);
      await expect(snapshot).toBeVisible();
      await expect(pong).toHaveAttribute("aria-pressed", "true");
      await demo.getByRole("button", { name: "Voltar ao mais recente" }).click();
      await expect(demo.locator(".wire__row").first()).toHaveAttribute("aria-pressed", "true");
      await expect(demo.getByRole("button", { name: "Voltar ao mais recente" })).toBeHidden();
      await snapshot.click();
      await expect(drawing).toContainText("cabeçalho: 4 bytes");
      await expect(drawing).toContainText("126: ver 16 bits");

      await expect(demo.locator(".wire__totals")).toContainText(/↑ enviados\s*\d+ frames/);
      await expect(demo).toContainText("Extensões negociadas");
    }

    // The projector inspects the presenter's own socket: its button works the same way.
    const projector = demoOn(page);
    await projector.getByRole("button", { name: "Mandar um ping" }).click();
    await expect(projector.getByRole("button", { name: /^Enviado às .*: ping \(seu\), 28 bytes/ })).toBeVisible();
    await expect(projector.getByRole("button", { name: /^Recebido às .*: pong \(seu\)/ })).toBeVisible();
    for (const { context } of phones) await context.close();
  });
});
