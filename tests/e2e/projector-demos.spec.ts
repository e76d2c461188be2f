/**
 * The projector's window shows what the presenter did in the demos that run in the presenter's
 * own browser (src/features/mirror): the same handshake, the same frames, the same page and
 * number; and it shows the boards with nothing to press.
 */
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { settled } from "./deck.ts";
import { expectOnSlide, goToSlide, origin, present, projector } from "./live.ts";

test.use({ baseURL: origin });

const SHOTS = "/tmp/fd/shots";
mkdirSync(SHOTS, { recursive: true });

const demoOn = (page: Page, slide: string, figure: string) => page.locator(`[data-title="${slide}"] figure.${figure}`);

/** The presenter and the projector's window (1920×1080), both on `slide`. */
async function presenterAndProjector(page: Page, browser: Parameters<Parameters<typeof test>[2]>[0]["browser"], slide: string) {
  await present(page);
  const screen = await projector(browser, page);
  await expect(screen.locator("[data-room-status]")).toHaveText("Ao vivo");
  await goToSlide(page, slide);
  await expectOnSlide(screen, slide);
  await settled(screen);
  return screen;
}

test("Handshake ao vivo: the presenter's new handshake, the same key and accept, on the projector; a reload shows it too", async ({ page, browser }) => {
  const SLIDE = "Handshake ao vivo";
  const screen = await presenterAndProjector(page, browser, SLIDE);
  const mine = demoOn(page, SLIDE, "handshake");
  const shown = demoOn(screen, SLIDE, "handshake");
  const key = async (demo: typeof mine) => (await demo.locator("mark").textContent())!.replace("Sec-WebSocket-Key: ", "");

  await expect(mine).toHaveAttribute("data-phase", "live");
  const first = await key(mine);
  await mine.getByRole("button", { name: "Novo handshake" }).click();
  await expect.poll(() => key(mine)).not.toBe(first);
  await expect(mine).toHaveAttribute("data-phase", "live");
  const newKey = await key(mine);
  const accept = await mine.locator(".handshake__accept").textContent();

  await expect(shown).toHaveAttribute("data-source", "presenter");
  await expect.poll(() => key(shown)).toBe(newKey);
  await expect(shown.locator(".handshake__accept")).toHaveText(accept!);
  await expect(shown).toContainText("✓ igual ao Sec-WebSocket-Accept do servidor");
  await expect(shown).toContainText("do navegador de quem apresenta");
  await expect(shown.getByRole("button")).toHaveCount(0);
  await screen.screenshot({ path: `${SHOTS}/mirror-handshake.png` });

  // A reloaded projector window opens no socket of its own and shows the latest at once.
  await screen.reload();
  await expectOnSlide(screen, SLIDE);
  await expect.poll(() => key(demoOn(screen, SLIDE, "handshake"))).toBe(newKey);
  await expect(demoOn(screen, SLIDE, "handshake").getByRole("button")).toHaveCount(0);
  await screen.context().close();
});

test("O fio ao vivo: the presenter's ping and its pong, with their header cost, on the projector", async ({ page, browser }) => {
  const SLIDE = "O fio ao vivo";
  const screen = await presenterAndProjector(page, browser, SLIDE);
  const mine = demoOn(page, SLIDE, "wire");
  const shown = demoOn(screen, SLIDE, "wire");

  await mine.getByRole("button", { name: "Mandar um ping" }).click();
  const ping = mine.getByRole("button", { name: /^Enviado às .*: ping \(seu\), 28 bytes de payload \+ 6 de cabeçalho = 34 bytes$/ });
  const pong = mine.getByRole("button", { name: /^Recebido às .*: pong \(seu\), \d+ bytes de payload \+ 2 de cabeçalho/ });
  await expect(ping).toBeVisible();
  await expect(pong).toBeVisible();
  const pingTime = await ping.locator(".wire__time").textContent();
  const pongTime = await pong.locator(".wire__time").textContent();

  // The very same frames: the presenter's clock, its bytes, the header each one cost.
  const shownPing = shown.locator('.wire__row[data-direction="out"]', { hasText: "ping" });
  const shownPong = shown.locator('.wire__row[data-direction="in"]', { hasText: "pong" });
  await expect(shownPing).toHaveCount(1);
  await expect(shownPing.locator(".wire__time")).toHaveText(pingTime!);
  await expect(shownPing.locator(".wire__bytes")).toHaveText("28 + 6 B");
  await expect(shownPong.locator(".wire__time")).toHaveText(pongTime!);
  await expect(shownPong.locator(".wire__bytes")).toHaveText(/^\d+ \+ 2 B$/);
  await expect(shown).toContainText("Os últimos frames do WebSocket de quem apresenta");

  // What the presenter draws bit by bit, the projector draws: the presenter picks the ping.
  await ping.click();
  await expect(shown.locator('.wire__row[data-drawn="true"]')).toContainText("ping");
  await expect(shown.locator(".wire__frame figure.frame")).toContainText("cabeçalho: 6 bytes");
  await expect(shown.locator(".wire__frame")).toContainText("de quem apresenta para o servidor");
  // The presenter's totals, the mirror's own frames left out on both sides.
  await expect(shown.locator(".wire__totals")).toHaveText((await mine.locator(".wire__totals").textContent())!);
  await expect(shown.getByRole("button")).toHaveCount(0);
  await screen.screenshot({ path: `${SHOTS}/mirror-wire.png` });
  await page.screenshot({ path: `${SHOTS}/mirror-wire-presenter.png` });
  await screen.context().close();
});

