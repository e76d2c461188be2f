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

// The facts a knowledgeable audience checks (issue 14, item 12; sources in FACTS.md), pinned in
// both languages: slide number (as people see it) → what its source must and must not say.
const sources = (locale: "" | "en/") => {
  const folder = new URL(locale, dir);
  return (number: number) => {
    const file = readdirSync(folder).find((name) => name.startsWith(`${String(number).padStart(2, "0")}-`));
    assert.ok(file, `slide ${number} in slides/${locale}`);
    return readFileSync(new URL(file, folder), "utf8");
  };
};
const facts: { slide: number; says: [RegExp, RegExp]; never: RegExp[] }[] = [
  // The browser API moved to its own WHATWG standard; AJAX (2005) to RFC 6455 (2011) is six years.
  { slide: 9, says: [/WebSockets Standard[\s\S]*seis anos/, /WebSockets Standard[\s\S]*six years/], never: [/HTML Living Standard/, /(oito|eight) (anos|years)"/] },
  // Cookies predate RFC 6265, which is only their current specification.
  { slide: 15, says: [/Netscape em 1994[\s\S]*atual é a RFC 6265/, /Netscape in 1994[\s\S]*current specification is RFC 6265/], never: [/\*\*cookies\*\* \(RFC 6265/] },
  // The article's numbers are labelled as the article's: pre-RFC draft framing, 2^20-based Mbit/s.
  { slide: 21, says: [/segundo o artigo[\s\S]*0x00 … 0xFF[\s\S]*2<sup>20<\/sup>[\s\S]*6,97 \/ 0,016 e 697 \/ 1,6/, /according to the article[\s\S]*0x00 … 0xFF[\s\S]*2<sup>20<\/sup>[\s\S]*6\.97 \/ 0\.016 and 697 \/ 1\.6/], never: [] },
  // HTTP/2 and HTTP/3 open WebSockets with an extended CONNECT; the Accept is not about caches.
  { slide: 31, says: [/RFC 8441[\s\S]*RFC 9220[\s\S]*`CONNECT` estendido[\s\S]*`200`[\s\S]*seções 1\.3 e 10/, /RFC 8441[\s\S]*RFC 9220[\s\S]*extended `CONNECT`[\s\S]*`200`[\s\S]*sections 1\.3 and 10/], never: [/Todo WebSocket começa|Every WebSocket starts/, /cache/] },
  // The app's JSON ping is not the protocol's control frame (slide 8's 0x9/0xA).
  { slide: 35, says: [/ping da aplicação[\s\S]*0x9 e 0xA/, /application ping[\s\S]*0x9 and 0xA/], never: [] },
  { slide: 39, says: [/ping da aplicação[\s\S]*0x9 e 0xA/, /application ping[\s\S]*0x9 and 0xA/], never: [] },
  { slide: 8, says: [/\*\*ping\*\* \(0x9\) e \*\*pong\*\* \(0xA\)/, /\*\*ping\*\* \(0x9\) and \*\*pong\*\* \(0xA\)/], never: [] },
  // websockets 10.4 is what Debian 12 (bookworm) packages.
  { slide: 40, says: [/10\.4 empacotada no Debian 12/, /10\.4 packaged in Debian 12/], never: [] },
];

test("the slides state the checked facts, in Portuguese and in English", () => {
  const [pt, en] = [sources(""), sources("en/")];
  for (const { slide, says, never } of facts) {
    for (const [index, read] of [pt, en].entries()) {
      const source = read(slide);
      const where = `slide ${slide} (${index === 0 ? "pt-br" : "en"})`;
      assert.match(source, says[index]!, where);
      for (const wrong of never) assert.doesNotMatch(source, wrong, where);
    }
  }
});
