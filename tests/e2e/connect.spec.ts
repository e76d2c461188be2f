/**
 * Phones reach the room whatever address they used, and say why when they can't. These run in a
 * Chromium of their own that resolves `salao.local` to this machine: a host that is neither
 * localhost nor a private IPv4 range, like a laptop's mDNS name, a LAN outside 10/8, 172.16/12 and
 * 192.168/16, or a public IP (127.0.0.1, the other tests' host, is private).
 */
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import config, { ROOM_PORT } from "../../playwright.config.ts";
import { iphone14, pixel7, type Device } from "./live.ts";

const HOST = "salao.local";
const origin = `http://${HOST}:${ROOM_PORT}`;
const launchOptions = config.use?.launchOptions ?? {};
test.use({ baseURL: origin, launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] } });

const status = (page: Page) => page.locator("[data-room-status]");

test("a presenter and phones on a name.local address connect over ws: (the page is http:), a later phone through the talk to its hall", async ({ page, browser }) => {
  const sockets: string[] = [];
  await page.goto("/present/");
  await expect(status(page)).toHaveText(/^Ao vivo/);
  const code = (await page.locator('[data-panel="code"]').textContent())!;

  const context = await browser.newContext(pixel7);
  const phone = await context.newPage();
  phone.on("websocket", (socket) => sockets.push(socket.url()));
  await phone.goto(`/join/?room=${code}`);
  // PartySocket's own guess for this host was wss:, against a plain-http port: "Reconectando…" forever.
  await expect(status(phone)).toHaveText("Ao vivo");
  expect(sockets[0]).toMatch(new RegExp(`^ws://${HOST.replace(".", "\\.")}:${ROOM_PORT}/parties/main/${code}\\?`));
  await expect(status(page)).toHaveText("Ao vivo · 1 pessoa");

  // The talk is crowded now (halls open past one phone here: playwright.config.ts): a new phone
  // goes through the talk's door to its hall, over the same plain ws:, and counts as one more.
  const second = await browser.newContext(iphone14);
  const late = await second.newPage();
  const lateSockets: string[] = [];
  late.on("websocket", (socket) => lateSockets.push(socket.url()));
  await late.goto(`/join/?room=${code}`);
  await expect(status(late)).toHaveText("Ao vivo");
  await expect(status(page)).toHaveText("Ao vivo · 2 pessoas");
  expect(lateSockets.map((url) => new URL(url).pathname)).toEqual([`/parties/main/${code}`, `/parties/hall/${code}-0`]);
  expect(lateSockets.every((url) => url.startsWith(`ws://${HOST}:`))).toBe(true);
  await second.close();
  await context.close();
});

/**
 * The phone's way to the room, which a test can cut: then every socket it has is closed, new ones
 * are closed at once, and the room's HTTP address doesn't answer (the laptop left the Wi-Fi, or the
 * phone joined another network). The phone itself stays online.
 */
class Way {
  cut = false;
  private readonly open = new Set<WebSocketRoute>();

  async route(page: Page): Promise<void> {
    await page.route("**/parties/main/**", (route) => (this.cut ? route.abort("addressunreachable") : route.continue()));
    // The talk's sockets and its halls' (a second phone is sent to one: playwright.config.ts).
    await page.routeWebSocket(/\/parties\/(main|hall)\//, (socket) => {
      if (this.cut) return void socket.close();
      const server = socket.connectToServer();
      this.open.add(socket);
      socket.onClose(() => void server.close());
      server.onClose(() => void socket.close());
    });
  }

  async lose(): Promise<void> {
    this.cut = true;
    for (const socket of this.open) await socket.close();
    this.open.clear();
  }
}

async function joinedThrough(browser: import("@playwright/test").Browser, device: Device, path: string, live: string) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  const way = new Way();
  await way.route(page);
  await page.goto(path);
  await expect(status(page)).toHaveText(live);
  return { context, page, way };
}

/** Every part of the phone's bottom bar that shows lies within the screen's width. */
async function barFits(page: Page): Promise<void> {
  const width = page.viewportSize()!.width;
  const outside = await page.locator(".deck__bar, .deck__bar > *").evaluateAll((elements, width) =>
    elements.flatMap((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(element).visibility === "hidden") return [];
      return box.left < -0.5 || box.right > width + 0.5 ? [`${element.className || element.tagName} ${Math.round(box.left)}…${Math.round(box.right)}`] : [];
    }),
  width);
  expect(outside, `at ${width} px`).toEqual([]);
}

test("a phone that can't reach the room for 10 s says why, in words, in each language, and fits 320 px", async ({ page, browser }) => {
  await page.goto("/present/");
  await expect(status(page)).toHaveText(/^Ao vivo/);
  const code = (await page.locator('[data-panel="code"]').textContent())!;
  const pt = await joinedThrough(browser, { ...pixel7, viewport: { width: 360, height: 640 } }, `/join/?room=${code}`, "Ao vivo");
  const en = await joinedThrough(browser, { ...iphone14, viewport: { width: 320, height: 640 } }, `/en/join/?room=${code}`, "Live");

  await Promise.all([pt.way.lose(), en.way.lose()]);
  const lostAt = Date.now();
  await expect(status(pt.page)).toHaveText(/Reconectando…|Conectando…/);
  await expect(status(pt.page)).toHaveText("O celular não alcança o computador de quem apresenta: mesma rede Wi-Fi?", { timeout: 20_000 });
  const after = Date.now() - lostAt;
  console.log(`can't-reach text after ${after} ms`);
  expect(after, "not before it has tried for 10 s").toBeGreaterThanOrEqual(9_500);
  await expect(status(pt.page)).toHaveAttribute("data-tone", "bad");
  await expect(status(en.page)).toHaveText("The phone can't reach the presenter's computer: same Wi-Fi network?", { timeout: 10_000 });

  await pt.page.screenshot({ path: "/tmp/fd/shots/connect-cant-reach-360.png" });
  await barFits(pt.page);
  await barFits(en.page);
  await pt.page.setViewportSize({ width: 320, height: 640 });
  await barFits(pt.page);
  await en.page.screenshot({ path: "/tmp/fd/shots/connect-cant-reach-en-320.png" });

  // The way back: live again on its own, the explanation gone.
  pt.way.cut = false;
  await expect(status(pt.page)).toHaveText("Ao vivo", { timeout: 15_000 });
  await Promise.all([pt.context.close(), en.context.close()]);
});
