import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { slideSchema, type SlideData } from "../../src/deck/schema.ts";
import { supporters } from "../fixtures/outline.ts";

// The talk's content, read the way Astro's content collection reads it: files in slides/,
// frontmatter validated with the very schema src/content.config.ts uses.
const dir = new URL("../../slides/", import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith(".mdx")).sort();
const slides = files.map((file) => {
  const source = readFileSync(new URL(file, dir), "utf8");
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  assert.ok(match, `${file}: frontmatter between --- lines`);
  const result = slideSchema.safeParse(parse(match[1]!));
  assert.ok(result.success, `${file}: ${result.error?.message}`);
  return { file, data: result.data as SlideData, body: match[2]! };
});
const text = (slide: (typeof slides)[number]) => `${slide.data.title}\n${slide.body}`;
const deck = slides.map(text).join("\n");

test("the talk has a full deck of slides", () => {
  assert.ok(slides.length >= 20 && slides.length <= 45, `${slides.length} slides`);
});

test("slides are ordered by a contiguous two-digit prefix", () => {
  files.forEach((file, index) => {
    assert.match(file, /^\d{2}-[a-z0-9-]+\.mdx$/, file);
    assert.equal(Number(file.slice(0, 2)), index + 1, `${file} should be number ${index + 1}`);
  });
});

test("every slide has a title, a section and speaker notes that teach", () => {
  for (const { file, data } of slides) {
    assert.ok(data.title.length > 0, file);
    assert.ok(data.section.length > 0, file);
    assert.ok(data.notes.length >= 80, `${file}: notes too short`);
  }
  const titles = slides.map((slide) => slide.data.title);
  assert.equal(new Set(titles).size, titles.length, "titles are unique");
});

test("sections follow the outline's order", () => {
  const order = [...new Set(slides.map((slide) => slide.data.section))];
  assert.deepEqual(order, [
    "Abertura",
    "O que é WebSocket?",
    "HTTP vs WebSockets",
    "Push",
    "Bidirecional: full-duplex",
    "Encerramento",
  ]);
});

test("every topic of the outline and the issue is on a slide", () => {
  const topics = [
    "Roteiro",
    "apoia.se/livedepython",
    "PIX",
    "Que raios é isso",
    "Onde vive",
    "Do que se alimenta",
    "full-duplex",
    "RFC 6455",
    "2011",
    "2013",
    "HTTP vs WebSockets",
    "não guarda estado",
    "slackware.com",
    "AJAX",
    "2005",
    "JSON",
    "XML",
    "Polling",
    "Long polling",
    "RFC 6202",
    "Push",
    "tempo real",
    "Eventos",
    "Sec-WebSocket-Accept",
    "101 Switching Protocols",
    "Bi lateral",
  ];
  for (const topic of topics) {
    assert.ok(deck.toLowerCase().includes(topic.toLowerCase()), `no slide mentions "${topic}"`);
  }
});

test("the credits name every supporter from the outline, once each", () => {
  const names = supporters();
  assert.ok(names.length > 90, `${names.length} names in the outline`);
  const credits = slides.flatMap((slide) => slide.data.credits ?? []);
  assert.deepEqual([...credits].sort(), [...names].sort());
});

test("only the credits slide carries credits, and it comes last", () => {
  const withCredits = slides.filter((slide) => slide.data.credits);
  assert.equal(withCredits.length, 1);
  assert.equal(withCredits[0], slides.at(-1));
  assert.equal(withCredits[0]!.data.kind, "credits");
});

test("slides never repeat their title as a heading in the body", () => {
  for (const { file, body } of slides) assert.doesNotMatch(body, /^# /m, file);
});
