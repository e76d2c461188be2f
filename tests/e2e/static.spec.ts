import { expect, test } from "@playwright/test";
import { supporters } from "../fixtures/outline.ts";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("plain links walk the slides and every slide shows all its content", async ({ page }) => {
    await page.goto("/slides/1/");
    const count = await page.locator("[data-slide-index]").count();
    for (let n = 1; n < Math.min(count, 6); n++) {
      await expect(page.locator(`#slide-${n}`)).toBeVisible();
      // Steps are revealed up front: nothing waits for a script that will never run.
      const hidden = await page.locator(`#slide-${n} [data-step]`).evaluateAll(
        (elements) => elements.filter((el) => getComputedStyle(el).visibility === "hidden").length,
      );
      expect(hidden).toBe(0);
      await page.getByRole("link", { name: "Próximo" }).click();
      await expect(page).toHaveURL(new RegExp(`/slides/${n + 1}/$`));
    }
    await page.getByRole("link", { name: "Anterior" }).click();
    await expect(page).toHaveURL(/\/slides\/5\/$/);
  });

  test("the home page lists the whole talk with links to every slide", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("WebSockets");
    const links = page.locator(".home__toc a");
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(20);
    await links.nth(count - 1).click();
    await expect(page).toHaveURL(new RegExp(`/slides/${count}/$`));
    await expect(page.locator(`#slide-${count}`)).toBeVisible();
  });

  test("the credits name every supporter of the outline, as text", async ({ page }) => {
    await page.goto("/");
    const count = await page.locator(".home__toc a").count();
    await page.goto(`/slides/${count}/`);
    const names = page.getByRole("list", { name: "Apoiadores da Live de Python" }).getByRole("listitem");
    expect(new Set(await names.allTextContents())).toEqual(new Set(supporters()));
  });

  test("an unknown address gets a helpful 404 page", async ({ page }) => {
    const response = await page.goto("/slides/999/");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("link", { name: "Voltar ao início" })).toBeVisible();
  });
});
