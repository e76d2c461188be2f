/** The live room in end-to-end tests: a presenter page, phones that joined, moving the talk. */
import { devices, expect, type Browser, type Page } from "@playwright/test";
import { ROOM_PORT } from "../../playwright.config.ts";
import { settled } from "./deck.ts";

/** The real room server (partykit dev) serving the built site: use as the tests' baseURL. */
export const origin = `http://127.0.0.1:${ROOM_PORT}`;

export const { defaultBrowserType: _pixel, ...pixel7 } = devices["Pixel 7"];
export const { defaultBrowserType: _iphone, ...iphone14 } = devices["iPhone 14"];
export type Device = typeof pixel7;

/** Opens the presenter view, which creates a room, and returns its code. */
export async function present(page: Page): Promise<string> {
  await page.goto("/present/");
  await expect(page.locator("[data-room-status]")).toHaveText(/Ao vivo/);
  const code = await page.locator('[data-panel="code"]').textContent();
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}$/);
  return code!;
}

/** The projector's window, opened from the presenter's panel link (the projector's key rides in its fragment). */
export async function projectorLink(presenter: Page): Promise<string> {
  const link = presenter.locator('[data-panel="screen"]');
  await expect(link).toHaveAttribute("href", /#key=/); // derived once the room is up
  return (await link.getAttribute("href"))!;
}

export async function projector(browser: Browser, presenter: Page): Promise<Page> {
  const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await screen.goto(await projectorLink(presenter));
  return screen;
}

export async function phone(browser: Browser, device: Device) {
  const context = await browser.newContext(device);
  return { context, page: await context.newPage() };
}

/** A phone that opened the room's join link and is following it live. `prepare` runs before the page loads (e.g. to route its sockets). */
export async function joined(browser: Browser, device: Device, code: string, prepare?: (page: Page) => Promise<unknown>) {
  const a = await phone(browser, device);
  await prepare?.(a.page);
  await a.page.goto(`/join/?room=${code}`);
  await expect(a.page.locator("[data-room-status]")).toHaveText("Ao vivo");
  return a;
}

/** The slide (1-based) a page shows, once any transition between two slides has finished. */
export async function shownSlide(page: Page): Promise<number> {
  await settled(page);
  return Number(await page.locator("[data-slide-index]:not([hidden])").getAttribute("data-slide-index")) + 1;
}

/** The slide shown on a page (presenter or phone) is the one titled `title`. */
export async function expectOnSlide(page: Page, title: string): Promise<void> {
  // A slide on its way out stays visible, inert, until its transition ends: skip it.
  await expect(page.locator("[data-slide-index]:not([hidden]):not([inert])")).toHaveAttribute("data-title", title);
}

/** The presenter jumps to the slide titled `title` through the overview; phones follow. */
export async function goToSlide(presenter: Page, title: string): Promise<void> {
  await presenter.keyboard.press("o");
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  const card = presenter.locator("[data-overview] a.overview__card").filter({ has: presenter.locator(".overview__title", { hasText: exact }) });
  await card.click();
  await expectOnSlide(presenter, title);
  await settled(presenter);
}

/** The presenter opens the poll on `slide` and the phone votes `option` on it (its button pressed). */
export async function voteOnPoll(presenter: Page, phonePage: Page, slide: string, option: string): Promise<void> {
  await goToSlide(presenter, slide);
  await expectOnSlide(phonePage, slide);
  await presenter.locator(`[data-title="${slide}"]`).getByRole("button", { name: "Abrir votação" }).click();
  const button = phonePage.locator(`[data-title="${slide}"]`).getByRole("button", { name: option });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
}
