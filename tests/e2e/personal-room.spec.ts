import { expect, test } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { iphone14, origin } from "./live.ts";

const SLIDE = "Full-duplex ao vivo";
const demo = (page: import("@playwright/test").Page) => page.locator(`[data-title="${SLIDE}"] figure.duplex`);

test("with no room server (a static host), a live slide keeps its offline explanation and opens no room", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  await expect(page.locator(`[data-title="${SLIDE}"]`).getByRole("note")).toContainText("Demonstração ao vivo");
  await page.waitForTimeout(1000); // the room request has failed by now
  await expect(page.locator("[data-personal-room]")).toBeHidden();
});

test.describe("with the room server", () => {
  test.use({ baseURL: origin });

  test("a reader gets a room of their own; a second tab or device joins it and messages flow both ways", async ({ page, browser }) => {
    await openSlideTitled(page, SLIDE);
    const card = page.locator("[data-personal-room]");
    await expect(card).toBeVisible();
    await expect(card).toContainText(/Sala só sua: [A-HJKMNP-Z2-9]{5}/);
    await expect(card.getByRole("status")).toHaveText("Só você por enquanto");
    // The reader's own tab drives the demo: it shows the room's board.
    await expect(demo(page).locator("[data-stat]").first()).toBeVisible();

    const invite = await card.getByRole("link", { name: "Abrir em outra aba" }).getAttribute("href");
    const code = /room=([A-Z0-9]{5})$/.exec(invite ?? "")?.[1];
    expect(code).toBeTruthy();
    await card.getByRole("button", { name: "Mostrar QR code" }).click();
    await expect(card.getByRole("img", { name: new RegExp(code!) })).toBeVisible();

    const other = await browser.newContext(iphone14);
    const guest = await other.newPage();
    await guest.goto(invite!);
    await expect(guest.locator("[data-personal-room]")).toContainText(`Na sala ${code}`);
    // Both ways on one socket each: the guest's pings are answered and the server pushes the room to it…
    await expect.poll(async () => Number(await demo(guest).locator("[data-pushes]").textContent()), { timeout: 15_000 }).toBeGreaterThan(0);
    // …and the reader's tab sees the guest counted and measured.
    await expect(card.getByRole("status")).toHaveText("Você e mais 1");
    await expect(demo(page).locator('[data-stat="phones"]')).toContainText("1");

    // A reload keeps each tab where it was: the reader in their room, the guest as a guest.
    await guest.reload();
    await expect(guest.locator("[data-personal-room]")).toContainText(`Na sala ${code}`);
    await page.reload();
    await expect(card).toContainText(`Sala só sua: ${code}`);
    await other.close();
  });

  test("the language switch keeps the reader's room", async ({ page }) => {
    await openSlideTitled(page, SLIDE);
    const card = page.locator("[data-personal-room]");
    await expect(card).toContainText(/Sala só sua: \w{5}/);
    const code = /Sala só sua: (\w{5})/.exec((await card.textContent())!)![1];
    await page.getByRole("link", { name: "Read in English" }).click();
    await expect(page.locator("[data-personal-room]")).toContainText(`Your own room: ${code}`);
  });
});
