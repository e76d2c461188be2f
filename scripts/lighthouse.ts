/**
 * `npm run lighthouse`: Lighthouse on the built site as a phone sees it (its default mobile
 * emulation and throttling), for a plain slide, a slide with a live demo, the join page, the
 * reader page and two of them in English. Prints each route's scores (performance,
 * accessibility, best practices, SEO) with LCP, TBT, CLS and the bytes transferred, and fails
 * below the targets: performance ≥ 95, accessibility 100, best practices ≥ 95.
 * Builds nothing: run `npm run build` first; dist/ is served by `astro preview` on a free port.
 *
 *   npm run lighthouse                              → table, exit 1 below a target
 *   npm run lighthouse -- --out lighthouse.json --no-fail
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import config from "../playwright.config.ts";
import { startPreview } from "./preview.ts";

const ROOT = resolve(import.meta.dirname, "..");
const TARGETS = { performance: 95, accessibility: 100, "best-practices": 95 } as const;
/** The slide with a live demo, by its Portuguese title (numbers are the same in every language). */
const DEMO_TITLE = "HTTP ao vivo";

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    "no-fail": { type: "boolean", default: false },
  },
});
if (!existsSync(resolve(ROOT, "dist/index.html"))) {
  console.error("lighthouse: no build in dist/ (run npm run build first)");
  process.exit(2);
}

/** The demo slide's number, read from the build (the deck lists every slide with its title). */
function demoSlide(): number {
  const html = readFileSync(resolve(ROOT, "dist/slides/1/index.html"), "utf8");
  const index = new RegExp(`data-slide-index="(\\d+)"[^>]*data-title="${DEMO_TITLE}"`).exec(html)?.[1];
  if (index === undefined) throw new Error(`no slide titled "${DEMO_TITLE}" in dist/`);
  return Number(index) + 1;
}

const demo = demoSlide();
const ROUTES = ["/slides/1/", `/slides/${demo}/`, "/join/", "/reader/", "/en/slides/1/", "/en/join/"];

interface Row {
  route: string;
  scores: Record<"performance" | "accessibility" | "best-practices" | "seo", number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferBytes: number;
  /** What costs points: the failed audits of the categories below their target, by weight. */
  issues: string[];
}

/** Chromium as the tests find it: CHROMIUM_PATH, Debian's, then Playwright's own. */
const chromePath = config.use?.launchOptions?.executablePath ?? chromium.executablePath();

const preview = await startPreview();
const origin = preview.origin;
const rows: Row[] = [];
let chrome: Awaited<ReturnType<typeof launch>> | undefined;
try {
  chrome = await launch({ chromePath, chromeFlags: ["--headless=new", "--no-sandbox"] });
  for (const route of ROUTES) {
    const result = await lighthouse(`${origin}${route}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    if (!result) throw new Error(`lighthouse gave no result for ${route}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const scores = { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), seo: score("seo") };
    const issues = Object.entries(categories).flatMap(([id, category]) => {
      if (Math.round((category.score ?? 0) * 100) >= 100) return [];
      return category.auditRefs
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 0.9)
        .sort((a, b) => b.weight - a.weight)
        .map((ref) => `${id}: ${ref.id} (${audits[ref.id]?.displayValue || `score ${audits[ref.id]?.score}`})`);
    });
    rows.push({
      route,
      scores,
      lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? NaN),
      tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? NaN),
      cls: Number((audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)),
      transferBytes: audits["total-byte-weight"]?.numericValue ?? NaN,
      issues,
    });
    console.error(`lighthouse: ${route} done`);
  }
} finally {
  await chrome?.kill();
  preview.stop();
}

const pad = (text: string | number, width: number) => String(text).padStart(width);
console.log(`${"route".padEnd(18)}${pad("perf", 6)}${pad("a11y", 6)}${pad("bp", 6)}${pad("seo", 6)}${pad("LCP s", 8)}${pad("TBT ms", 8)}${pad("CLS", 7)}${pad("KB", 7)}`);
for (const row of rows) {
  const { performance, accessibility, seo } = row.scores;
  console.log(
    `${row.route.padEnd(18)}${pad(performance, 6)}${pad(accessibility, 6)}${pad(row.scores["best-practices"], 6)}${pad(seo, 6)}` +
      `${pad((row.lcpMs / 1000).toFixed(1), 8)}${pad(row.tbtMs, 8)}${pad(row.cls.toFixed(3), 7)}${pad((row.transferBytes / 1024).toFixed(0), 7)}`,
  );
}
for (const row of rows) if (row.issues.length) console.log(`\n${row.route}\n  ${row.issues.join("\n  ")}`);

if (values.out) writeFileSync(values.out, `${JSON.stringify({ targets: TARGETS, routes: rows }, null, 2)}\n`);

const misses = rows.flatMap((row) =>
  (Object.entries(TARGETS) as [keyof typeof TARGETS, number][])
    .filter(([category, target]) => row.scores[category] < target)
    .map(([category, target]) => `${row.route} ${category} ${row.scores[category]} < ${target}`),
);
if (misses.length) {
  console.log(`\nbelow target:\n  ${misses.join("\n  ")}`);
  if (!values["no-fail"]) process.exit(1);
}
