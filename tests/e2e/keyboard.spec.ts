/**
 * Keyboard alone, in a live room: the presenter runs the talk and a phone takes part without
 * ever pointing or tapping. (The deck's own keys are in navigation.spec.ts and panels.spec.ts.)
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { settled, visible } from "./deck.ts";
import { joined, origin, phone, pixel7, present } from "./live.ts";

test.use({ baseURL: origin });

const POLL = "Pergunta para a sala";

/** Presses Tab until `target` has focus, as a keyboard user reaches it; fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target.toString()} is not reachable with Tab`);
}

/** The presenter picks a slide in the overview with the arrow keys and Enter. */
async function overviewTo(page: Page, slide: number): Promise<void> {
  await page.keyboard.press("o");
  const overview = page.locator("dialog[data-overview]");
  await expect(overview).toBeVisible();
  const from = Number(await overview.locator('[aria-current="page"]').getAttribute("data-goto"));
  for (let i = from; i < slide - 1; i++) await page.keyboard.press("ArrowRight");
  for (let i = from; i > slide - 1; i--) await page.keyboard.press("ArrowLeft");
  await expect(overview.locator(`[data-goto="${slide - 1}"]`)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(overview).toBeHidden();
  await settled(page);
}

/** The slide and step a page shows, once settled, to compare a phone with the presenter. */
async function where(page: Page): Promise<string> {
  await settled(page);
  return JSON.stringify(await visible(page));
}

async function slideTitled(page: Page, title: string): Promise<number> {
  return Number(await page.locator(`[data-slide-index][data-title="${title}"]`).getAttribute("data-slide-index")) + 1;
}

test("the presenter creates and drives the room and opens every panel by keyboard alone", async ({ page, browser }) => {
  // Opening the page creates the room: nothing to click.
  const code = await present(page);
  const a = await joined(browser, pixel7, code);

  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("PageDown");
  await expect.poll(() => where(a.page)).toBe(await where(page));

  // Overview: arrows and Enter jump, and the phone follows.
  await overviewTo(page, 3);
  await expect(a.page.locator("#slide-3")).toBeVisible();

  // Help: ? opens it, Esc closes it, and the deck has the keyboard again.
  const help = page.locator("dialog[data-help]");
  await page.keyboard.press("?");
  await expect(help).toBeVisible();
  await expect(help).toContainText("Tela cheia");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // Notes under the slide: N shows and hides them.
  const notes = page.locator("#slide-3 .slide__notes");
  await page.keyboard.press("n");
  await expect(notes).toBeVisible();
  await page.keyboard.press("n");
  await expect(notes).toBeHidden();

  // The timer: Tab to it and press Enter; focus stays on the button that replaces it.
  const startTimer = page.getByRole("button", { name: "Iniciar" });
  await tabTo(page, startTimer);
  await page.keyboard.press("Enter");
  const pauseTimer = page.getByRole("button", { name: "Pausar" });
  await expect(pauseTimer).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(startTimer).toBeFocused();

  // A poll: go to its slide, Tab to "Abrir votação", press Enter.
  await overviewTo(page, await slideTitled(page, POLL));
  const board = page.locator(`[data-title="${POLL}"] section.poll`);
  await tabTo(page, board.getByRole("button", { name: "Abrir votação" }));
  await page.keyboard.press("Enter");
  await expect(board.locator("[data-poll-status]")).toHaveText("Votação aberta · 0 votos");
  // Arrows still drive the deck while focus sits on a slide's button.
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => where(a.page)).toBe(await where(page));
  await a.context.close();
});

test("a phone joins by typing the code, votes and asks a question by keyboard alone", async ({ page, browser }) => {
  const code = await present(page);
  const { context, page: p } = await phone(browser, pixel7);
  await p.goto("/join/");
  await tabTo(p, p.getByLabel("Código da sala"));
  await p.keyboard.type(code.toLowerCase());
  await p.keyboard.press("Enter");
  await expect(p.locator("[data-room-status]")).toHaveText("Ao vivo");

  // The presenter opens the poll; the phone Tabs to an option and presses Space.
  await overviewTo(page, await slideTitled(page, POLL));
  await page.locator(`[data-title="${POLL}"] section.poll`).getByRole("button", { name: "Abrir votação" }).press("Enter");
  const poll = p.locator(`[data-title="${POLL}"] section.poll`);
  const choice = poll.getByRole("button", { name: "Ainda não" });
  await expect(choice).toBeEnabled();
  await tabTo(p, choice);
  await p.keyboard.press(" ");
  await expect(choice).toHaveAttribute("aria-pressed", "true");
  await expect(poll.locator("[data-poll-status]")).toContainText("Voto registrado");

  // A question from the deck bar: Tab to "Perguntar", Enter, type, Tab to send, Enter, Esc.
  await tabTo(p, p.getByRole("button", { name: "Perguntar" }));
  await p.keyboard.press("Enter");
  const dialog = p.getByRole("dialog", { name: "Fazer uma pergunta" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Sua pergunta")).toBeFocused();
  await p.keyboard.type("Dá para usar WebSocket sem JavaScript?");
  await p.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Enviar pergunta" })).toBeFocused();
  await p.keyboard.press("Enter");
  await expect(dialog.locator("[data-question-status]")).toHaveText("Pergunta enviada: ela aparece na lista.");
  await p.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await context.close();
});
