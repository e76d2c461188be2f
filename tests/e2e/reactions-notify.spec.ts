import { devices, expect, test, type Page } from "@playwright/test";
import { goToSlide, iphone14, joined, origin, pixel7, present, projector } from "./live.ts";

const SLIDE = "Notificações ao vivo";
const { defaultBrowserType: _, ...galaxy } = devices["Galaxy S9+"];
/** Set SHOTS=/some/dir to save screenshots of the reactions and the toast. */
const shots = process.env["SHOTS"];

const totalOn = (page: Page, reaction: string) => page.locator(`[data-reaction-total="${reaction}"]`);

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("three phones react and get a notification; the projector's numbers match", async ({ page, browser }) => {
    test.setTimeout(90_000); // four pages and three phones' worth of taps
    const code = await present(page);
    const screen = await projector(browser, page);
    await expect(screen.locator("[data-room-status]")).toHaveText(/Ao vivo|Apresentador/);
    const phones = [await joined(browser, pixel7, code), await joined(browser, iphone14, code), await joined(browser, galaxy, code)];

    // Reactions work on any slide: here, the first one. Phone i claps i+1 times and sends two fires.
    for (const [i, { page: p }] of phones.entries()) {
      const clap = p.getByRole("button", { name: "Reagir com aplausos" });
      for (let k = 0; k <= i; k++) await clap.click();
      await p.getByRole("button", { name: "Reagir com fogo" }).click();
      // The keyboard works too.
      await p.getByRole("button", { name: "Reagir com fogo" }).focus();
      await p.keyboard.press("Enter");
    }
    for (const projector of [page, screen]) {
      await expect(totalOn(projector, "👏")).toHaveText("6");
      await expect(totalOn(projector, "🔥")).toHaveText("6");
      await expect(totalOn(projector, "🐍")).toHaveText("0");
    }
    for (const { page: p } of phones) {
      await expect(p.getByRole("button", { name: "Reagir com aplausos" }).locator(".reactions-tray__count")).toHaveText("6");
    }
    if (shots) {
      // One more burst, photographed mid-flight.
      for (let k = 0; k < 8; k++) await phones[0]!.page.getByRole("button", { name: "Reagir com coração" }).click();
      await expect(totalOn(screen, "❤️")).toHaveText("8");
      await screen.waitForTimeout(400);
      await screen.screenshot({ path: `${shots}/reactions-projector.png` });
      await page.screenshot({ path: `${shots}/reactions-presenter.png` });
      await phones[0]!.page.screenshot({ path: `${shots}/reactions-pixel7.png` });
    }

    // Push: from the presenter's slide to every phone, on whatever slide it is.
    await goToSlide(page, SLIDE);
    const board = page.locator(`[data-title="${SLIDE}"] .push`);
    await expect(board).toContainText("Nenhuma notificação enviada ainda.");
    await board.getByRole("button", { name: "Novo e-mail" }).click();
    for (const { page: p } of phones) await expect(p.locator(".notify-toast")).toContainText("Novo e-mail");
    await expect(board.locator("[data-push-delivered]")).toHaveText("3/3");
    await expect(screen.locator(`[data-title="${SLIDE}"] [data-push-delivered]`)).toHaveText("3/3");
    if (shots) {
      await phones[1]!.page.screenshot({ path: `${shots}/notify-iphone14.png` });
      await screen.screenshot({ path: `${shots}/notify-projector.png` });
      await page.screenshot({ path: `${shots}/notify-presenter.png` });
    }
    // A second one: counted on its own.
    await board.getByRole("button", { name: "Curtida" }).click();
    for (const { page: p } of phones) await expect(p.locator(".notify-toast").last()).toContainText("Nova curtida");
    await expect(board.locator("[data-push-delivered]")).toHaveText("3/3");
    await expect(board.locator(".push__history")).toContainText("Novo e-mail: 3/3");

    for (const { context } of phones) await context.close();
    await screen.context().close();
  });
});
