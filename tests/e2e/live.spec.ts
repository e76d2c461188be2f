import { expect, test } from "@playwright/test";
import { expectOnSlide, goToSlide, iphone14, joined, origin, phone, pixel7, present, shownSlide } from "./live.ts";
import { PRESENCE_GRACE_MS } from "../../src/room/presence.ts";

test.use({ baseURL: origin });

test("phones join by link and by code, and follow the presenter's slides and steps", async ({ page, browser }) => {
  const code = await present(page);
  // The QR code and the address phones should open never say localhost.
  const joinLink = page.locator('[data-panel="join-url"]');
  await expect(joinLink).toHaveAttribute("href", new RegExp(`/join/\\?room=${code}$`));
  expect(await joinLink.getAttribute("href")).not.toMatch(/localhost|127\.0\.0\.1/);
  await expect(page.locator("[data-presenter-panel]").getByRole("img", { name: `QR code para entrar na sala ${code}` })).toBeVisible();
  // The panel knows where the talk is from the start: position, next slide, notes.
  await expect(page.locator('[data-panel="position"]')).toHaveText(/^Slide 1 de \d+$/);
  await expect(page.locator('[data-panel="next-title"]')).toHaveText("Roteiro");
  expect((await page.locator('[data-panel="notes"]').innerText()).length).toBeGreaterThan(80);

  const a = await joined(browser, pixel7, code);

  const b = await phone(browser, iphone14);
  await b.page.goto("/join/");
  await b.page.getByLabel("Código da sala").fill(code.toLowerCase());
  await b.page.getByRole("button", { name: "Entrar" }).click();
  await expect(b.page.locator("[data-room-status]")).toHaveText("Ao vivo");
  await expect(page.locator('[data-panel="audience"]')).toHaveText("2");

  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
  const target = await shownSlide(page);
  expect(target).toBeGreaterThan(1);
  for (const p of [a.page, b.page]) {
    await expect(p.locator(`#slide-${target}`)).toBeVisible();
  }
  // Steps travel too: the phones reveal exactly what the presenter revealed.
  const revealed = await page.locator(`#slide-${target} [data-step][data-shown]`).count();
  await expect(a.page.locator(`#slide-${target} [data-step][data-shown]`)).toHaveCount(revealed);
  await a.context.close();
  await b.context.close();
});

test("a phone can browse on its own and come back to live", async ({ page, browser }) => {
  const code = await present(page);
  const a = await joined(browser, pixel7, code);
  const back = a.page.getByRole("button", { name: "Voltar ao vivo" });
  await expect(back).toBeHidden();

  await a.page.keyboard.press("End");
  await expect(back).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const live = await shownSlide(page);
  // Browsing: the presenter's moves don't pull the phone away from what it is reading.
  await expect(a.page.locator("[data-slide-index]:not([hidden])")).toHaveCount(1);
  expect(await shownSlide(a.page)).not.toBe(live);
  await back.tap();
  await expect(a.page.locator(`#slide-${live}`)).toBeVisible();
  await expect(back).toBeHidden();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => shownSlide(a.page)).toBe(await shownSlide(page));
  await a.context.close();
});

test("a reloaded phone rejoins as the same person; the presenter's absence is told apart", async ({ page, browser }) => {
  const code = await present(page);
  const a = await joined(browser, pixel7, code);
  await expect(page.locator('[data-panel="audience"]')).toHaveText("1");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  const live = await shownSlide(page);

  await a.page.reload();
  await expect(a.page.locator("[data-room-status]")).toHaveText("Ao vivo");
  await expect(a.page.locator(`#slide-${live}`)).toBeVisible();
  await page.waitForTimeout(500); // let a double count, if there were one, reach the presenter
  await expect(page.locator('[data-panel="audience"]')).toHaveText("1");

  await page.close();
  // Told once the room's grace for a reload has run out (src/room/presence.ts).
  await expect(a.page.locator("[data-room-status]")).toHaveText("Apresentador offline", { timeout: PRESENCE_GRACE_MS + 5_000 });
  // The phone keeps the slide it was on.
  await expect(a.page.locator(`#slide-${live}`)).toBeVisible();
  await a.context.close();
});

test("the phone says when it is itself offline, and recovers on its own", async ({ page, browser }) => {
  const code = await present(page);
  const a = await joined(browser, pixel7, code);
  await a.context.setOffline(true);
  await expect(a.page.locator("[data-room-status]")).toHaveText(/Você está offline|Reconectando/);
  await page.keyboard.press("End");
  const live = await shownSlide(page);
  await a.context.setOffline(false);
  await expect(a.page.locator("[data-room-status]")).toHaveText("Ao vivo", { timeout: 15_000 });
  await expect(a.page.locator(`#slide-${live}`)).toBeVisible();
  await a.context.close();
});

