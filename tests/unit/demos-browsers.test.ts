import { test } from "node:test";
import assert from "node:assert/strict";
import * as v from "valibot";
import { describeBrowser, OTHER, shownName } from "../../src/features/browsers/userAgent.ts";
import { browsersStrings } from "../../src/features/browsers/strings.ts";
import { BrowserReportSchema, tally, type Participant } from "../../src/features/browsers/tally.ts";

const AGENTS: [ua: string, browser: string, version: number | null, os: string][] = [
  ["Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome", 131, "Android"],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari", 17, "iOS"],
  ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1", "Chrome", 126, "iOS"],
  ["Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0", "Firefox", 128, "Android"],
  ["Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "Samsung Internet", 25, "Android"],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge", 131, "Windows"],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0", "Opera", 115, "macOS"],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari", 18, "macOS"],
  ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox", 133, "Linux"],
  ["Python/3.11 websockets/10.4", "other", null, "other"],
];

test("a User-Agent names its browser, major version and system; look-alikes are told apart", () => {
  for (const [ua, browser, version, os] of AGENTS) {
    assert.deepEqual(describeBrowser(ua), { browser, version, os }, ua);
  }
  assert.deepEqual(describeBrowser(null), { browser: "other", version: null, os: "other" });
});

test("the tally counts participants, most common first, with how many have WebSocket", () => {
  const people = new Map<string, Participant>([
    ["a", { browser: "Chrome", version: 131, os: "Android", websocket: true }],
    ["b", { browser: "Safari", version: 17, os: "iOS", websocket: true }],
    ["c", { browser: "Chrome", version: 120, os: "Windows", websocket: true }],
    ["d", { browser: "other", version: null, os: "other", websocket: false }],
  ]);
  const result = tally(people, 2);
  assert.equal(result.round, 2);
  assert.equal(result.total, 4);
  assert.equal(result.websocket, 3);
  assert.deepEqual(result.browsers, [
    { name: "Chrome", count: 2, websocket: 2 },
    { name: "other", count: 1, websocket: 0 },
    { name: "Safari", count: 1, websocket: 1 },
  ]);
  assert.deepEqual(result.systems.map((row) => row.name), ["Android", "iOS", "other", "Windows"]);
  assert.deepEqual(tally(new Map(), 0), { round: 0, total: 0, websocket: 0, browsers: [], systems: [] });
});

test("a report is exactly {pid, websocket}", () => {
  assert.ok(v.is(BrowserReportSchema, { pid: "A".repeat(38), websocket: true }));
  for (const bad of [{}, { pid: "short", websocket: true }, { pid: "A".repeat(38), websocket: "yes" }, { pid: "A".repeat(38), websocket: true, extra: 1 }, null, []]) {
    assert.ok(!v.is(BrowserReportSchema, bad), JSON.stringify(bad));
  }
});

test("an unnamed browser is a token on the wire and a word on the page, in its language", () => {
  assert.equal(describeBrowser("curl/8.5.0").browser, OTHER);
  assert.equal(shownName(OTHER, browsersStrings["pt-br"].other), "Outro");
  assert.equal(shownName(OTHER, browsersStrings.en.other), "Other");
  assert.equal(shownName("Firefox", browsersStrings.en.other), "Firefox");
  assert.equal(browsersStrings["pt-br"].you("Chrome 131", "Android", true), "Você: Chrome 131 · Android · ✓ fala WebSocket");
  assert.equal(browsersStrings.en.you("Safari 17", "iOS", false), "You: Safari 17 · iOS · ✗ no WebSocket");
});
