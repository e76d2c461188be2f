import { devices, expect, test, type Page } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present } from "./live.ts";
import { latestRecord } from "./records.ts";

const SLIDE = "Pergunta para a sala";
const pollOn = (page: Page) => page.locator(`[data-title="${SLIDE}"] section.poll`);
const { defaultBrowserType: _, ...galaxy } = devices["Galaxy S9+"];

test("outside a room, the poll is its question and options, to read (with a talk's results when records/ has them)", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  await expect(pollOn(page)).toContainText("Você já usou WebSocket?");
  // Without a record, the options as a list; with one, its bars (record-slides.spec.ts checks their numbers).
  const recorded = latestRecord?.polls.some((poll) => poll.id === "ja-usou-websocket") ?? false;
  const options = pollOn(page).locator(recorded ? "[data-recorded] .poll__label" : ".poll__static");
  await expect(options).toHaveText(["Sim, em produção", "Só em projetos pessoais", "Ainda não", "O que é isso?"]);
  await expect(pollOn(page).getByRole("button")).toHaveCount(0);
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("three phones vote, one changes its mind and one reloads; the projector's counts match", async ({ page, browser }) => {
    const code = await present(page);
    const phones = [await joined(browser, pixel7, code), await joined(browser, iphone14, code), await joined(browser, galaxy, code)];
    await goToSlide(page, SLIDE);
    const board = pollOn(page);
    await expect(board.locator("[data-poll-status]")).toHaveText("Votação fechada");
    for (const { page: p } of phones) {
      await expectOnSlide(p, SLIDE);
      await expect(pollOn(p).getByRole("button", { name: "Sim, em produção" })).toBeDisabled();
    }

    await board.getByRole("button", { name: "Abrir votação" }).click();
    await expect(board.locator("[data-poll-status]")).toHaveText("Votação aberta · 0 votos");
    const choices = ["Sim, em produção", "Ainda não", "Ainda não"];
    for (const [i, { page: p }] of phones.entries()) {
      const option = pollOn(p).getByRole("button", { name: choices[i]! });
      await option.click();
      await expect(option).toHaveAttribute("aria-pressed", "true");
      await expect(pollOn(p).locator("[data-poll-status]")).toContainText("Voto registrado");
    }
    const counts = board.locator("[data-poll-count]");
    await expect(counts).toHaveText(["1", "0", "2", "0"]);
    await expect(board.locator("[data-poll-status]")).toHaveText("Votação aberta · 3 votos");
    // Live numbers say so (a record's say their date), and no record's numbers show in a room.
    await expect(board.locator("[data-now]")).toHaveText("Agora");
    await expect(board.locator("[data-recorded]")).toHaveCount(0);

    // One changes their mind: still three votes.
    await pollOn(phones[2]!.page).getByRole("button", { name: "Só em projetos pessoais" }).click();
    await expect(counts).toHaveText(["1", "1", "1", "0"]);
    // One reloads: their vote is still theirs.
    await phones[0]!.page.reload();
    await expect(phones[0]!.page.locator("[data-room-status]")).toHaveText("Ao vivo");
    await expect(pollOn(phones[0]!.page).getByRole("button", { name: "Sim, em produção" })).toHaveAttribute("aria-pressed", "true");
    // The phones see the same counts as the projector.
    await expect(pollOn(phones[1]!.page).locator("[data-poll-count]")).toHaveText(["1", "1", "1", "0"]);

    await board.getByRole("button", { name: "Encerrar votação" }).click();
    await expect(board.locator("[data-poll-status]")).toHaveText("Votação encerrada · 3 votos");
    await expect(pollOn(phones[1]!.page).getByRole("button", { name: "Ainda não" })).toBeDisabled();
    for (const { context } of phones) await context.close();
  });
});
