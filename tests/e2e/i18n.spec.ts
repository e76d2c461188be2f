import { expect, test, type Page } from "@playwright/test";
import { deckShape, openSlide, settled } from "./deck.ts";
import { iphone14, origin } from "./live.ts";

/**
 * Words only Portuguese has. An English page showing any of them (text, hidden or not, and the
 * labels screen readers read) has a string nobody translated.
 */
const PORTUGUESE = /ção|ções|ões\b|ão\b|\b(você|não|está|são|então|também|sala|celular|slides? anterior|próximo|votação|pergunta|conectando|apresentador)\b/i;

/** The page's words, minus what is meant to stay as it is: other languages, names, code. */
async function englishText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = (element: Element | null) =>
      !!element?.closest('[lang]:not([lang="en"]), [translate="no"], pre, code, script, style, noscript, iframe');
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && !skip(node.parentElement)) texts.push(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (skip(element)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}

async function expectNoPortuguese(page: Page, route: string): Promise<void> {
  const leftovers = (await englishText(page)).filter((text) => PORTUGUESE.test(text));
  expect(leftovers, `${route} shows Portuguese`).toEqual([]);
}

for (const route of ["/en/", "/en/slides/1/", "/en/reader/", "/en/join/"]) {
  test(`${route} is all English`, async ({ page }) => {
    const response = await page.goto(route);
    expect(response?.status(), route).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectNoPortuguese(page, route);
  });
}

test("the English deck has every slide, in the same order and steps as the Portuguese one", async ({ page }) => {
  await openSlide(page, 1);
  const pt = await deckShape(page);
  await page.goto("/en/slides/1/");
  const en = await deckShape(page);
  expect(en.stepCounts).toEqual(pt.stepCounts);
  expect(en.titles).toHaveLength(pt.titles.length);
  expect(en.titles.filter((title, index) => title === pt.titles[index]).length).toBeLessThan(pt.titles.length / 3);
});

test("the language switch keeps the slide and the step, both ways", async ({ page }) => {
  await openSlide(page, 1);
  const { stepCounts } = await deckShape(page);
  const withSteps = stepCounts.findIndex((steps) => steps >= 2) + 1;
  await openSlide(page, withSteps - 1);
  await page.keyboard.press("ArrowRight"); // onto the slide with steps, moving in the page
  await page.keyboard.press("ArrowRight");
  await settled(page);
  await expect(page).toHaveURL(new RegExp(`/slides/${withSteps}/\\?step=1$`));

  const toEnglish = page.getByRole("link", { name: "Read in English" });
  await toEnglish.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/en/slides/${withSteps}/\\?step=1$`));
  await expect(page.locator("[data-deck]")).toHaveAttribute("data-ready", "");
  await expect(page.locator(`#slide-${withSteps}`)).toBeVisible();
  await expect(page.locator(`#slide-${withSteps} [data-step="1"]`).first()).toHaveAttribute("data-shown", "");

  await page.keyboard.press("ArrowRight");
  await page.getByRole("link", { name: "Ler em português" }).click();
  await expect(page).toHaveURL(new RegExp(`/slides/${withSteps}/\\?step=2$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
});

test.describe("live, in English", () => {
  test.use({ baseURL: origin });

  test("an English presenter hands out English join links; an English phone follows in English", async ({ page, browser }) => {
    await page.goto("/en/present/");
    await expect(page.locator("[data-room-status]")).toHaveText(/^Live/);
    const code = (await page.locator('[data-panel="code"]').textContent())!;
    await expect(page.locator('[data-panel="join-url"]')).toHaveAttribute("href", new RegExp(`/en/join/\\?room=${code}$`));
    await expectNoPortuguese(page, "/en/present/");

    const phone = await browser.newContext(iphone14);
    const audience = await phone.newPage();
    await audience.goto(`/en/join/?room=${code}`);
    await expect(audience.locator("[data-room-status]")).toHaveText("Live");
    await expectNoPortuguese(audience, "/en/join/");
    await phone.close();
  });
});
