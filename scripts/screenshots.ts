/**
 * Screenshots of the built deck, to look at what people will see: every slide (fully revealed) on a
 * 1920×1080 projector and on a 390×844 phone, plus the overview. Serve the site first (`npm start`).
 *
 *   node scripts/screenshots.ts [--url http://127.0.0.1:4321] [--out shots] [--slides 1,6,17]
 */
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import config from "../playwright.config.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:4321" },
    out: { type: "string", default: "shots" },
    slides: { type: "string" },
  },
});
mkdirSync(values.out, { recursive: true });

const browser = await chromium.launch(config.use?.launchOptions);
const views = [
  { name: "projector", viewport: { width: 1920, height: 1080 }, isMobile: false, deviceScaleFactor: 1 },
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 },
];
for (const { name, ...options } of views) {
  const page = await browser.newPage({ ...options, hasTouch: options.isMobile });
  await page.goto(`${values.url}/slides/1/`);
  const count = await page.locator("[data-slide-index]").count();
  const wanted = values.slides?.split(",").map(Number) ?? Array.from({ length: count }, (_, i) => i + 1);
  for (const n of wanted) {
    await page.goto(`${values.url}/slides/${n}/?step=99`);
    await page.waitForTimeout(600); // islands hydrate and their motion settles
    await page.screenshot({ path: `${values.out}/${name}-${String(n).padStart(2, "0")}.png`, fullPage: name === "phone" });
  }
  await page.keyboard.press("o");
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${values.out}/${name}-overview.png` });
  await page.close();
}
await browser.close();
console.log(`screenshots in ${values.out}/`);
