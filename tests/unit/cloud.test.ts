import { test } from "node:test";
import assert from "node:assert/strict";
import { ANSWERS_PER_PARTICIPANT, checkAnswer, cleanAnswer, singular, TOP_WORDS, WORDS_MAX, wordKey, wordList } from "../../src/features/cloud/rules.ts";
import { CloudTally } from "../../src/features/cloud/tally.ts";
import { estimateSize, fontSize, layoutCloud, type LayoutWord, type Placed } from "../../src/features/cloud/layout.ts";
import { MESSAGES } from "../../src/features/index.ts";
import { parseClientMessage } from "../../src/room/messages.ts";

test("WebSocket, websocket and WebSockets meet under one key", () => {
  for (const spelling of ["WebSocket", "websocket ", "WebSockets", "  WEBSOCKETS!", "«websocket»", "ｗｅｂｓｏｃｋｅｔ"]) assert.equal(wordKey(spelling), "websocket", spelling);
});

test("accents, case and spaces don't split a word; Portuguese plurals in -ões/-ães/-ãos meet their singular", () => {
  assert.equal(wordKey("Notificações"), wordKey("notificacao"));
  assert.equal(wordKey("notificação"), "notificacao");
  assert.equal(wordKey("Jogos   Online"), "jogo online");
  assert.equal(wordKey("jogo\tonline"), "jogo online");
  assert.equal(wordKey("Pães"), "pao");
  assert.equal(wordKey("mãos"), "mao");
  assert.equal(wordKey("Análises"), "analise");
  assert.equal(wordKey("chat."), "chat");
});

test("the plural rule leaves alone what it must not touch", () => {
  for (const word of ["gps", "aws", "ios", "status", "redis", "express", "mais", "bus", "js", "chat"]) assert.equal(singular(word), word, word);
  // Only words of letters: names with dots or digits stay as they are.
  assert.equal(wordKey("Node.js"), "node.js");
  assert.equal(wordKey("socket.io"), "socket.io");
  assert.equal(wordKey("http2s"), "http2s");
  // Name marks that are no punctuation stay.
  assert.equal(wordKey("C#"), "c#");
  assert.equal(wordKey("C++"), "c++");
  assert.equal(singular("apps"), "app");
  assert.equal(singular("games"), "game");
});

test("answers are cleaned, bounded to 25 characters a person sees, and never empty", () => {
  assert.equal(cleanAnswer("  chat\u200B ao vivo!! "), "chat ao vivo");
  assert.deepEqual(checkAnswer("   "), { ok: false, refusal: { code: "bad_request", detail: "empty" } });
  assert.deepEqual(checkAnswer("?!…"), { ok: false, refusal: { code: "bad_request", detail: "empty" } });
  assert.deepEqual(checkAnswer("a".repeat(26)), { ok: false, refusal: { code: "bad_request", detail: "text_max" } });
  assert.equal(checkAnswer("👨‍👩‍👧‍👦".repeat(25)).ok, true, "25 family emoji are 25 characters");
  assert.equal(checkAnswer("a".repeat(25)).ok, true);
});

test("three answers per participant; a fourth is refused, a repeat is no second vote", () => {
  const cloud = new CloudTally();
  assert.equal(ANSWERS_PER_PARTICIPANT, 3);
  assert.equal(cloud.answer("ana", "Chat").ok, true);
  assert.deepEqual(cloud.answer("ana", "chats"), { ok: false, refusal: { code: "bad_request", detail: "duplicate" } });
  assert.equal(cloud.answer("ana", "Jogos").ok, true);
  assert.equal(cloud.answer("ana", "Dashboards").ok, true);
  assert.deepEqual(cloud.answer("ana", "IoT"), { ok: false, refusal: { code: "answer_limit", detail: "per_participant" } });
  assert.equal(cloud.answer("bia", "IoT").ok, true);
  assert.equal(cloud.answerCount, 4);
});

