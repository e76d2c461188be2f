/**
 * `npm run export`: the deck as a PDF, one slide per page at 1920×1080, each slide in its final
 * step with motion settled (reduced motion: no frame caught mid-animation). With `--notes`, each
 * slide's speaker notes follow it on the same page, as text. Builds nothing: run `npm run build`
 * first; the build is served from dist/ by `astro preview` on a free port.
 *
 *   npm run export                       → full-duplex.pdf
 *   npm run export -- --notes --out talk-with-notes.pdf
 *   npm run export -- --lang en --out websockets-en.pdf   (the English deck)
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import config from "../playwright.config.ts";
import { startPreview } from "./preview.ts";
import { isLocale, localeBase } from "../src/i18n/locales.ts";

const ROOT = resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    notes: { type: "boolean", default: false },
    out: { type: "string", default: "full-duplex.pdf" },
    lang: { type: "string", default: "pt-br" },
  },
});
if (!isLocale(values.lang)) {
  console.error(`export: --lang must be pt-br or en, not "${values.lang}"`);
  process.exit(2);
}
const deckRoot = localeBase("/", values.lang);
if (!existsSync(resolve(ROOT, "dist/index.html"))) {
  console.error("export: no build in dist/ (run npm run build first)");
  process.exit(2);
}

const preview = await startPreview();
const origin = preview.origin;
try {
  const browser = await chromium.launch(config.use?.launchOptions);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, reducedMotion: "reduce" });
  await page.goto(`${origin}${deckRoot}slides/1/`);
  const count = await page.locator("[data-slide-index]").count();

  const pages: { image: string; title: string; notes: string }[] = [];
  for (let n = 1; n <= count; n++) {
    // Past the last step: the deck clamps it, so every step of the slide is revealed.
    await page.goto(`${origin}${deckRoot}slides/${n}/?step=99`, { waitUntil: "networkidle" });
    await page.waitForTimeout(400); // islands hydrate and draw
    const slide = page.locator(`[data-slide-index="${n - 1}"]`);
    pages.push({
      image: (await page.screenshot({ type: "png" })).toString("base64"),
      title: (await slide.getAttribute("data-title")) ?? "",
      notes: values.notes ? await slide.locator(".slide__notes").innerHTML() : "",
    });
  }

  // One document: each slide a page (its picture, then its notes), printed by Chromium itself.
  const sheet = await browser.newPage();
  const pageSize = values.notes ? "1920px 1800px" : "1920px 1080px";
  await sheet.setContent(`<!doctype html><html lang="pt-BR"><meta charset="utf-8"><title>WebSockets — Live de Python #164</title>
<style>@page{size:${pageSize};margin:0}body{margin:0;font:28px/1.45 system-ui,sans-serif;color:#111}
section{break-after:page;height:${values.notes ? 1800 : 1080}px;overflow:hidden}img{display:block;width:1920px;height:1080px}
.notes{padding:32px 96px}.notes h3{font-size:24px;text-transform:uppercase;letter-spacing:.08em;color:#555}</style>
${pages.map((p) => `<section><img alt="${p.title.replace(/"/g, "&quot;")}" src="data:image/png;base64,${p.image}">${p.notes ? `<div class="notes">${p.notes}</div>` : ""}</section>`).join("\n")}`);
  await sheet.pdf({ path: values.out, preferCSSPageSize: true, printBackground: true });
  await browser.close();
  console.log(`${values.out}: ${count} slides${values.notes ? ", with notes" : ""}`);
} finally {
  preview.stop();
}
