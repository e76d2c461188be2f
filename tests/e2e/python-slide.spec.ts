import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { fillProgram } from "../../src/features/python/program.ts";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, joined, origin, pixel7, present } from "./live.ts";

const SLIDE = "Python na sala";
const program = (file: string) => readFile(new URL(`../../docs/examples/${file}`, import.meta.url), "utf8");

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("the Python slide shows the program filled in with this room's ws:// address and code, unclipped, on the projector and on a phone", async ({ page, browser }) => {
    const code = await present(page);
    // What a person in the room reaches: the join address (the QR code's), as a WebSocket origin.
    const join = new URL((await page.locator('[data-panel="join-url"]').getAttribute("href"))!);
    expect(join.protocol).toBe("http:");
    const server = `ws://${join.host}`;
    const expected = fillProgram(await program("python_na_sala.py"), { server, room: code });
    const phone = await joined(browser, pixel7, code);
    await goToSlide(page, SLIDE);
    await expectOnSlide(phone.page, SLIDE);

    for (const screen of [page, phone.page]) {
      const slide = screen.locator(`[data-slide-index][data-title="${SLIDE}"]`);
      const block = slide.locator("pre");
      await expect(block).toContainText(`SALA = "${code}"`);
      expect((await block.innerText()).trim()).toBe(expected.trim());
      await expect(slide).toContainText(`SERVIDOR é ${server} e SALA é ${code}`);
      // The number it prints is the one people see: the program says + 1, the slide says why.
      await expect(slide).toContainText("o protocolo conta do 0");
    }
    // No scrolling on the projector: every line fits, and all of them are on screen.
    const block = page.locator(`[data-title="${SLIDE}"] pre`);
    expect(await block.evaluate((pre) => pre.scrollWidth <= pre.clientWidth && pre.scrollHeight <= pre.clientHeight)).toBe(true);
    await page.screenshot({ path: "/tmp/fd/shots/python-projector.png" });
    await phone.page.screenshot({ path: "/tmp/fd/shots/python-phone.png" });
    await phone.context.close();
  });

  test("in English, the English program with the room's values", async ({ page }) => {
    await page.goto("/en/present/");
    await expect(page.locator("[data-room-status]")).toHaveText(/Live/);
    const code = (await page.locator('[data-panel="code"]').textContent())!;
    const server = `ws://${new URL((await page.locator('[data-panel="join-url"]').getAttribute("href"))!).host}`;
    await goToSlide(page, "Python in the room");
    const slide = page.locator('[data-slide-index][data-title="Python in the room"]');
    await expect(slide.locator("pre")).toContainText(`ROOM = "${code}"`);
    expect((await slide.locator("pre").innerText()).trim()).toBe(fillProgram(await program("python_in_the_room.py"), { server, room: code }).trim());
    await expect(slide).toContainText(`SERVER is ${server} and ROOM is ${code}`);
  });
});

test("read without a room, the Python slide keeps the placeholders and says how to fill them", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  const slide = page.locator(`[data-slide-index][data-title="${SLIDE}"]`);
  expect((await slide.locator("pre").innerText()).trim()).toBe((await program("python_na_sala.py")).trim());
  await expect(slide).toContainText("Os valores acima são exemplos");
  await expect(slide).toContainText("troque SERVIDOR pelo começo do endereço do QR code");
});
