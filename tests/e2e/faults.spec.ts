import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present, shownSlide } from "./live.ts";
import { PRESENCE_GRACE_MS } from "../../src/room/presence.ts";

test.use({ baseURL: origin });

const POLL_SLIDE = "Pergunta para a sala";
const pollOn = (page: Page) => page.locator(`[data-title="${POLL_SLIDE}"] section.poll`);

/** One socket of the phone, as it passes through its Wi-Fi. */
interface Link {
  cut: boolean;
  /** Frames from the room that reached the phone on this socket. */
  delivered: string[];
}

/**
 * A phone's Wi-Fi, which a test can cut. Chromium's offline emulation (`setOffline`) fires
 * `offline` and fails new connections, but does not break a WebSocket that is already open: it
 * holds its frames and hands them over when the network returns, so the phone would catch up by
 * replaying the deltas it missed. A phone that really loses its Wi-Fi never gets those frames, and
 * nobody closes its socket: it goes silent (the case room.ts's heartbeat is for), and the server
 * keeps its end open. So the phone's sockets run through a route, and cutting the Wi-Fi drops
 * everything the sockets open at that moment send or receive, for good, without closing either end.
 */
class Wifi {
  readonly links: Link[] = [];
  /** Frames the room sent that never reached the phone. */
  readonly lost: string[] = [];
  private page: Page | null = null;

  async route(page: Page): Promise<void> {
    this.page = page;
    // The talk's sockets, and its halls' (a phone coming back may be sent to one: src/room/halls.ts).
    await page.routeWebSocket(/\/parties\/(main|hall)\//, (route) => this.carry(route));
  }

  private carry(route: WebSocketRoute): void {
    const link: Link = { cut: false, delivered: [] };
    this.links.push(link);
    const server = route.connectToServer();
    route.onMessage((message) => {
      if (!link.cut) server.send(message);
    });
    server.onMessage((message) => {
      if (link.cut) return void this.lost.push(String(message));
      link.delivered.push(String(message));
      route.send(message);
    });
    // A close goes through only while the link is up (the other end never hears of it otherwise).
    const how = (code: number | undefined, reason: string | undefined) => ({ ...(code === undefined ? {} : { code }), ...(reason === undefined ? {} : { reason }) });
    route.onClose((code, reason) => {
      if (!link.cut) void server.close(how(code, reason));
    });
    server.onClose((code, reason) => {
      if (!link.cut) void route.close(how(code, reason));
    });
  }

  async lose(): Promise<void> {
    for (const link of this.links) link.cut = true;
    await this.page!.context().setOffline(true);
  }

  async restore(): Promise<void> {
    await this.page!.context().setOffline(false);
  }
}

test("a phone 30 s without Wi-Fi comes back on its own to the presenter's slide and the open poll, from a snapshot", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const code = await present(page);
  const wifi = new Wifi();
  const a = await joined(browser, pixel7, code, (p) => wifi.route(p));
  const status = a.page.locator("[data-room-status]");
  const before = await shownSlide(a.page);

  await wifi.lose();
  const lostAt = Date.now();
  await expect(status).toHaveText("Você está offline");
  // The talk moves on without the phone: a few steps and slides, then a poll opens.
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await goToSlide(page, POLL_SLIDE);
  await pollOn(page).getByRole("button", { name: "Abrir votação" }).click();
  await expect(pollOn(page).locator("[data-poll-status]")).toHaveText("Votação aberta · 0 votos");
  const live = await shownSlide(page);
  await a.page.waitForTimeout(30_000 - (Date.now() - lostAt));
  expect(await shownSlide(a.page), "offline, the phone stays where it was").toBe(before);
  await expect(status).toHaveText("Você está offline");

  await wifi.restore();
  const backAt = Date.now();
  // partysocket retries on its own backoff (up to 10 s apart by now), and ignores `online` meanwhile:
  // allow one full wait and the connect.
  await expect(status).toHaveText("Ao vivo", { timeout: 20_000 });
  console.log(`back online → "Ao vivo" in ${Date.now() - backAt} ms; ${wifi.links.length} sockets; ${wifi.lost.length} frames lost`);
  await expectOnSlide(a.page, POLL_SLIDE);
  expect(await shownSlide(a.page)).toBe(live);
  await expect(pollOn(a.page).locator("[data-poll-status]")).toHaveText("Toque na sua resposta");

  // What brought it back is a snapshot of the room now, not the deltas it missed: those never arrived.
  const lost = wifi.lost.map((frame) => JSON.parse(frame) as { type: string; changes?: { slide?: number; poll?: { open: boolean } } });
  expect(lost.some((m) => m.type === "delta" && m.changes?.slide !== undefined), "the presenter's moves were lost on the way").toBe(true);
  expect(lost.some((m) => m.type === "delta" && m.changes?.poll?.open === true), "the poll's opening was lost on the way").toBe(true);
  // (A talk crowded with the phone's own stale socket sends it to a hall first: the snapshot is the hall's socket's first frame.)
  const first = JSON.parse(wifi.links.at(-1)!.delivered[0]!) as { type: string; state: { slide: number; poll: { id: string; open: boolean } | null } };
  expect(first.type).toBe("snapshot");
  expect({ slide: first.state.slide + 1, poll: first.state.poll?.id, open: first.state.poll?.open }).toEqual({ slide: live, poll: "ja-usou-websocket", open: true });

  // And it takes part at once: its vote reaches the projector.
  await pollOn(a.page).getByRole("button", { name: "Ainda não" }).click();
  await expect(pollOn(a.page).locator("[data-poll-status]")).toContainText("Voto registrado");
  await expect(pollOn(page).locator("[data-poll-count]")).toHaveText(["0", "0", "1", "0"]);
  await a.context.close();
});

test("when the presenter drops, every phone says so and keeps its slide; when it returns, they are live again", async ({ page, context, browser }) => {
  const code = await present(page);
  const phones = await Promise.all([joined(browser, pixel7, code), joined(browser, iphone14, code)]);
  await page.keyboard.press("End");
  const live = await shownSlide(page);
  for (const { page: p } of phones) await expect(p.locator(`#slide-${live}`)).toBeVisible();

  await page.close();
  for (const { page: p } of phones) {
    await expect(p.locator("[data-room-status]")).toHaveText("Apresentador offline", { timeout: PRESENCE_GRACE_MS + 5_000 });
    await expect(p.locator(`#slide-${live}`)).toBeVisible();
  }

  // The presenter reopens the room in the same browser (its key is kept there): the talk resumes where it was.
  const again = await context.newPage();
  await again.goto(`/present/?room=${code}`);
  await expect(again.locator("[data-room-status]")).toHaveText("Ao vivo · 2 pessoas");
  await expect(again.locator(`#slide-${live}`)).toBeVisible();
  for (const { page: p } of phones) await expect(p.locator("[data-room-status]")).toHaveText("Ao vivo");
  // And drives again: the phones follow it back to the start.
  await again.keyboard.press("Home");
  for (const { page: p } of phones) await expect(p.locator("#slide-1")).toBeVisible();
  for (const { context: c } of phones) await c.close();
});
