import { expect, test, type Locator, type Page } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present } from "./live.ts";

const SLIDE = "Polling × long polling × WebSocket";

/** The demo on a page (the slides are all in the page: pick the one on this slide). */
function demo(page: Page): Locator {
  return page.locator(`[data-title="${SLIDE}"]`).getByRole("region", { name: "Três entregas ao vivo" });
}

test("outside a room (a static host), the slide explains the three techniques", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  const note = demo(page).getByRole("note");
  await expect(note).toContainText("Demonstração ao vivo");
  for (const technique of ["polling", "long polling", "WebSocket"]) await expect(note).toContainText(technique);
  await expect(demo(page).getByRole("button")).toHaveCount(0);
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("a presenter fires events; two phones get them by long polling and WebSocket, then by polling", async ({ page, browser }) => {
    test.setTimeout(90_000); // three browsers and a 2 s polling rhythm, on two cores next to other tests
    const code = await present(page);
    const a = await joined(browser, pixel7, code);
    const b = await joined(browser, iphone14, code);
    await goToSlide(page, SLIDE);
    for (const p of [a.page, b.page]) await expectOnSlide(p, SLIDE);

    const lanes = (p: Page) => demo(p).getByRole("group", { name: "Como este celular recebe os eventos" });
    await lanes(a.page).getByRole("button", { name: "Long polling" }).tap();
    await lanes(b.page).getByRole("button", { name: "WebSocket" }).tap();
    await expect(lanes(a.page).getByRole("button", { name: "Long polling" })).toHaveAttribute("aria-pressed", "true");
    await expect(lanes(a.page).getByRole("button", { name: "WebSocket" })).toHaveAttribute("aria-pressed", "false");

    const board = demo(page);
    // By CSS, not by role: the last check reads the table after its slide is hidden.
    const cell = (lane: string, row: string) => page.locator(`[data-title="${SLIDE}"] td[data-lane="${lane}"][data-cell="${row}"]`);
    await expect(cell("longpoll", "phones")).toHaveText("1");
    await expect(cell("ws", "phones")).toHaveText("1");
    await expect(cell("poll", "phones")).toHaveText("0");

    await board.getByRole("button", { name: "Disparar evento" }).click();
    for (const p of [a.page, b.page]) {
      const last = demo(p).locator("[data-delivery-last]");
      await expect(last).toContainText("#1");
      await expect(last.locator("[data-delivery-latency]")).toHaveText(/^-?[\d.,]+ (ms|s)$/);
      await expect(demo(p).locator("[data-delivery-received]")).toHaveText("1");
    }
    // The WebSocket phone never asked; the long-polling one did.
    await expect(demo(b.page).locator("[data-delivery-requests]")).toHaveText("0");
    await expect(demo(a.page).locator("[data-delivery-requests]")).not.toHaveText("0");

    await expect(cell("ws", "messages")).toContainText("1 frames");
    await expect(cell("longpoll", "per-event")).toHaveText(/^[\d.,]+ k?B$/);
    await expect(cell("ws", "latency-mean")).toHaveText(/^-?[\d.,]+ m?s$/);
    await expect(cell("longpoll", "latency-mean")).toHaveText(/^-?[\d.,]+ m?s$/);
    // websocket.org's numbers next to ours: the WebSocket lane's frame header, measured, is 2 B too.
    await expect(board.locator("[data-delivery-compare]")).toContainText("871 B");
    await expect(board.locator("[data-delivery-compare] strong.client")).toHaveText("2 B");
    await expect(board.locator("[data-delivery-compare] strong.server").nth(1)).toHaveText(/^[\d.,]+ k?B$/);
    await expect(board.locator("[data-delivery-status]")).toContainText("último: #1");

    // The long-polling phone switches to polling: it asks every 2 s and gets the next event.
    await lanes(a.page).getByRole("button", { name: "Polling", exact: true }).tap();
    await expect(cell("poll", "phones")).toHaveText("1");
    await expect(cell("longpoll", "phones")).toHaveText("0");
    await board.getByRole("button", { name: "Disparar evento" }).click();
    await expect(demo(a.page).locator("[data-delivery-last]")).toContainText("#2", { timeout: 5_000 });
    await expect(demo(b.page).locator("[data-delivery-last]")).toContainText("#2");
    await expect(cell("poll", "messages")).toContainText("req.");
    await expect(cell("poll", "per-event")).toHaveText(/^[\d.,]+ k?B$/);

    // The ticker: Iniciar sends an event at once; Parar stops it; Zerar empties the table.
    await board.getByRole("button", { name: "Iniciar" }).click();
    await expect(board.locator("[data-delivery-status]")).toContainText("Rodando, um evento a cada ~3 s");
    await expect(demo(b.page).locator("[data-delivery-last]")).toContainText("#3");
    await board.getByRole("button", { name: "Parar", exact: true }).click();
    await expect(board.locator("[data-delivery-status]")).toContainText("Parado");
    await board.getByRole("button", { name: "Zerar" }).click();
    await expect(cell("ws", "messages")).toContainText("0 frames");
    await expect(cell("ws", "latency-mean")).toHaveText("—");
    await expect(cell("ws", "phones")).toHaveText("1");

    // A phone whose slide moves on stops watching: the projector counts it out.
    await page.keyboard.press("ArrowRight");
    await expect(cell("ws", "phones")).toHaveText("0");
    await expect(cell("poll", "phones")).toHaveText("0");
    await a.context.close();
    await b.context.close();
  });
});
