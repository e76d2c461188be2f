import { expect, test, type Page } from "@playwright/test";
import { openSlideTitled } from "./deck.ts";
import { expectOnSlide, goToSlide, iphone14, joined, origin, pixel7, present, projector } from "./live.ts";
/** Audience text that would run if it were ever rendered as HTML. */
import { CLASSIC_PAYLOADS as XSS } from "../fixtures/xss.ts";

const SLIDE = "Perguntas da plateia";
const questionsOn = (page: Page) => page.locator(`[data-title="${SLIDE}"] section.questions`);

/** Collects dialogs (alert) and uncaught errors: a payload that ran would show up here. */
function watch(page: Page, incidents: string[]): void {
  page.on("dialog", (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => incidents.push(`pageerror: ${error.message}`));
}

async function ask(page: Page, text: string): Promise<void> {
  const form = questionsOn(page).locator("[data-question-form]");
  await form.getByLabel("Sua pergunta").fill(text);
  await form.getByRole("button", { name: "Enviar pergunta" }).click();
  await expect(form.locator("[data-question-status]")).toHaveText("Pergunta enviada: ela aparece na lista.");
  await expect(form.getByLabel("Sua pergunta")).toHaveValue("");
}

test("outside a room, the questions slide says what happens live", async ({ page }) => {
  await openSlideTitled(page, SLIDE);
  await expect(questionsOn(page)).toContainText("a plateia manda perguntas pelo celular");
  await expect(questionsOn(page).getByRole("button")).toHaveCount(0);
});

test.describe("in a live room", () => {
  test.use({ baseURL: origin });

  test("three phones ask and upvote; the projector sorts; answered and hidden; payloads stay text", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const incidents: string[] = [];
    watch(page, incidents);
    const code = await present(page);
    const phones = [await joined(browser, pixel7, code), await joined(browser, iphone14, code), await joined(browser, pixel7, code)];
    for (const { page: p } of phones) watch(p, incidents);
    const [ana, bia, caio] = phones.map(({ page: p }) => p) as [Page, Page, Page];
    // The projector's window: the board without the presenter's buttons, and never a hidden question.
    const screen = await projector(browser, page);
    watch(screen, incidents);
    await expect(screen.locator("[data-room-status]")).not.toHaveText("Conectando…");
    await goToSlide(page, SLIDE);
    for (const p of [ana, bia, caio, screen]) await expectOnSlide(p, SLIDE);
    const board = questionsOn(page);
    await expect(board.locator("[data-questions-summary]")).toHaveText("0 perguntas em aberto · as mais votadas primeiro");

    // The form: a counter, and a clear refusal of an empty question.
    const form = questionsOn(ana).locator("[data-question-form]");
    await form.getByLabel("Sua pergunta").fill("   ");
    await expect(form).toContainText("3/280");
    await form.getByRole("button", { name: "Enviar pergunta" }).click();
    await expect(form.locator("[data-question-status]")).toHaveText("Escreva a pergunta antes de enviar.");

    await ask(ana, "Como o servidor sabe quem é quem?");
    await ask(bia, XSS[0]!);
    await ask(bia, XSS[1]!);
    await ask(caio, XSS[2]!);
    // The deck bar's "Perguntar" works from any slide.
    await caio.getByRole("button", { name: "Perguntar" }).click();
    const dialog = caio.getByRole("dialog", { name: "Fazer uma pergunta" });
    await dialog.getByLabel("Sua pergunta").fill(XSS[3]!);
    await dialog.getByRole("button", { name: "Enviar pergunta" }).click();
    await expect(dialog.locator("[data-question-status]")).toHaveText("Pergunta enviada: ela aparece na lista.");
    await dialog.getByRole("button", { name: "Fechar" }).click();
    await expect(dialog).toBeHidden();
    await expect(board.locator("[data-questions-summary]")).toHaveText("5 perguntas em aberto · as mais votadas primeiro");

    // Ana's own question is marked "sua" (no upvote button); Bia and Caio upvote it; Caio upvotes a payload too.
    const anaQuestion = (p: Page) => questionsOn(p).locator("li", { hasText: "Como o servidor sabe quem é quem?" });
    await expect(anaQuestion(ana).locator(".questions__tag--own")).toHaveText("sua");
    await expect(anaQuestion(ana).getByRole("button")).toHaveCount(0);
    for (const p of [bia, caio]) {
      const upvote = anaQuestion(p).getByRole("button", { name: /Apoiar/ });
      await upvote.click();
      await expect(anaQuestion(p).getByRole("button", { name: /Apoiada/ })).toHaveAttribute("aria-pressed", "true");
    }
    await questionsOn(caio).locator("li", { hasText: XSS[1]! }).getByRole("button", { name: /Apoiar/ }).click();
    const texts = board.locator("[data-question-text]");
    await expect(texts).toHaveText(["Como o servidor sabe quem é quem?", XSS[1]!, XSS[0]!, XSS[2]!, XSS[3]!]);
    await expect(board.locator("[data-question-votes]")).toHaveText(["2", "1", "0", "0", "0"]);
    await expect(anaQuestion(ana).locator("[data-question-votes]")).toHaveText("2 votos");

    // A reload keeps "apoiada" (the phone's memory) and the count (the server's).
    await bia.reload();
    await expect(bia.locator("[data-room-status]")).toHaveText("Ao vivo");
    await expect(anaQuestion(bia).getByRole("button", { name: /Apoiada · 2/ })).toHaveAttribute("aria-pressed", "true");
    await expect(questionsOn(bia).locator("li", { hasText: XSS[0]! }).locator(".questions__tag--own")).toHaveText("sua");

    // Every payload is literal text on every page, and nothing it names exists as an element.
    for (const p of [page, ana, bia, caio]) {
      const list = questionsOn(p).locator("[data-question-text]");
      for (const payload of XSS) await expect(list.filter({ hasText: payload })).toHaveCount(1);
      await expect(questionsOn(p).locator("script, img, svg[onload], a[href^='javascript']")).toHaveCount(0);
    }
    await expect(questionsOn(screen).locator("[data-question-text]")).toHaveText(["Como o servidor sabe quem é quem?", XSS[1]!, XSS[0]!, XSS[2]!, XSS[3]!]);
    await expect(questionsOn(screen).getByRole("button")).toHaveCount(0);
    await expect(screen.getByRole("button", { name: "Perguntar" })).toHaveCount(0);
    await shoot(page, ana, screen);

    // The presenter answers the top question (it moves down) and hides a payload (phones lose it).
    await board.locator("li", { hasText: "Como o servidor sabe quem é quem?" }).getByRole("button", { name: "Respondida" }).click();
    await expect(texts).toHaveText([XSS[1]!, XSS[0]!, XSS[2]!, XSS[3]!, "Como o servidor sabe quem é quem?"]);
    await expect(anaQuestion(caio)).toContainText("respondida");
    await board.locator("li", { hasText: XSS[2]! }).getByRole("button", { name: "Esconder" }).click();
    await expect(questionsOn(caio).locator("li", { hasText: XSS[2]! })).toHaveCount(0);
    await expect(board.locator(".questions__hidden summary")).toHaveText("1 escondida (só você vê)");
    await expect(board.locator("[data-questions-summary]")).toHaveText("3 perguntas em aberto · as mais votadas primeiro");
    await expect(questionsOn(screen).locator("[data-question-text]")).toHaveCount(4);
    await expect(questionsOn(screen).locator(".questions__hidden")).toHaveCount(0);
    // The audience can't moderate: phones have no such buttons.
    for (const p of [ana, bia, caio]) await expect(questionsOn(p).getByRole("button", { name: /Respondida|Esconder|Reabrir/ })).toHaveCount(0);
    // Reopened, it comes back to the phones.
    await board.locator(".questions__hidden summary").click();
    await board.locator(".questions__hidden li", { hasText: XSS[2]! }).getByRole("button", { name: "Reabrir" }).click();
    await expect(questionsOn(caio).locator("li", { hasText: XSS[2]! })).toHaveCount(1);

    expect(incidents).toEqual([]);
    for (const { context } of phones) await context.close();
    await screen.context().close();
  });
});

/** The projector and a phone, for people to look at. */
async function shoot(presenter: Page, phonePage: Page, screen: Page): Promise<void> {
  await screen.screenshot({ path: "/tmp/fd/shots/questions-screen.png" });
  await presenter.locator(`[data-title="${SLIDE}"]`).screenshot({ path: "/tmp/fd/shots/questions-projector.png" }).catch(() => presenter.screenshot({ path: "/tmp/fd/shots/questions-projector.png" }));
  await phonePage.screenshot({ path: "/tmp/fd/shots/questions-phone.png", fullPage: true });
}
