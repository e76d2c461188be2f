import { test } from "node:test";
import assert from "node:assert/strict";
import { BOM, csvCell, toCsv } from "../../src/features/export/csv.ts";
import { buildResults, parseExportFormat, parseExportLocale, resultsRows } from "../../src/features/export/results.ts";
import { bearerKey } from "../../src/room/http.ts";

test("csvCell quotes only what needs it, RFC 4180 style", () => {
  assert.equal(csvCell("simples"), "simples");
  assert.equal(csvCell("a,b"), '"a,b"');
  assert.equal(csvCell('diz "oi"'), '"diz ""oi"""');
  assert.equal(csvCell("duas\nlinhas"), '"duas\nlinhas"');
  assert.equal(csvCell("cr\r"), '"cr\r"');
  assert.equal(csvCell("ação 🐍"), "ação 🐍");
  assert.equal(csvCell(""), "");
  assert.equal(csvCell(null), "");
});

test("csvCell keeps numbers and booleans as they are, negative numbers included", () => {
  assert.equal(csvCell(17), "17");
  assert.equal(csvCell(-3.5), "-3.5");
  assert.equal(csvCell(Number.NaN), "");
  assert.equal(csvCell(true), "true");
});

test("csvCell defuses text a spreadsheet would run as a formula", () => {
  assert.equal(csvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  assert.equal(csvCell("+1"), "'+1");
  assert.equal(csvCell("-2+3"), "'-2+3");
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvCell("\tcmd"), "'\tcmd");
  assert.equal(csvCell("=1,2"), "\"'=1,2\"");
  assert.equal(csvCell("a=b"), "a=b");
});

test("toCsv: BOM first, CRLF after every row", () => {
  assert.equal(toCsv([["a", 1], ["b,c", null]]), `${BOM}a,1\r\n"b,c",\r\n`);
  assert.equal(toCsv([]), BOM);
});

test("parseExportFormat: json by default, json or csv, anything else refused", () => {
  assert.equal(parseExportFormat(new URLSearchParams("")), "json");
  assert.equal(parseExportFormat(new URLSearchParams("format=json")), "json");
  assert.equal(parseExportFormat(new URLSearchParams("format=csv")), "csv");
  assert.equal(parseExportFormat(new URLSearchParams("format=xml")), null);
  assert.equal(parseExportFormat(new URLSearchParams("format=CSV")), null);
  assert.equal(parseExportFormat(new URLSearchParams("format=csv&format=json")), null);
});

test("parseExportLocale: the CSV's language, Portuguese unless a known locale is asked for", () => {
  assert.equal(parseExportLocale(new URLSearchParams("")), "pt-br");
  assert.equal(parseExportLocale(new URLSearchParams("format=csv&locale=en")), "en");
  assert.equal(parseExportLocale(new URLSearchParams("locale=pt-br")), "pt-br");
  assert.equal(parseExportLocale(new URLSearchParams("locale=fr")), "pt-br");
});

test("bearerKey reads Authorization: Bearer <key> and nothing else", () => {
  assert.equal(bearerKey("Bearer abc-123_X"), "abc-123_X");
  assert.equal(bearerKey("bearer abc"), "abc");
  assert.equal(bearerKey(null), null);
  assert.equal(bearerKey("Basic abc"), null);
  assert.equal(bearerKey("Bearer "), null);
  assert.equal(bearerKey("Bearer a b"), null);
});

const poll = { id: "ja-usou", question: "Você já usou WebSocket?", options: ["Sim", "Nunca"], counts: [3, 1], total: 4, open: false };

test("buildResults: room, time in ISO, polls with exactly their fields, and the other features' exports", () => {
  const results = buildResults("K7QXM", Date.UTC(2026, 10, 23, 21, 4, 5), { polls: [{ ...poll, extra: 1 }, { id: "not a poll" }], reactions: { totals: { "🐍": 2 } } });
  assert.deepEqual(results, {
    room: "K7QXM",
    exportedAt: "2026-11-23T21:04:05.000Z",
    polls: [poll],
    reactions: { totals: { "🐍": 2 } },
  });
});

test("resultsRows: a header, the room, a row per poll option, modules flattened by record id", () => {
  const results = buildResults("K7QXM", 0, {
    polls: [poll],
    reactions: { totals: { "🐍": 2, "👏": 5 } },
    questions: [{ id: "q1", text: "=cmd()", votes: 2 }, { text: "sem id" }],
  });
  assert.deepEqual(resultsRows(results), [
    ["seção", "id", "campo", "valor"],
    ["sala", "K7QXM", "código", "K7QXM"],
    ["sala", "K7QXM", "exportado em", "1970-01-01T00:00:00.000Z"],
    ["votação", "ja-usou", "pergunta", "Você já usou WebSocket?"],
    ["votação", "ja-usou", "aberta", false],
    ["votação", "ja-usou", "opção 1: Sim", 3],
    ["votação", "ja-usou", "opção 2: Nunca", 1],
    ["votação", "ja-usou", "total", 4],
    ["reactions", "totals", "🐍", 2],
    ["reactions", "totals", "👏", 5],
    ["questions", "q1", "id", "q1"],
    ["questions", "q1", "text", "=cmd()"],
    ["questions", "q1", "votes", 2],
    ["questions", "2", "text", "sem id"],
  ]);
  // Through toCsv, the audience's formula is text.
  assert.match(toCsv(resultsRows(results)), /\r\nquestions,q1,text,'=cmd\(\)\r\n/);
});

test("resultsRows in English: the header and the room's and polls' labels; the data as it is", () => {
  const results = buildResults("K7QXM", 0, { polls: [poll], questions: [{ id: "q1", text: "sem id" }] });
  assert.deepEqual(resultsRows(results, "en"), [
    ["section", "id", "field", "value"],
    ["room", "K7QXM", "code", "K7QXM"],
    ["room", "K7QXM", "exported at", "1970-01-01T00:00:00.000Z"],
    ["poll", "ja-usou", "question", "Você já usou WebSocket?"],
    ["poll", "ja-usou", "open", false],
    ["poll", "ja-usou", "option 1: Sim", 3],
    ["poll", "ja-usou", "option 2: Nunca", 1],
    ["poll", "ja-usou", "total", 4],
    ["questions", "q1", "id", "q1"],
    ["questions", "q1", "text", "sem id"],
  ]);
});
