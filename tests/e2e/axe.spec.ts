/**
 * Automated accessibility checks (axe-core) on every kind of page, in both languages: WCAG 2.1 A/AA
 * plus axe's best practices, zero violations allowed. Manual checks (keyboard, motion) live in
 * keyboard.spec.ts, a11y.spec.ts and motion.spec.ts.
 */
import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { settled } from "./deck.ts";
import { origin } from "./live.ts";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const { defaultBrowserType: _webkit, ...iphone13 } = devices["iPhone 13"];

/** The slides each check opens, by their Portuguese title; the same number holds in every language. */
const PLAIN = "Roteiro";
const DEMO = "HTTP ao vivo";
const DIAGRAM = "HTTP: pergunta e resposta";
const POLL = "Pergunta para a sala";
const QUESTIONS = "Perguntas da plateia";
const CODE = "WebSocket em Python";
const TABLE = "HTTP × WebSocket";

// axe walks a page holding the whole deck: on a busy two-core machine one run can take half a minute.
test.describe.configure({ timeout: 180_000 });

const LOCALES = [
  { name: "pt-br", base: "/" },
  { name: "en", base: "/en/" },
] as const;

/** One readable paragraph per violation: rule, impact, what it asks, and where it fails. */
function readable(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string[] {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 8).map((node) => {
      const why = node.failureSummary?.split("\n").slice(1, 2).join(" ").trim();
      return `  - ${node.target.join(" ")}${why ? `: ${why}` : ""}`;
    });
    const more = v.nodes.length > 8 ? [`  … and ${v.nodes.length - 8} more`] : [];
    return [`${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>`, ...nodes, ...more].join("\n");
  });
}

async function expectAccessible(page: Page, what: string, exclude: string[] = []): Promise<void> {
  const axe = new AxeBuilder({ page }).withTags(TAGS);
  for (const selector of exclude) axe.exclude(selector);
  const { violations } = await axe.analyze();
  expect(readable(violations), `axe violations on ${what}`).toEqual([]);
}

/** A slide's number (1-based), found by its Portuguese title in the deck. */
async function slideNumber(page: Page, title: string): Promise<number> {
  await page.goto("/slides/1/");
  const index = await page.locator(`[data-slide-index][data-title="${title}"]`).getAttribute("data-slide-index");
  return Number(index) + 1;
}

async function openDeck(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("[data-deck]")).toHaveAttribute("data-ready", "");
  await settled(page);
}

