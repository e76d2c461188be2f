import { expect, test, type Page } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present, type Device } from "./live.ts";

const SLIDE = "Página inteira × AJAX";

const demoOn = (page: Page) => page.locator(`[data-title="${SLIDE}"] figure.pages`);
const side = (page: Page, route: "page" | "data") => demoOn(page).locator(`.pages__side--${route}`);
const measured = async (page: Page, route: "page" | "data") => Number(await side(page, route).locator(".pages__measure").getAttribute("data-response-bytes"));

async function loadPage(page: Page) {
  await side(page, "page").getByRole("button", { name: "Recarregar a página inteira" }).click();
  await expect(side(page, "page")).toHaveAttribute("data-phase", "loaded");
}

async function loadData(page: Page) {
  await side(page, "data").getByRole("button", { name: "Buscar só o dado (AJAX)" }).click();
  await expect(side(page, "data")).toHaveAttribute("data-phase", "loaded");
}

test("outside a room, the slide explains what the two loads would show", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  const note = page.locator(`[data-title="${SLIDE}"]`).getByRole("note");
  await expect(note).toContainText("Demonstração ao vivo");
  await expect(note).toContainText("Buscar só o dado (AJAX)");
  await expect(page.locator(`[data-title="${SLIDE}"] button`)).toHaveCount(0);
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("phones load the whole page and only the data; everyone sees the bytes each one cost", async ({ page, browser }) => {
    test.slow(); // three browsers on two cores, a dozen round trips
    const code = await present(page);
    // Both phones in India (GMT+5:30, no daylight saving time): the clock each one shows is its own
    // zone's, labelled. One zone for both keeps every answer the same size (see the end).
    const zone = "Asia/Kolkata";
    const inIndia = (device: Device): Device => ({ ...device, timezoneId: zone }) as Device; // newContext() reads timezoneId
    const phones = [await joined(browser, inIndia(pixel7), code), await joined(browser, inIndia(iphone14), code)];
    await goToSlide(page, SLIDE);
    const [a, b] = phones.map((p) => p.page) as [Page, Page];
    for (const p of [a, b]) await expectOnSlide(p, SLIDE);

    // Phone A: the whole page, drawn in its little browser, counter included.
    await loadPage(a);
    const frame = side(a, "page").frameLocator("iframe");
    await expect(frame.locator("h1")).toHaveText("Portal Web 2005");
    await expect(frame.locator("#visitas")).toHaveText("000001");
    await expect(frame.locator(".noticia")).toHaveCount(6);
    await expect(frame.locator("#hora")).toHaveText(/^\d\d:\d\d:\d\d GMT\+5:30$/);

    // Phone B: only the data; the counter moves on, in place.
    await loadData(b);
    await expect(side(b, "data").locator(".pages__counter")).toHaveText("000002");
    await expect(side(b, "data").locator(".pages__json")).toHaveText(/^\{"visits":2,"time":"\d\d:\d\d:\d\d GMT\+5:30"\}$/);
    await expect(side(b, "data")).toContainText(/atualizado às \d\d:\d\d:\d\d GMT\+5:30/);
    // And it is the phone's own wall clock: the hour its browser reads in that zone.
    const hour = await b.evaluate(() => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23" }).format(new Date()));
    expect(await side(b, "data").locator(".pages__json").textContent()).toContain(`"time":"${hour}:`);
    await loadData(b);
    await expect(side(b, "data").locator(".pages__counter")).toHaveText("000003");
    await expect(side(b, "page").locator("iframe")).toHaveCount(0);

    // Each phone does both and compares its own loads.
    await loadData(a);
    await loadPage(b);
    await expect(side(b, "page").frameLocator("iframe").locator("#visitas")).toHaveText("000005");
    for (const p of [a, b]) {
      const whole = await measured(p, "page");
      const data = await measured(p, "data");
      expect(whole, `${whole} B vs ${data} B`).toBeGreaterThan(5 * data);
      await expect(demoOn(p).locator(".pages__ratio-number")).toHaveText(/^\d+(,\d)?×$/);
      await expect(side(p, "page").locator(".pages__measure")).toContainText(/\d bytes/);
    }

    // The projector: the server's count for the whole room, side by side, and the ratio.
    const projector = demoOn(page);
    await expect(side(page, "page").locator(".pages__measure")).toHaveAttribute("data-loads", "2");
    await expect(side(page, "data").locator(".pages__measure")).toHaveAttribute("data-loads", "3");
    await expect(projector.locator(".pages__ratio-number")).toHaveText(/^\d+(,\d)?×$/);
    await expect(projector.locator(".pages__ratio")).toContainText(/contando a ida: \d+(,\d)?×/);
    const roomPage = await measured(page, "page");
    const roomData = await measured(page, "data");
    // Every page answer has the same size (the counter has six digits), so a phone's own measurement
    // of it is the server's average; the same for the data.
    for (const p of [a, b]) {
      expect(await measured(p, "page"), "page: the phone's count and the server's").toBe(roomPage);
      expect(await measured(p, "data"), "data: the phone's count and the server's").toBe(roomData);
    }
    console.log(`per load: page ${roomPage} B, data ${roomData} B, ratio ${await projector.locator(".pages__ratio-number").textContent()}; ${await projector.locator(".pages__ratio-both").textContent()}`);

    // The presenter can load too, with no phone at all.
    await loadData(page);
    await expect(side(page, "data").locator(".pages__measure")).toHaveAttribute("data-loads", "4");

    // With no network, a phone says so and keeps what it had.
    await phones[0]!.context.setOffline(true);
    await side(a, "data").getByRole("button", { name: "Buscar só o dado (AJAX)" }).click();
    await expect(side(a, "data").getByRole("alert")).toHaveText(/^Sem resposta/);
    await expect(side(a, "data").locator(".pages__counter")).toHaveText(/^\d{6}$/);

    await projector.getByRole("button", { name: "Zerar" }).click();
    await expect(side(page, "page").locator(".pages__measure--none")).toBeVisible();
    for (const { context } of phones) await context.close();
  });
});
