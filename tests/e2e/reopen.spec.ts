/** A presenter never loses their room by accident: `/present/` opened afresh offers the room this browser presented last. */
import { expect, test, type Page } from "@playwright/test";
import { joined, origin, pixel7, present, shownSlide } from "./live.ts";

test.use({ baseURL: origin });

const offer = (page: Page) => page.getByRole("dialog", { name: "Continuar a apresentação?" });

test("reopening /present/ offers the last room with its slide and audience; going back keeps the code, a new one is remembered next", async ({ page, context, browser }) => {
  const code = await present(page);
  for (let i = 0; i < 4; i++) await page.keyboard.press("PageDown");
  const slide = await shownSlide(page);
  const title = await page.locator(`#slide-${slide}`).getAttribute("data-title");
  const phone = await joined(browser, pixel7, code);
  await expect(page.locator("[data-room-status]")).toHaveText("Ao vivo · 1 pessoa");
  await page.close();

  // The README's link, later, in the same browser.
  const again = await context.newPage();
  await again.goto("/present/");
  const dialog = offer(again);
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('[data-reopen="code"]')).toHaveText(code);
  await expect(dialog.locator('[data-reopen="slide"]')).toHaveText(new RegExp(`^${slide} de \\d+$`));
  await expect(dialog.locator('[data-reopen="slide-title"]')).toHaveText(title!);
  await expect(dialog.locator('[data-reopen="audience"]')).toHaveText("1 pessoa");
  // Keyboard first: focus starts on going back; nothing was created meanwhile.
  const back = dialog.getByRole("button", { name: `Voltar à sala ${code}` });
  await expect(back).toBeFocused();
  await expect(again.locator("[data-room-status]")).toHaveText("Escolha a sala…");
  await again.screenshot({ path: "/tmp/fd/shots/connect-reopen-1920.png" });
  await again.keyboard.press("Enter");

  await expect(dialog).toBeHidden();
  await expect(again).toHaveURL(`/present/?room=${code}`);
  await expect(again.locator('[data-panel="code"]')).toHaveText(code);
  await expect(again.locator("[data-room-status]")).toHaveText("Ao vivo · 1 pessoa");
  expect(await shownSlide(again)).toBe(slide);
  await expect(phone.page.locator("[data-room-status]")).toHaveText("Ao vivo");

  // Escape is "back" too: it loses nothing.
  const third = await context.newPage();
  await third.goto("/present/");
  await expect(offer(third)).toBeVisible();
  await third.keyboard.press("Escape");
  await expect(third).toHaveURL(`/present/?room=${code}`);
  await expect(third.locator("[data-room-status]")).toHaveText("Ao vivo · 1 pessoa");
  await third.close();

  // A new room, on purpose: it gets its own code, and is the one offered next time.
  const fresh = await context.newPage();
  await fresh.goto("/present/");
  await offer(fresh).getByRole("button", { name: "Começar uma sala nova" }).click();
  await expect(fresh.locator("[data-room-status]")).toHaveText(/^Ao vivo/);
  const other = (await fresh.locator('[data-panel="code"]').textContent())!;
  expect(other).not.toBe(code);
  const next = await context.newPage();
  await next.goto("/en/present/");
  const english = next.getByRole("dialog", { name: "Pick up where you left off?" });
  await expect(english.locator('[data-reopen="code"]')).toHaveText(other);
  await expect(english.getByRole("button", { name: `Back to room ${other}` })).toBeFocused();
  await expect(english.locator('[data-reopen="audience"]')).toHaveText("0 people");
  await next.close();
  await phone.context.close();
});

test("when the last room no longer exists, /present/ starts a new one without asking", async ({ page, context, request }) => {
  const code = await present(page);
  const key = await page.evaluate((code) => localStorage.getItem(`full-duplex:presenter-key:${code}`), code);
  await page.close();
  // Erased from elsewhere (its 30 days ran out, or another device erased it): this browser still holds its key.
  expect((await request.delete(`/parties/main/${code}`, { headers: { authorization: `Bearer ${key}` } })).status()).toBe(204);

  const again = await context.newPage();
  await again.goto("/present/");
  await expect(again.locator("[data-room-status]")).toHaveText(/^Ao vivo/);
  await expect(offer(again)).toBeHidden();
  await expect(again.locator('[data-panel="code"]')).not.toHaveText(code);
});
