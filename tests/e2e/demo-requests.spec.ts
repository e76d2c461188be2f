import { expect, test, type Locator, type Page } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present } from "./live.ts";

const SLIDE = "HTTP ao vivo";

const demoOn = (page: Page) => page.locator(`[data-title="${SLIDE}"] figure.requests`);
const bytesOf = async (element: Locator, name: "request" | "response") => Number(await element.getAttribute(`data-${name}-bytes`));

test("outside a room, the slide explains what the requests would show", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  const note = page.locator(`[data-title="${SLIDE}"]`).getByRole("note");
  await expect(note).toContainText("Demonstração ao vivo");
  await expect(note).toContainText("Enviar requisição");
  await expect(page.locator(`[data-title="${SLIDE}"] button`)).toHaveCount(0);
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("phones and the presenter send real requests; the projector draws each one with its sizes", async ({ page, browser }) => {
    test.slow(); // three browsers on two cores, a dozen round trips
    const code = await present(page);
    const phones = [await joined(browser, pixel7, code), await joined(browser, iphone14, code)];
    await goToSlide(page, SLIDE);
    const projector = demoOn(page);
    await expect(projector).toContainText("Nenhuma requisição ainda");

    for (const [i, { page: p }] of phones.entries()) {
      await expectOnSlide(p, SLIDE);
      const demo = demoOn(p);
      await demo.getByRole("button", { name: "Enviar requisição" }).click();
      const details = demo.locator(".requests__details");
      await expect(details).toHaveAttribute("data-status", "200");
      await expect(demo.locator(".requests__status")).toHaveText(/^200 OK em \d+ ms$/);
      await expect(details).toContainText(`GET /parties/main/${code}/requests/hello?pid=`);
      await expect(details).toContainText(`"who":"celular ${i + 1}"`);
      const sentBytes = await bytesOf(details, "request");
      const receivedBytes = await bytesOf(details, "response");
      expect(sentBytes, "a GET with a browser's headers").toBeGreaterThan(200);
      expect(receivedBytes).toBeGreaterThan(200);

      // The projector shows the same request, counted by the server, without the phone's id.
      const lane = projector.locator(`li[data-who="celular ${i + 1}"]`);
      await expect(lane).toHaveAttribute("data-status", "200");
      await expect(lane).toContainText(`GET /parties/main/${code}/requests/hello?pid=…`);
      await expect(lane).toContainText("200 OK");
      expect(await bytesOf(lane, "request")).toBe(sentBytes);
      const counted = await bytesOf(lane, "response");
      // The phone counted what arrived, the server what it sent: the same bytes.
      expect(receivedBytes, "the phone's count and the server's").toBe(counted);
      console.log(`${await details.getAttribute("data-source")}: request ${sentBytes} B, response ${receivedBytes} B on the phone, ${counted} B counted by the server`);
    }
    const pid = await phones[0]!.page.evaluate((room) => localStorage.getItem(`full-duplex:participant:${room}`), code);
    expect(pid, "the phone keeps the id the room issued it").toMatch(/^[A-Za-z0-9_-]{38}$/);
    expect(await projector.textContent()).not.toContain(pid!);

    // The presenter can send one too (no phone needed).
    await projector.getByRole("button", { name: "Enviar requisição" }).click();
    await expect(projector.locator('li[data-who="navegador 1"]')).toHaveAttribute("data-status", "200");
    await expect(projector.locator(".requests__totals")).toContainText(/^3 requisições · ida \d+(,\d)? (B|kB) · volta \d+(,\d)? (B|kB)$/);
    await expect(projector.locator(".requests__lanes > li")).toHaveCount(3);

    // A thumb too fast for the server is told so, on the phone and on the projector.
    const fast = demoOn(phones[1]!.page);
    const button = fast.getByRole("button", { name: "Enviar requisição" });
    // Clicks wait for their answers, so on a slow machine the bucket refills between them: drain
    // this phone's bucket with a burst (the rule allows 6) and click the moment it is empty. A
    // token that refills meanwhile can still let the click through: then try again.
    await expect(async () => {
      await expect(button).toBeEnabled();
      await phones[1]!.page.evaluate(async (room) => {
        const pid = localStorage.getItem(`full-duplex:participant:${room}`)!;
        const url = `/parties/main/${room}/requests/hello?pid=${encodeURIComponent(pid)}`;
        await Promise.all(Array.from({ length: 10 }, () => fetch(url)));
        document.querySelector<HTMLButtonElement>('[data-title="HTTP ao vivo"] .requests__send')!.click();
      }, code);
      await expect(fast.locator(".requests__status")).toHaveText(/^429 Too Many Requests/, { timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(fast.locator(".requests__details")).toContainText("Requisições demais");
    await expect(projector.locator('li[data-status="429"]').first()).toContainText("429 Too Many Requests");
    await expect(projector.locator(".requests__totals")).toContainText(/recusadas? \(429\)/);

    // With no network, the phone says it got no answer.
    await phones[0]!.context.setOffline(true);
    await demoOn(phones[0]!.page).getByRole("button", { name: "Enviar requisição" }).click();
    await expect(demoOn(phones[0]!.page).locator(".requests__status")).toHaveText(/^Sem resposta/);

    // "Zerar" starts afresh.
    await projector.getByRole("button", { name: "Zerar" }).click();
    await expect(projector).toContainText("Nenhuma requisição ainda");
    for (const { context } of phones) await context.close();
  });
});
