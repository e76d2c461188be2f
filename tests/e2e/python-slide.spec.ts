import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectOnSlide, goToSlide, joined, origin, pixel7, present } from "./live.ts";

test.use({ baseURL: origin });

const SLIDE = "Python na sala";

test("the Python slide shows the whole program, unclipped, on the projector and on a phone", async ({ page, browser }) => {
  const program = await readFile(new URL("../../docs/examples/python_na_sala.py", import.meta.url), "utf8");
  const code = await present(page);
  const phone = await joined(browser, pixel7, code);
  await goToSlide(page, SLIDE);
  await expectOnSlide(phone.page, SLIDE);
  const block = page.locator(`[data-title="${SLIDE}"] pre`);
  expect((await block.innerText()).trim()).toBe(program.trim());
  // No scrolling on the projector: every line fits, and all of them are on screen.
  expect(await block.evaluate((pre) => pre.scrollWidth <= pre.clientWidth && pre.scrollHeight <= pre.clientHeight)).toBe(true);
  await page.screenshot({ path: "/tmp/fd/shots/python-projector.png" });
  await phone.page.screenshot({ path: "/tmp/fd/shots/python-phone.png" });
  await phone.context.close();
});
