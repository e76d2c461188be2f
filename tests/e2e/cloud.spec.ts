/**
 * The word cloud in a live room, in both languages: a presenter, the projector's window and two
 * phones (one 360×640). Phones send words, the projector's cloud grows (the repeated word is
 * drawn larger), the presenter hides a word and it leaves the projector and the phones; axe
 * checks the phone's and the projector's views. Outside a room the slide is its prompt.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import WebSocket from "ws";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, origin, pixel7, projector } from "./live.ts";

const SHOTS = process.env.CLOUD_SHOTS;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const LOCALES = [
  { name: "pt-br", base: "/", title: "Para que você usaria WebSocket?", live: "Ao vivo", answer: "Sua resposta", send: "Enviar", moderate: "Moderar palavras", hide: "Esconder", showAgain: "Mostrar", done: "Pronto: você mandou suas 3 respostas.", hint: "a plateia responde pelo celular" },
  { name: "en", base: "/en/", title: "What would you use WebSocket for?", live: "Live", answer: "Your answer", send: "Send", moderate: "Moderate words", hide: "Hide", showAgain: "Show", done: "Done: you sent your 3 answers.", hint: "the audience answers from their phones" },
] as const;

const cloudOn = (page: Page) => page.locator("[data-slide-index]:not([hidden]) section.cloud");
const wordOn = (page: Page, key: string) => cloudOn(page).locator(`[data-cloud-word="${key}"]`);
const fontPx = async (page: Page, key: string) => parseFloat(await wordOn(page, key).evaluate((element) => getComputedStyle(element).fontSize));

async function accessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${what}`).toEqual([]);
}

/** A few more phones, as plain sockets (ids issued by the room), each sending its answers: a fuller cloud for the pictures. */
async function crowd(code: string, answers: string[][]): Promise<WebSocket[]> {
  return Promise.all(
    answers.map(async (mine) => {
      const response = await fetch(`${origin}/parties/main/${code}/participants`, { method: "POST" });
      const { pid } = (await response.json()) as { pid: string };
      const ws = new WebSocket(`${origin.replace(/^http/, "ws")}/parties/main/${code}?role=audience&pid=${pid}`);
      await new Promise((resolve) => ws.once("message", resolve));
      for (const text of mine) ws.send(JSON.stringify({ type: "cloudAnswer", cloud: "para-que-websocket", text }));
      return ws;
    }),
  );
}

test("outside a room, the cloud is its prompt and how it works live, with no words made up", async ({ page }) => {
  await openSlideTitled(page, LOCALES[0].title);
  await expect(page.locator("[data-slide-index]:not([hidden]) .slide__title")).toHaveText(LOCALES[0].title);
  await expect(cloudOn(page)).toHaveAttribute("aria-label", `Nuvem de palavras: ${LOCALES[0].title}`);
  await expect(cloudOn(page)).toContainText(LOCALES[0].hint);
  await expect(cloudOn(page).locator("[data-cloud-word]")).toHaveCount(0);
});