test("counts by key; the shown spelling is the most used, ties go to the first seen", () => {
  const cloud = new CloudTally();
  cloud.answer("a", "WebSockets");
  cloud.answer("b", "websocket");
  cloud.answer("c", "WebSocket");
  cloud.answer("d", "websocket");
  cloud.answer("e", "Chat");
  cloud.answer("f", "chat");
  const words = wordList(cloud.entry("Para quê?", false).words);
  assert.deepEqual(words.map(({ id, text, count }) => [id, text, count]), [["w1", "websocket", 4], ["w5", "Chat", 2]]);
});

test("hidden words leave the public entry, stay in the presenter's; the cloud is bounded", () => {
  const cloud = new CloudTally();
  cloud.answer("a", "chat");
  cloud.answer("b", "palavrão");
  assert.equal(cloud.hide("palavrao", true), true);
  assert.equal(cloud.hide("nunca dito", true), false);
  const open = cloud.entry("P", false);
  assert.deepEqual(Object.values(open.words).map((w) => w.key), ["chat"]);
  assert.equal(open.hidden, undefined);
  assert.equal(JSON.stringify(open).includes("palavr"), false);
  assert.deepEqual(Object.values(cloud.entry("P", true).hidden ?? {}).map((w) => w.key), ["palavrao"]);
  cloud.hide("palavrao", false);
  assert.equal(Object.keys(cloud.entry("P", false).words).length, 2);

  const big = new CloudTally();
  for (let i = 0; i < WORDS_MAX + 20; i++) big.answer(`p${i}`, `palavra${i}x`);
  big.answer("late", "palavra1x"); // an existing word still counts as itself
  const entry = big.entry("P", true);
  assert.equal(Object.keys(entry.words).length, TOP_WORDS);
  assert.equal(entry.more, WORDS_MAX - TOP_WORDS);
  assert.equal(entry.others, 20);
  assert.equal(entry.answers, WORDS_MAX + 21);
  assert.equal(big.all().length, WORDS_MAX);
});

test("a replay of the stored answers in order gives the same cloud", () => {
  const cloud = new CloudTally();
  const said: Array<[string, string]> = [["a", "Chat"], ["b", "chats"], ["a", "IoT"], ["c", "iot"], ["c", "Jogos"]];
  for (const [pid, text] of said) cloud.answer(pid, text);
  const again = new CloudTally();
  const stored = ["a", "b", "c"].flatMap((pid) => cloud.answersOf(pid).map((answer) => [pid, answer] as const)).sort((x, y) => x[1].n - y[1].n);
  for (const [pid, answer] of stored) again.restore(pid, answer);
  assert.deepEqual(again.entry("P", true), cloud.entry("P", true));
  assert.equal(again.answer("a", "jogo").ok, true); // the next answer numbers on
  assert.equal(again.answer("a", "mais um").ok, false);
});

test("the messages: a phone answers, the presenter shows, hides and resets", () => {
  const ok = (raw: unknown, role: "audience" | "presenter") => parseClientMessage(JSON.stringify(raw), MESSAGES, role).ok;
  assert.equal(ok({ type: "cloudAnswer", cloud: "usos", text: "chat" }, "audience"), true);
  assert.equal(ok({ type: "cloudAnswer", cloud: "usos", text: "" }, "audience"), false);
  assert.equal(ok({ type: "cloudAnswer", cloud: "Bad Id", text: "chat" }, "audience"), false);
  assert.equal(ok({ type: "cloudAnswer", cloud: "usos", text: "x".repeat(101) }, "audience"), false);
  assert.equal(ok({ type: "cloudHide", cloud: "usos", key: "chat", hidden: true }, "audience"), false);
  assert.equal(ok({ type: "cloudHide", cloud: "usos", key: "chat", hidden: true }, "presenter"), true);
  assert.equal(ok({ type: "cloud", action: "show", cloud: { id: "usos", prompt: "Para quê?" } }, "presenter"), true);
  assert.equal(ok({ type: "cloud", action: "show", cloud: { id: "usos", prompt: "Para quê?" } }, "audience"), false);
});

