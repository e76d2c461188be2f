import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";
import { locales, localeBase, localeOfPath, pathInLocale } from "../../src/i18n/locales.ts";

// A missing translation fails here, not silently on a page: every strings module has every key
// in every locale, and every slide exists in English with the same shape as in Portuguese.

const root = fileURLToPath(new URL("../../", import.meta.url));

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Texts that read the same in both languages: names, keys, units and loanwords. */
const SAME_IN_BOTH = new Set([
  ...["Slide", "Slides", "slide", "slides", "Site", "Downloads", "Python.org", "WebSocket", "HTTP", "Polling", "Long polling", "Chrome", "Firefox", "Safari", "Edge"],
  ...["PageDown", "PageUp", "Home", "End", "Esc", "Enter", "Shift+J"],
  ...["ms", "p50", "p95", "Bytes", "frames", "req.", "payload:", "(cont.)", "ping", "pong", "total", "quiz"],
]);

function compare(pt: unknown, en: unknown, path: string, problems: string[]): void {
  if (typeof pt === "string") {
    if (typeof en !== "string") return void problems.push(`${path}: not a string in English`);
    if (en.trim() === "" && pt.trim() !== "") problems.push(`${path}: empty in English`);
    else if (en === pt && /\p{L}{3}/u.test(pt) && !SAME_IN_BOTH.has(pt)) problems.push(`${path}: untranslated ("${pt}")`);
  } else if (typeof pt === "function") {
    // A sentence built from numbers or names; English may need fewer of them (no gender, say).
    if (typeof en !== "function") problems.push(`${path}: not a function in English`);
  } else if (Array.isArray(pt)) {
    if (!Array.isArray(en) || en.length !== pt.length) return void problems.push(`${path}: list of another length in English`);
    pt.forEach((item, index) => compare(item, en[index], `${path}[${index}]`, problems));
  } else if (pt && typeof pt === "object") {
    if (!en || typeof en !== "object") return void problems.push(`${path}: missing in English`);
    const keys = new Set([...Object.keys(pt), ...Object.keys(en)]);
    for (const key of keys) {
      if (!(key in en)) problems.push(`${path}.${key}: missing in English`);
      else if (!(key in pt)) problems.push(`${path}.${key}: only in English`);
      else compare((pt as Record<string, unknown>)[key], (en as Record<string, unknown>)[key], `${path}.${key}`, problems);
    }
  }
}

test("every strings module has every text in every locale, translated", async () => {
  const modules = [...files(join(root, "src"))].filter((path) => path.endsWith("/strings.ts"));
  assert.ok(modules.length >= 5, `found ${modules.length} strings modules`);
  const problems: string[] = [];
  let tables = 0;
  for (const path of modules) {
    const exports: Record<string, unknown> = await import(pathToFileURL(path).href);
    for (const [name, value] of Object.entries(exports)) {
      if (!value || typeof value !== "object" || !locales.every((locale) => locale in value)) continue;
      tables += 1;
      const table = value as Record<string, unknown>;
      compare(table["pt-br"], table.en, `${relative(root, path)} ${name}`, problems);
    }
  }
  assert.ok(tables >= modules.length, "each strings module exports a table per locale");
  assert.deepEqual(problems, []);
});

// Slides: the English deck mirrors the Portuguese one file for file.
const slideDir = (locale: string) => join(root, "slides", locale === "pt-br" ? "" : locale);
const mdx = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".mdx")).sort();

function readSlide(path: string) {
  const source = readFileSync(path, "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
  const data = parse(match[1]!) as { title: string; section: string; notes: string; steps?: number; kind?: string; credits?: string[] };
  const body = match[2]!;
  // What the room and the deck rely on: the components in order, their ids and step numbers.
  const shape = [...body.matchAll(/<([A-Z]\w*)|\b(id|n|step)=\{?["']?([\w-]+)/g)].map((m) => m[1] ?? `${m[2]}=${m[3]}`);
  return { data, body, shape };
}

test("every slide exists in English, with the same steps, components and ids", () => {
  const pt = mdx(slideDir("pt-br"));
  for (const locale of locales.filter((locale) => locale !== "pt-br")) {
    assert.deepEqual(mdx(slideDir(locale)), pt, `slides/${locale}/ has the same files as slides/`);
    for (const file of pt) {
      const original = readSlide(join(slideDir("pt-br"), file));
      const translated = readSlide(join(slideDir(locale), file));
      const where = `slides/${locale}/${file}`;
      assert.equal(translated.data.steps ?? 0, original.data.steps ?? 0, `${where}: steps`);
      assert.equal(translated.data.kind ?? "default", original.data.kind ?? "default", `${where}: kind`);
      assert.deepEqual(translated.data.credits, original.data.credits, `${where}: credits`);
      assert.deepEqual(translated.shape, original.shape, `${where}: components, ids and steps in order`);
      assert.notEqual(translated.data.notes.trim(), original.data.notes.trim(), `${where}: notes not translated`);
      const prose = original.body.replace(/<[^>]*>|```[\s\S]*?```/g, "").match(/\p{L}{2,}/gu) ?? [];
      if (prose.length >= 3) {
        assert.notEqual(translated.body.trim(), original.body.trim(), `${where}: text not translated`);
      }
    }
  }
});

test("locale paths: Portuguese at the root, English under /en/, a page's twin in the other language", () => {
  assert.equal(localeBase("/", "pt-br"), "/");
  assert.equal(localeBase("/", "en"), "/en/");
  assert.equal(localeBase("/talk", "en"), "/talk/en/");
  assert.equal(localeOfPath("/en/slides/3/", "/"), "en");
  assert.equal(localeOfPath("/slides/3/", "/"), "pt-br");
  assert.equal(localeOfPath("/entrar/", "/"), "pt-br");
  assert.equal(pathInLocale("/slides/3/", "/", "en"), "/en/slides/3/");
  assert.equal(pathInLocale("/en/slides/3/", "/", "pt-br"), "/slides/3/");
  assert.equal(pathInLocale("/talk/en/join/", "/talk/", "pt-br"), "/talk/join/");
  assert.equal(pathInLocale("/", "/", "en"), "/en/");
});