test("a wrong code gets a clear answer; a presenter page without the key cannot drive", async ({ page }) => {
  await page.goto("/join/?room=ZZZZZ");
  await expect(page.getByRole("alert")).toHaveText(/Não achei a sala ZZZZZ/);
  await page.goto("/join/?room=0O1I!");
  await expect(page.getByRole("alert")).toHaveText(/não parece certo/);

  const owner = await page.context().browser()!.newPage();
  const code = await present(owner);
  // Another browser (no key in its storage) opening the presenter address is refused.
  const stranger = await (await page.context().browser()!.newContext()).newPage();
  await stranger.goto(`${origin}/present/?room=${code}`);
  await expect(stranger.locator("[data-room-status]")).toHaveText(/não tem a chave/);
  await owner.close();
});

test("a second device with the presenter key is a remote that drives the same room", async ({ page, browser }) => {
  const code = await present(page);
  const key = await page.evaluate((c) => localStorage.getItem(`full-duplex:presenter-key:${c}`), code);
  const remote = await phone(browser, pixel7);
  await remote.page.goto(`/present/?room=${code}#key=${encodeURIComponent(key!)}`);
  await expect(remote.page.locator("[data-room-status]")).toHaveText(/Ao vivo/);
  // The key leaves the address bar at once.
  expect(remote.page.url()).not.toContain("key=");
  await remote.page.keyboard.press("End");
  const last = await shownSlide(remote.page);
  await expect(page.locator(`#slide-${last}`)).toBeVisible();

  // One clock for both devices: started on one, it reads the same on the other, then pauses.
  await page.getByRole("button", { name: "Iniciar" }).click();
  await expect(remote.page.getByRole("button", { name: "Pausar" })).toBeVisible();
  // At least two seconds in (a busy machine may take longer to look than the clock to tick).
  await expect(page.locator('[data-panel="clock"]')).toHaveText(/^00:(0[2-9]|[1-5]\d)$/, { timeout: 5_000 });
  await remote.page.getByRole("button", { name: "Pausar" }).click();
  await expect(page.getByRole("button", { name: "Iniciar" })).toBeVisible();
  const reading = await page.locator('[data-panel="clock"]').textContent();
  await expect(remote.page.locator('[data-panel="clock"]')).toHaveText(reading!);
  await remote.context.close();
});

test("fast key presses on the presenter never bounce back as the room echoes them", async ({ page, browser }) => {
  const code = await present(page);
  const a = await joined(browser, pixel7, code);
  // Record every slide the presenter's page shows, in order.
  await page.evaluate(() => {
    const shown: number[] = [];
    (window as unknown as { shown: number[] }).shown = shown;
    new MutationObserver(() => {
      const index = Number(document.querySelector<HTMLElement>("[data-slide-index]:not([hidden]):not([inert])")?.dataset.slideIndex);
      if (shown.at(-1) !== index) shown.push(index);
    }).observe(document.querySelector(".deck__stage")!, { subtree: true, attributes: true, attributeFilter: ["hidden"] });
  });
  for (let i = 0; i < 15; i++) await page.keyboard.press("ArrowRight", { delay: 0 });
  const final = await shownSlide(page);
  await page.waitForTimeout(500); // any late echo would have moved the deck by now
  expect(await shownSlide(page)).toBe(final);
  const shown = await page.evaluate(() => (window as unknown as { shown: number[] }).shown);
  expect(shown, "the presenter's slides only went forward").toEqual([...shown].sort((x, y) => x - y));
  await expect(a.page.locator(`#slide-${final}`)).toBeVisible();
  await a.context.close();
});

test("the projector's screen follows without notes, is not counted, and shows the demos' boards without their controls", async ({ page, browser }) => {
  const code = await present(page);
  const link = page.locator('[data-panel="screen"]');
  // The projector's key rides in the fragment, never sent to a server; the page takes it out of the address bar.
  await expect(link).toHaveAttribute("href", new RegExp(`/join/\\?room=${code}&screen#key=[A-Za-z0-9_-]{43}$`));
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await screen.goto((await link.getAttribute("href"))!);
  await expect(screen.locator("[data-room-status]")).toHaveText("Ao vivo");
  expect(screen.url()).not.toContain("key=");
  await expect(screen.locator("[data-presenter-panel]")).toHaveCount(0);
  const a = await joined(browser, pixel7, code);
  await expect(page.locator('[data-panel="audience"]')).toHaveText("1");

  await goToSlide(page, "Onde vive? Nesta sala");
  await expectOnSlide(screen, "Onde vive? Nesta sala");
  const board = screen.getByRole("region", { name: "Navegadores nesta sala" });
  await expect(board.locator("[data-tally-total]")).toHaveText("1");
  await expect(board.getByRole("button", { name: "Zerar contagem" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Navegadores nesta sala" }).getByRole("button", { name: "Zerar contagem" })).toBeVisible();
  await a.context.close();
  await screen.context().close();
});
