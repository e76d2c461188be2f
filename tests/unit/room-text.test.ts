import { test } from "node:test";
import assert from "node:assert/strict";
import { audienceText, graphemeLength } from "../../src/room/text.ts";

test("audience text is one line of single spaces, trimmed", () => {
  assert.equal(audienceText("  Como\n\n  funciona\tisso?  "), "Como funciona isso?");
  assert.equal(audienceText("a\u00A0\u2003b"), "a b");
});

test("lone surrogates become U+FFFD, so an export is valid UTF-8", () => {
  const clean = audienceText("a\ud800b\udc00");
  assert.equal(clean, "a\uFFFDb\uFFFD");
  assert.equal(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(clean)), clean);
});

test("invisible characters go: zero-width, bidi controls, tags, BOM, fillers", () => {
  for (const hidden of ["\u200B", "\u200C", "\u2060", "\u202E", "\u2066", "\uFEFF", "\u{E0041}\u{E007F}", "\u3164", "\u115F", "\u2800", "\u0000", "\u200D"]) {
    assert.equal(audienceText(`a${hidden}b`), "ab", JSON.stringify(hidden));
    assert.equal(audienceText(hidden.repeat(20)), "", `only ${JSON.stringify(hidden)} is empty`);
  }
});

test("emoji sequences keep their joiners and selectors", () => {
  for (const emoji of ["👩‍💻", "🏳️‍🌈", "👨‍👩‍👧‍👦", "1️⃣", "👍🏽", "❤️"]) {
    assert.equal(audienceText(emoji), emoji);
    assert.equal(graphemeLength(emoji), 1, emoji);
  }
});

test("stacked combining marks are capped, letters with their accents kept", () => {
  assert.equal(audienceText("ação é ü"), "ação é ü");
  const tower = audienceText(`e${"\u0301".repeat(279)}x`);
  assert.equal(graphemeLength(tower), 2);
  assert.ok(tower.length <= 7, `${tower.length} code units`);
});

test("lengths count what a person sees", () => {
  assert.equal(graphemeLength("abc"), 3);
  assert.equal(graphemeLength("🐍🐍"), 2);
  assert.equal(graphemeLength("ação"), 4);
  assert.equal(graphemeLength(""), 0);
});
