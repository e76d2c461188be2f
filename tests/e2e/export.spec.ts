import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { joined, origin, pixel7, present, voteOnPoll } from "./live.ts";

test.use({ baseURL: origin });

const POLL_SLIDE = "Pergunta para a sala";

async function download(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  return { file: saved.suggestedFilename(), bytes: await readFile((await saved.path())!) };
}

test("the presenter downloads the room's results as JSON and as CSV", async ({ page, browser }) => {
  const code = await present(page);
  const phone = await joined(browser, pixel7, code);
  await voteOnPoll(page, phone.page, POLL_SLIDE, "Ainda não");

  const asJson = await download(page, "Baixar resultados (JSON)");
  expect(asJson.file).toBe(`full-duplex-${code}.json`);
  const results = JSON.parse(asJson.bytes.toString("utf8"));
  expect(results.room).toBe(code);
  expect(results.polls).toEqual([expect.objectContaining({ id: "ja-usou-websocket", counts: [0, 0, 1, 0], total: 1, open: true })]);

  const asCsv = await download(page, "Baixar resultados (CSV)");
  expect(asCsv.file).toBe(`full-duplex-${code}.csv`);
  expect([...asCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = asCsv.bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe("seção,id,campo,valor");
  expect(lines).toContain("votação,ja-usou-websocket,opção 3: Ainda não,1");
  // One language: the poll's open flag is worded too, and no feature's English key is left.
  expect(lines).toContain("votação,ja-usou-websocket,aberta,sim");
  expect(lines.filter((line) => /^(reactions|questions|notify|room|poll),/.test(line))).toEqual([]);
  expect(lines).toContainEqual(expect.stringMatching(/^sala,[A-Z0-9]{5},exportado em,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/));
  await expect(page.locator('[data-panel="export-status"]')).toHaveText("");
  await page.locator(".presenter__export").screenshot({ path: "/tmp/fd/shots/export-panel.png" });
  await phone.context.close();
});

test("the presenter erases the room's data: asked first, then the phones are let go", async ({ page, browser }) => {
  const code = await present(page);
  const phone = await joined(browser, pixel7, code);
  const erase = page.getByRole("button", { name: "Apagar os dados da sala" });

  // Cancelled: nothing happens.
  page.once("dialog", (dialog) => void dialog.dismiss());
  await erase.click();
  await expect(phone.page.locator("[data-room-status]")).toHaveText(/Ao vivo/);

  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(code);
    void dialog.accept();
  });
  await erase.click();
  await expect(page.locator('[data-panel="export-status"]')).toHaveText("Dados apagados: a sala não existe mais.");
  await expect(phone.page.locator("[data-room-status]")).toHaveText("Sala não encontrada");
  expect((await page.request.get(`/parties/main/${code}`)).status()).toBe(404);
  await phone.context.close();
});