test("Página inteira × AJAX: the presenter's loaded page and AJAX value fill the projector's boxes; no send buttons", async ({ page, browser }) => {
  // HTTP ao vivo first: the projector lists the presenter's requests but has no button to send one.
  const REQUESTS = "HTTP ao vivo";
  const screen = await presenterAndProjector(page, browser, REQUESTS);
  await expect(demoOn(page, REQUESTS, "requests").getByRole("button", { name: "Enviar requisição" })).toBeVisible();
  await expect(demoOn(screen, REQUESTS, "requests").locator(".requests__inner")).toBeVisible();
  await expect(demoOn(screen, REQUESTS, "requests").getByRole("button")).toHaveCount(0);

  const SLIDE = "Página inteira × AJAX";
  await goToSlide(page, SLIDE);
  await expectOnSlide(screen, SLIDE);
  const side = (p: Page, route: "page" | "data") => demoOn(p, SLIDE, "pages").locator(`.pages__side--${route}`);
  await expect(side(screen, "page").locator(".pages__placeholder")).toBeVisible();

  await side(page, "page").getByRole("button", { name: "Recarregar a página inteira" }).click();
  await expect(side(page, "page")).toHaveAttribute("data-phase", "loaded");
  await side(page, "data").getByRole("button", { name: "Buscar só o dado (AJAX)" }).click();
  await expect(side(page, "data")).toHaveAttribute("data-phase", "loaded");
  const pageCounter = await side(page, "page").frameLocator("iframe").locator("#visitas").textContent();
  const pageTime = await side(page, "page").frameLocator("iframe").locator("#hora").textContent();
  const json = await side(page, "data").locator(".pages__json").textContent();
  expect(pageCounter).toBe("000001");
  // The time carries its zone (slide 18 shows the viewer's own: "20:04:05 GMT-3", or "UTC").
  expect(json).toMatch(/^\{"visits":2,"time":"\d\d:\d\d:\d\d (UTC|GMT[+-][\d:]+)"\}$/);

  // The projector: the same page (its counter and time) and the same JSON, drawn from the presenter's run.
  const frame = side(screen, "page").frameLocator("iframe");
  await expect(frame.locator("h1")).toHaveText("Portal Web 2005");
  await expect(frame.locator("#visitas")).toHaveText(pageCounter!);
  await expect(frame.locator("#hora")).toHaveText(pageTime!);
  await expect(frame.locator(".noticia")).toHaveCount(6);
  await expect(side(screen, "data").locator(".pages__counter")).toHaveText("000002");
  await expect(side(screen, "data").locator(".pages__json")).toHaveText(json!);
  // And the room's count beside them, as before.
  await expect(demoOn(screen, SLIDE, "pages").locator(".pages__ratio-number")).toHaveText(/^\d+(,\d)?×$/);
  await expect(demoOn(screen, SLIDE, "pages").getByRole("button")).toHaveCount(0);
  await screen.waitForTimeout(1000); // the counter's flash fades
  await screen.screenshot({ path: `${SHOTS}/mirror-pages.png` });
  await screen.context().close();
});