for (const { name, base } of LOCALES) {
  test.describe(`${name}: static pages`, () => {
    test("home", async ({ page }) => {
      await page.goto(base);
      await expectAccessible(page, base);
    });

    for (const [kind, title] of [
      ["a plain slide", PLAIN],
      ["a slide with a diagram", DIAGRAM],
      ["a slide with a live demo", DEMO],
      ["a slide with code", CODE],
      ["a slide with a table", TABLE],
    ]) {
      test(`${kind}, every step shown`, async ({ page }) => {
        const path = `${base}slides/${await slideNumber(page, title!)}/?step=99`;
        await openDeck(page, path);
        // Islands hydrate when visible: let the demo draw before checking it.
        await page.waitForLoadState("networkidle");
        await expectAccessible(page, path);
      });
    }

    test("the overview dialog, open", async ({ page }) => {
      await openDeck(page, `${base}slides/3/`);
      await page.keyboard.press("o");
      await expect(page.locator("dialog[data-overview]")).toBeVisible();
      // The cards' thumbnails are pictures of slides (aria-hidden), checked on their own pages.
      await expectAccessible(page, `${base}slides/3/ with the overview open`, ["[data-thumb]"]);
    });

    test("the help dialog, open", async ({ page }) => {
      await openDeck(page, `${base}slides/3/`);
      await page.keyboard.press("?");
      await expect(page.locator("dialog[data-help]")).toBeVisible();
      await expectAccessible(page, `${base}slides/3/ with the help open`);
    });

    test("the reader page", async ({ page }) => {
      const response = await page.goto(`${base}reader/`);
      test.skip(response?.status() === 404, `${base}reader/ is not built yet (404)`);
      await expectAccessible(page, `${base}reader/`);
    });

    test("the join form on a phone", async ({ browser, baseURL }) => {
      const context = await browser.newContext({ ...iphone13, baseURL: baseURL! });
      const page = await context.newPage();
      await page.goto(`${base}join/`);
      await expectAccessible(page, `${base}join/`);
      await context.close();
    });
  });

  test.describe(`${name}: a live room`, () => {
    test.use({ baseURL: origin });

    /** Opens the presenter view, which creates a room, and returns its code (in any language). */
    async function present(page: Page): Promise<string> {
      await page.goto(`${base}present/`);
      await expect(page.locator("[data-room-status]")).toHaveAttribute("data-tone", "ok");
      const code = (await page.locator('[data-panel="code"]').textContent()) ?? "";
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}$/);
      return code;
    }

    async function joinedPhone(browser: Browser, code: string) {
      const context = await browser.newContext({ ...iphone13, baseURL: origin });
      const page = await context.newPage();
      await page.goto(`${base}join/?room=${code}`);
      await expect(page.locator("[data-room-status]")).toHaveAttribute("data-tone", "ok");
      await settled(page);
      return { context, page };
    }

    /** The presenter jumps to a slide (1-based) through the overview. */
    async function presenterTo(page: Page, n: number): Promise<void> {
      await page.keyboard.press("o");
      await page.locator(`[data-overview] [data-goto="${n - 1}"]`).click();
      await expect(page.locator(`#slide-${n}`)).toBeVisible();
      await settled(page);
    }

    test("the presenter, and a phone that joined", async ({ page, browser }) => {
      const code = await present(page);
      const phone = await joinedPhone(browser, code);
      await expectAccessible(page, `${base}present/`);
      await expectAccessible(phone.page, `${base}join/?room=… on a phone`);
      await phone.context.close();
    });

    test("a live demo: the presenter's controls and the phone's side", async ({ page, browser }) => {
      const demo = await slideNumber(page, DEMO);
      const phone = await joinedPhone(browser, await present(page));
      await presenterTo(page, demo);
      await expect(phone.page.locator(`#slide-${demo}`)).toBeVisible();
      await settled(phone.page);
      await expectAccessible(page, `${base}present/ on slide ${demo} (demo)`);
      await expectAccessible(phone.page, `the phone on slide ${demo} (demo)`);
      await phone.context.close();
    });

    test("an open poll: the projector's bars and the phone's vote buttons", async ({ page, browser }) => {
      const poll = await slideNumber(page, POLL);
      const phone = await joinedPhone(browser, await present(page));
      await presenterTo(page, poll);
      await page.locator(`#slide-${poll} section.poll .demo__actions button`).click();
      await expect(phone.page.locator(`#slide-${poll} .poll__choice`).first()).toBeEnabled();
      await settled(phone.page);
      await expectAccessible(page, `${base}present/ on slide ${poll} (poll)`);
      await expectAccessible(phone.page, `the phone on slide ${poll} (poll)`);
      await phone.context.close();
    });

    test("the phone's ask dialog, open, after sending a question", async ({ page, browser }) => {
      const phone = await joinedPhone(browser, await present(page));
      await phone.page.locator("button.questions__anywhere").click();
      const dialog = phone.page.locator("dialog.questions__dialog");
      await dialog.locator("textarea").fill("Como o servidor sabe quem é quem?");
      await dialog.locator('button[type="submit"]').first().click();
      await expect(dialog.locator("[data-question-status]")).not.toBeEmpty();
      await expectAccessible(phone.page, "the phone's ask dialog, open");
      await phone.context.close();
    });

    test("the questions slide, with a question, on the projector and on the phone", async ({ page, browser }) => {
      const questions = await slideNumber(page, QUESTIONS);
      const phone = await joinedPhone(browser, await present(page));
      await presenterTo(page, questions);
      const form = phone.page.locator(`#slide-${questions} [data-question-form]`);
      await form.locator("textarea").fill("Como o servidor sabe quem é quem?");
      await form.locator('button[type="submit"]').click();
      await expect(page.locator(`#slide-${questions} section.questions li`)).toHaveCount(1);
      await settled(phone.page);
      await expectAccessible(page, `${base}present/ on slide ${questions} (questions)`);
      await expectAccessible(phone.page, `the phone on slide ${questions} (questions)`);
      await phone.context.close();
    });
  });
}
