/**
 * `npm run size`: what each route of the build (`dist/`, run `npm run build` first) makes a
 * browser download, gzipped: the JavaScript it loads at once (module scripts, inline scripts, and
 * the islands that hydrate on load or on the slide shown first, each with every chunk it imports
 * statically), the JavaScript the whole talk may load (every island on the page), and the CSS.
 * Fails past the budget: a slide without islands ≤ 15 KB of JavaScript at once, the audience
 * page ≤ 110 KB at once.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = resolve(import.meta.dirname, "../dist");
const KB = 1024;
const BUDGET = { staticSlideJs: 15 * KB, joinJs: 110 * KB };

const gzipped = new Map<string, number>();
function gz(text: string): number {
  return gzipSync(text, { level: 9 }).length;
}

function fileSize(path: string): number {
  let size = gzipped.get(path);
  if (size === undefined) gzipped.set(path, (size = gz(readFileSync(join(DIST, path), "utf8"))));
  return size;
}

/** A chunk and everything it imports statically (dynamic `import()` loads later, on demand). */
function closure(entries: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(DIST, path), "utf8");
    for (const [, spec] of code.matchAll(/\b(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      visit(new URL(spec!, `http://x${path}`).pathname);
    }
  };
  for (const entry of entries) visit(entry);
  return seen;
}

const sum = (paths: Iterable<string>) => Array.from(paths, fileSize).reduce((total, size) => total + size, 0);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

interface Island {
  urls: string[];
  client: string;
  slide: number | null;
}

function islands(html: string): Island[] {
  const slideStarts = Array.from(html.matchAll(/data-slide-index="(\d+)"/g), (match) => ({ at: match.index, slide: Number(match[1]) }));
  return Array.from(html.matchAll(/<astro-island\b[^>]*>/g), (match) => ({
    urls: [attr(match[0], "component-url"), attr(match[0], "renderer-url")].filter((url): url is string => !!url),
    client: attr(match[0], "client") ?? "",
    slide: slideStarts.filter((start) => start.at < match.index).at(-1)?.slide ?? null,
  }));
}

interface RouteSize {
  route: string;
  /** Islands on the slide shown first. */
  islandsShown: number;
  jsNow: number;
  jsWholeTalk: number;
  css: number;
}

function measure(route: string, shownSlide: number): RouteSize {
  const html = readFileSync(join(DIST, route, "index.html"), "utf8");
  const modules = Array.from(html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g), (match) => match[1]!);
  const inline = Array.from(html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g), (match) => gz(match[1]!)).reduce((a, b) => a + b, 0);
  const all = islands(html);
  const atOnce = all.filter((island) => island.client !== "visible" || island.slide === shownSlide);
  const styles = Array.from(html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g), (match) => attr(match[0], "href")!);
  const inlineCss = Array.from(html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g), (match) => gz(match[1]!)).reduce((a, b) => a + b, 0);
  return {
    route,
    islandsShown: all.filter((island) => island.slide === shownSlide).length,
    jsNow: inline + sum(closure([...modules, ...atOnce.flatMap((island) => island.urls)])),
    jsWholeTalk: inline + sum(closure([...modules, ...all.flatMap((island) => island.urls)])),
    css: inlineCss + sum(styles),
  };
}

if (!existsSync(join(DIST, "index.html"))) {
  console.error("size: no build in dist/ (run npm run build first)");
  process.exit(2);
}
const slides = Array.from({ length: 99 }, (_, index) => index + 1).filter((n) => existsSync(join(DIST, "slides", String(n), "index.html")));
const rows = [measure("", -1), ...slides.map((n) => measure(`slides/${n}`, n - 1)), measure("present", 0), measure("join", 0)];

const kb = (bytes: number) => (bytes / KB).toFixed(1);
console.log("route            islands on first slide   JS at once KB   JS whole talk KB   CSS KB   (gzip)");
for (const row of rows) {
  console.log((row.route ? `/${row.route}/` : "/").padEnd(17) + String(row.islandsShown).padStart(22) + kb(row.jsNow).padStart(16) + kb(row.jsWholeTalk).padStart(19) + kb(row.css).padStart(9));
}

const failures = [
  ...rows.filter((row) => row.route.startsWith("slides/") && row.islandsShown === 0 && row.jsNow > BUDGET.staticSlideJs).map((row) => `/${row.route}/: ${kb(row.jsNow)} KB of JS at once, over ${kb(BUDGET.staticSlideJs)} KB`),
  ...rows.filter((row) => row.route === "join" && row.jsNow > BUDGET.joinJs).map((row) => `/join/: ${kb(row.jsNow)} KB of JS at once, over ${kb(BUDGET.joinJs)} KB`),
];
console.log(failures.length === 0 ? `\nwithin budget: slides without islands ≤ ${kb(BUDGET.staticSlideJs)} KB, /join/ ≤ ${kb(BUDGET.joinJs)} KB of JS at once` : `\nover budget:\n${failures.join("\n")}`);
if (failures.length > 0) process.exitCode = 1;