// ── Layout ──────────────────────────────────────────────────────────────────────────────────

const BOX = { width: 1600, height: 560 };
const OPTIONS = { box: BOX, minPx: 26, maxPx: 96, measure: estimateSize };

function words(n: number): LayoutWord[] {
  return Array.from({ length: n }, (_, i) => ({ id: `w${i + 1}`, order: i + 1, text: ["chat", "jogos", "dashboards", "IoT", "colaboração", "notificações"][i % 6]! + i, count: 1 + ((i * 37) % 23) }));
}

function assertNoOverlap(placed: Map<string, Placed>): void {
  const list = [...placed.entries()];
  for (const [id, a] of list) {
    assert.ok(a.x - a.width / 2 >= 0 && a.x + a.width / 2 <= BOX.width && a.y - a.height / 2 >= 0 && a.y + a.height / 2 <= BOX.height, `${id} inside`);
    for (const [other, b] of list) {
      if (other === id) continue;
      const apart = a.x + a.width / 2 <= b.x - b.width / 2 || b.x + b.width / 2 <= a.x - a.width / 2 || a.y + a.height / 2 <= b.y - b.height / 2 || b.y + b.height / 2 <= a.y - a.height / 2;
      assert.ok(apart, `${id} and ${other} overlap`);
    }
  }
}

test("sizes grow with the square root of the count, from the floor up, and change only when the leader doubles", () => {
  assert.equal(fontSize(1, 1, 26, 96), 26);
  assert.equal(fontSize(8, 8, 26, 96), 96);
  assert.equal(fontSize(5, 5, 26, 96), fontSize(5, 8, 26, 96), "a leader of 5 or 8: the same scale");
  assert.ok(fontSize(2, 8, 26, 96) > 26 && fontSize(2, 8, 26, 96) < fontSize(4, 8, 26, 96));
});

test("60 words: none overlaps, all inside the box, the smallest at the floor", () => {
  const layout = layoutCloud(words(60), OPTIONS);
  assert.equal(layout.left.length, 0);
  assert.equal(layout.placed.size, 60);
  assertNoOverlap(layout.placed);
  assert.ok(Math.min(...[...layout.placed.values()].map((p) => p.fontPx)) >= 26);
});

test("a word keeps its place when another one grows; a word that no longer fits moves, alone", () => {
  const before = words(30);
  const first = layoutCloud(before, OPTIONS);
  const bumped = before.map((word) => (word.id === "w7" ? { ...word, count: word.count + 1 } : word));
  const second = layoutCloud(bumped, { ...OPTIONS, previous: first.placed });
  assertNoOverlap(second.placed);
  for (const word of before) {
    if (word.id === "w7") continue;
    assert.deepEqual([second.placed.get(word.id)!.x, second.placed.get(word.id)!.y], [first.placed.get(word.id)!.x, first.placed.get(word.id)!.y], `${word.id} stayed`);
  }
  // A new word joins without moving anyone.
  const third = layoutCloud([...bumped, { id: "w99", order: 99, text: "novo", count: 1 }], { ...OPTIONS, previous: second.placed });
  for (const word of before) assert.deepEqual(third.placed.get(word.id), second.placed.get(word.id));
  assertNoOverlap(third.placed);
  // The same input, the same layout (deterministic).
  assert.deepEqual(layoutCloud(before, OPTIONS).placed, first.placed);
});

test("too many words for the box: the largest size shrinks, never the smallest; what fits nowhere is left out", () => {
  const small = { ...OPTIONS, box: { width: 400, height: 200 } };
  const layout = layoutCloud(words(60), small);
  assert.ok(layout.maxPx < 96);
  assert.ok(layout.left.length > 0);
  for (const placed of layout.placed.values()) assert.ok(placed.fontPx >= 26);
});
