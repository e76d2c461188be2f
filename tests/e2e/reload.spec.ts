/**
 * No false alarms on reload: the room holds a leave a few seconds (src/room/presence.ts), so a
 * presenter's reload never says "Apresentador offline" on the phones, nor a phone's reload drops
 * the count on the presenter's screen. Each page's status is watched throughout, not sampled.
 */
import { expect, test, type Page } from "@playwright/test";
import { PRESENCE_GRACE_MS } from "../../src/room/presence.ts";
import { joined, origin, pixel7, present } from "./live.ts";

test.use({ baseURL: origin });

/** Records every text the page's room status and audience count show from now on. */
async function watchStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { seenStatus: string[] }).seenStatus = []);
    const last = new Map<string, string>();
    const record = () => {
      for (const selector of ["[data-room-status]", '[data-panel="audience"]']) {
        const text = document.querySelector(selector)?.textContent;
        if (!text || last.get(selector) === text) continue;
        last.set(selector, text);
        seen.push(`${selector} ${text}`);
      }
    };
    record();
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const seenStatus = (page: Page) => page.evaluate(() => (window as unknown as { seenStatus: string[] }).seenStatus);

test("a presenter reload shows no 'Apresentador offline' on a phone; a phone reload keeps the count", async ({ page, browser }) => {
  const code = await present(page);
  const phone = await joined(browser, pixel7, code);
  const status = phone.page.locator("[data-room-status]");
  await expect(page.locator("[data-room-status]")).toHaveText("Ao vivo · 1 pessoa");

  // The presenter reloads: its socket closes, and a new one opens a moment later.
  await watchStatus(phone.page);
  await page.reload();
  await expect(page.locator("[data-room-status]")).toHaveText("Ao vivo · 1 pessoa");
  await phone.page.waitForTimeout(PRESENCE_GRACE_MS + 1_000); // any offline would have been sent by now
  expect(await seenStatus(phone.page)).toEqual(["[data-room-status] Ao vivo"]);
  await expect(status).toHaveText("Ao vivo");

  // The phone reloads: the presenter's count never drops to 0.
  await watchStatus(page);
  await phone.page.reload();
  await expect(status).toHaveText("Ao vivo");
  await page.waitForTimeout(PRESENCE_GRACE_MS + 1_000);
  expect(await seenStatus(page)).toEqual(['[data-room-status] Ao vivo · 1 pessoa', '[data-panel="audience"] 1']);

  // A phone that really leaves is counted out, a few seconds later.
  await phone.context.close();
  await expect(page.locator("[data-room-status]")).toHaveText("Ao vivo · 0 pessoas", { timeout: PRESENCE_GRACE_MS + 3_000 });
});