for (const locale of LOCALES) {
  test.describe(`${locale.name}: in a live room`, () => {
    test.use({ baseURL: origin });

    test("phones send words, the projector's cloud grows, the presenter hides one", async ({ page, browser }) => {
      test.setTimeout(150_000);
      await page.goto(`${locale.base}present/`);
      await expect(page.locator("[data-room-status]")).toHaveText(new RegExp(locale.live));
      const code = (await page.locator('[data-panel="code"]').textContent())!;
      const screen = await projector(browser, page);
      const small = await (await browser.newContext({ ...pixel7, viewport: { width: 360, height: 640 }, screen: { width: 360, height: 640 } })).newPage();
      const other = await (await browser.newContext(iphone14)).newPage();
      for (const phone of [small, other]) {
        await phone.goto(`${locale.base}join/?room=${code}`);
        await expect(phone.locator("[data-room-status]")).toHaveText(locale.live);
      }
      await goToSlide(page, locale.title);
      for (const view of [screen, small, other]) await expectOnSlide(view, locale.title);

      const send = async (phone: Page, text: string, how: "enter" | "click") => {
        const form = cloudOn(phone).locator("[data-cloud-form]");
        const before = await form.locator("[data-cloud-mine] li").count();
        await form.getByRole("textbox", { name: locale.answer }).fill(text);
        if (how === "enter") await form.getByRole("textbox", { name: locale.answer }).press("Enter");
        else await form.getByRole("button", { name: locale.send }).click();
        await expect(form.locator("[data-cloud-mine] li")).toHaveCount(before + 1);
      };
      // The small phone: its form and its send button are on screen, not under the phone's bar.
      const input = cloudOn(small).getByRole("textbox", { name: locale.answer });
      await input.scrollIntoViewIfNeeded();
      const box = (await cloudOn(small).getByRole("button", { name: locale.send }).boundingBox())!;
      const bar = (await small.locator(".deck__bar").boundingBox())!;
      expect(box.y + box.height, "the send button sits above the phone's bottom bar").toBeLessThanOrEqual(bar.y);
      const slideBox = (await small.locator("[data-slide-index]:not([hidden]) .slide__inner").boundingBox())!;
      expect(box.x + box.width, "the send button fits in the slide's width").toBeLessThanOrEqual(slideBox.x + slideBox.width);
      if (SHOTS && locale.name === "pt-br") {
        await small.waitForTimeout(500);
        await small.screenshot({ path: `${SHOTS}/cloud-phone-360-form.png` });
      }
      await send(small, "WebSocket", "enter");
      await expect(wordOn(screen, "websocket")).toHaveText("WebSocket");
      await send(small, "Chat", "click");
      await send(other, "websockets ", "enter");
      await send(other, "Palavrão", "enter");
      // The repeated word counts twice and is drawn larger than one said once.
      await expect(wordOn(screen, "websocket")).toHaveAttribute("data-count", "2");
      await expect(wordOn(screen, "chat")).toHaveAttribute("data-count", "1");
      await expect.poll(async () => (await fontPx(screen, "websocket")) > (await fontPx(screen, "chat"))).toBe(true);
      // Still readable from the back of the room: the smallest word is no smaller than the projector's label floor (24 px).
      expect(await fontPx(screen, "chat")).toBeGreaterThanOrEqual(24);
      await expect(wordOn(screen, "palavrao")).toHaveCount(1);
      await expect(cloudOn(small).locator("[data-cloud-list] li")).toHaveCount(3);
      // The small phone's cloud can be scrolled clear of its bottom bar.
      const stage = cloudOn(small).locator("[data-cloud-stage]");
      await stage.scrollIntoViewIfNeeded();
      const stageBox = (await stage.boundingBox())!;
      expect(stageBox.y + stageBox.height, "the phone's cloud clears its bottom bar").toBeLessThanOrEqual((await small.locator(".deck__bar").boundingBox())!.y + 1);
      await send(other, "IoT", "click");
      await expect(cloudOn(other).locator("[data-cloud-form]")).toContainText(locale.done);
      await expect(cloudOn(other).getByRole("textbox", { name: locale.answer })).toHaveCount(0);

      // The presenter hides a word: it leaves the projector and the phones, and is listed for the presenter.
      await cloudOn(page).locator("[data-cloud-moderate] summary").click();
      await cloudOn(page).getByRole("button", { name: new RegExp(`^${locale.hide} .Palavrão.$`) }).click();
      await expect(wordOn(screen, "palavrao")).toHaveCount(0);
      await expect(wordOn(small, "palavrao")).toHaveCount(0);
      await expect(cloudOn(screen).locator("[data-cloud-list]")).not.toContainText("Palavrão");
      await expect(cloudOn(page).locator("[data-cloud-hidden]")).toContainText("Palavrão");
      await expect(wordOn(screen, "websocket")).toHaveAttribute("data-count", "2");

      if (SHOTS && locale.name === "pt-br") {
        const sockets = await crowd(code, [
          ["Chat", "Jogos online", "Notificações"], ["chats", "Dashboards", "IoT"], ["Chat", "Multiplayer", "Trading"], ["websocket", "Colaboração", "Leilões"],
          ["Telemetria", "Mapas ao vivo", "Placar ao vivo"], ["Jogos", "Cursores", "Sensores"], ["Chat", "Streaming", "Notificação"], ["Edição colaborativa", "Bolsa de valores", "Suporte ao vivo"],
        ]);
        await expect(wordOn(screen, "chat")).toHaveAttribute("data-count", "5");
        await screen.waitForTimeout(800);
        await screen.screenshot({ path: `${SHOTS}/cloud-projector.png` });
        await small.screenshot({ path: `${SHOTS}/cloud-phone-360-after.png` });
        await cloudOn(small).locator("[data-cloud-stage]").scrollIntoViewIfNeeded();
        await small.screenshot({ path: `${SHOTS}/cloud-phone-360-cloud.png` });
        await page.screenshot({ path: `${SHOTS}/cloud-presenter.png` });
        for (const ws of sockets) ws.close();
      }
      await accessible(small, `the 360×640 phone on ${locale.title}`);
      await accessible(screen, `the projector on ${locale.title}`);

      // Shown again.
      await cloudOn(page).getByRole("button", { name: new RegExp(`^${locale.showAgain} .Palavrão.`) }).click();
      await expect(wordOn(screen, "palavrao")).toHaveCount(1);
    });
  });
}
