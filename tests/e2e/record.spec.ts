/**
 * "Encerrar e guardar" / "End and keep": the presenter's panel downloads the talk's record, built
 * in the browser from the room's export (src/features/record), with a line saying where it goes.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { joined, origin, pixel7, present, voteOnPoll } from "./live.ts";

test.use({ baseURL: origin });

const POLL_SLIDE = "Pergunta para a sala";

test("End and keep downloads the talk's record: the poll's numbers, the audience, no room code", async ({ page, browser }) => {
  const code = await present(page);
  const phone = await joined(browser, pixel7, code);
  await expect(page.locator('[data-panel="audience"]')).toHaveText("1");
  await voteOnPoll(page, phone.page, POLL_SLIDE, "Ainda não");

  // By keyboard: focus the button, press Enter.
  const keep = page.getByRole("button", { name: "Encerrar e guardar" });
  await keep.focus();
  const [saved] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const text = await readFile((await saved.path())!, "utf8");
  const record = JSON.parse(text);
  expect(saved.suggestedFilename()).toBe(`${record.date}-pt-br.json`);
  expect(record).toMatchObject({ version: 1, locale: "pt-br", audience: { peak: 1 } });
  expect(record.date).toMatch(/^\d{4}-\d\d-\d\d$/);
  expect(record.audience.samples).toContainEqual(expect.objectContaining({ count: 1 }));
  expect(record.polls).toEqual([expect.objectContaining({ id: "ja-usou-websocket", counts: [0, 0, 1, 0], total: 1 })]);
  expect(text).not.toContain(code);
  const status = page.locator('[data-panel="export-status"]');
  await expect(status).toHaveText(`${record.date}-pt-br.json baixado: coloque-o em records/ e gere o site de novo (ou rode npm run record -- ${code}).`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.locator(".presenter__export").screenshot({ path: "/tmp/fd/shots/record-panel-pt.png" });
  await phone.context.close();
});

test("End and keep in English: the record's language is the presenter page's", async ({ page }) => {
  await page.goto("/en/present/");
  await expect(page.locator("[data-room-status]")).toHaveText(/Live/);
  const code = (await page.locator('[data-panel="code"]').textContent())!;
  const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "End and keep" }).click()]);
  const record = JSON.parse(await readFile((await saved.path())!, "utf8"));
  expect(saved.suggestedFilename()).toBe(`${record.date}-en.json`);
  expect(record).toMatchObject({ version: 1, locale: "en", polls: [], questions: [] });
  await expect(page.locator('[data-panel="export-status"]')).toHaveText(`${record.date}-en.json downloaded: put it in records/ and rebuild the site (or run npm run record -- ${code}).`);
  await page.locator(".presenter__export").screenshot({ path: "/tmp/fd/shots/record-panel-en.png" });
});
