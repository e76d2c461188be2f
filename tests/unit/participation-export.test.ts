import { test } from "node:test";
import assert from "node:assert/strict";
import { BOM, csvCell, toCsv } from "../../src/features/export/csv.ts";
import { buildResults, parseExportFormat, parseExportLocale, resultsRows } from "../../src/features/export/results.ts";
import { exportStrings } from "../../src/features/export/strings.ts";
import { tally, tallyExport } from "../../src/features/browsers/tally.ts";
import { deliveryExport } from "../../src/features/delivery/report.ts";
import { emptyCounters, laneReport } from "../../src/features/delivery/stats.ts";
import { requestsExport } from "../../src/features/requests/exchangeLog.ts";
import { rttExport } from "../../src/features/rtt/report.ts";
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

test("resultsRows: a header, the room, a row per poll option, modules flattened by record id, all in Portuguese", () => {
  const results = buildResults("K7QXM", 0, {
    polls: [poll],
    reactions: { totals: { "🐍": 2, "👏": 5 } },
    questions: [{ id: "q1", text: "=cmd()", votes: 2, status: "answered" }, { text: "sem id" }],
  });
  assert.deepEqual(resultsRows(results), [
    ["seção", "id", "campo", "valor"],
    ["sala", "K7QXM", "código", "K7QXM"],
    ["sala", "K7QXM", "exportado em", "1970-01-01T00:00:00.000Z"],
    ["votação", "ja-usou", "pergunta", "Você já usou WebSocket?"],
    ["votação", "ja-usou", "aberta", "não"],
    ["votação", "ja-usou", "opção 1: Sim", 3],
    ["votação", "ja-usou", "opção 2: Nunca", 1],
    ["votação", "ja-usou", "total", 4],
    ["reações", "totais", "🐍", 2],
    ["reações", "totais", "👏", 5],
    ["perguntas", "q1", "id", "q1"],
    ["perguntas", "q1", "texto", "=cmd()"],
    ["perguntas", "q1", "votos", 2],
    ["perguntas", "q1", "situação", "respondida"],
    ["perguntas", "2", "texto", "sem id"],
  ]);
  // Through toCsv, the audience's formula is text.
  assert.match(toCsv(resultsRows(results)), /\r\nperguntas,q1,texto,'=cmd\(\)\r\n/);
});

test("resultsRows in English: every label, key and yes/no in English; the data as it is", () => {
  const results = buildResults("K7QXM", 0, { polls: [poll], questions: [{ id: "q1", text: "sem id", status: "open", askedAt: "1970-01-01T00:00:00.000Z" }] });
  assert.deepEqual(resultsRows(results, "en"), [
    ["section", "id", "field", "value"],
    ["room", "K7QXM", "code", "K7QXM"],
    ["room", "K7QXM", "exported at", "1970-01-01T00:00:00.000Z"],
    ["poll", "ja-usou", "question", "Você já usou WebSocket?"],
    ["poll", "ja-usou", "open", "no"],
    ["poll", "ja-usou", "option 1: Sim", 3],
    ["poll", "ja-usou", "option 2: Nunca", 1],
    ["poll", "ja-usou", "total", 4],
    ["questions", "q1", "id", "q1"],
    ["questions", "q1", "text", "sem id"],
    ["questions", "q1", "status", "open"],
    ["questions", "q1", "asked at", "1970-01-01T00:00:00.000Z"],
  ]);
});

/** One export of every feature that exports, shaped as their servers make it (each feature's server.ts). */
const everyFeature = {
  polls: [poll],
  reactions: { totals: { "🐍": 2 }, total: 2, slides: [{ slide: 41, totals: { "🐍": 2 }, total: 2 }] },
  attendance: { startedAt: "2026-11-23T21:00:00.000Z", minutes: [{ minute: 0, people: 3 }], peak: 3 },
  questions: [{ id: "q1", text: "E o HTTP/3?", votes: 1, status: "hidden", askedAt: "2026-11-23T21:04:05.000Z" }],
  notify: [{ id: 3, kind: "like", sentAt: "2026-11-23T21:05:00.000Z", sent: 41, audience: 40, acked: 38, latency: { mean: 23, max: 140 } }],
  cloud: [{ id: "para-que", prompt: "Para quê?", answers: 5, others: 0, words: [{ id: "websocket", text: "WebSocket", count: 4, hidden: false }, { id: "palavrao", text: "Palavrão", count: 1, hidden: true }] }],
  pointer: [{ id: 32, strokes: 2, points: 57 }],
  quiz: {
    questions: [
      {
        id: "mascara",
        question: "Quem mascara os frames?",
        seconds: 20,
        startedAt: "2026-11-23T21:06:00.000Z",
        answered: 3,
        options: [
          { text: "O servidor", answers: 1, correct: false },
          { text: "O cliente", answers: 2, correct: true },
        ],
      },
    ],
    leaderboard: [
      { rank: 1, player: 2, name: "Ana", hidden: false, points: 1912 },
      { rank: 2, player: 1, name: null, hidden: false, points: 0 },
    ],
  },
  // The demos' final measurements, made by their own export functions.
  browsers: tallyExport(
    tally(
      new Map([
        ["p1", { browser: "Chrome", version: 131, os: "Android", websocket: true }],
        ["p2", { browser: "other", version: null, os: "other", websocket: false }],
      ]),
      1,
    ),
  ),
  requests: requestsExport({ count: 4, refused: 1, requestBytes: 2000, responseBytes: 1200, recent: [] }),
  pages: { page: { loads: 1, requestBytes: 400, responseHeadBytes: 150, responseBodyBytes: 4500 }, data: { loads: 1, requestBytes: 400, responseHeadBytes: 150, responseBodyBytes: 45 }, visits: 2 },
  delivery: deliveryExport({
    running: false,
    last: null,
    held: 0,
    lanes: {
      poll: laneReport("poll", { ...emptyCounters(), requests: 4, answers: 4, empty: 3, delivered: 1, bytesUp: 1600, bytesDown: 800, headerBytesUp: 1600, headerBytesDown: 600, latencyCount: 1, latencySum: 900, latencyMax: 900 }, 1),
      longpoll: laneReport("longpoll", emptyCounters(), 0),
      ws: laneReport("ws", { ...emptyCounters(), frames: 1, delivered: 1, bytesDown: 30, headerBytesDown: 2, latencyCount: 1, latencySum: 15, latencyMax: 15 }, 1),
    },
  }),
  rtt: rttExport([
    { ms: 12.5, at: 0, connection: "link-a", phone: true },
    { ms: 140, at: 0, connection: "link-b", phone: false },
  ]),
};

test("one language per export: no key of any feature's export goes out untranslated, in either language", () => {
  const results = buildResults("K7QXM", Date.UTC(2026, 10, 23, 21, 4, 5), everyFeature);
  const keys = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") for (const [key, inner] of Object.entries(value)) (keys.add(key), collect(inner));
  };
  for (const [module, data] of Object.entries(everyFeature)) if (module !== "polls") (keys.add(module), collect(data));
  keys.delete("🐍"); // data, not a word
  for (const locale of ["pt-br", "en"] as const) {
    const words = exportStrings[locale].words;
    for (const key of keys) assert.ok(Object.hasOwn(words, key), `${locale}: no word for "${key}"`);
  }
  // In Portuguese, none of the data's English keys or values is left in a label or a worded value.
  const english = new Set([...keys, "open", "answered", "hidden", "email", "message", "like", "other", "true", "false"].filter((key) => exportStrings["pt-br"].words[key] !== key));
  // The room's own ids are data, kept as they are (a cloud's word "websocket"), wherever they show.
  const ids = new Set<string>();
  const collectIds = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collectIds);
    else if (value && typeof value === "object") for (const [key, inner] of Object.entries(value)) (key === "id" ? ids.add(String(inner)) : collectIds(inner));
  };
  collectIds(everyFeature);
  for (const row of resultsRows(results, "pt-br").slice(1)) {
    const [section, id, field, value] = row.map(String) as [string, string, string, string];
    const worded = [section, ...id.split(".").filter((part) => !ids.has(part)), field, ...(field === "id" ? [] : [value])];
    for (const label of worded) assert.ok(!english.has(label), `English "${label}" in ${row.join(",")}`);
  }
  assert.deepEqual(resultsRows(results, "pt-br").filter((row) => row[0] === "notificações"), [
    ["notificações", "3", "id", 3],
    ["notificações", "3", "tipo", "curtida"],
    ["notificações", "3", "enviada em", "2026-11-23T21:05:00.000Z"],
    ["notificações", "3", "conexões que receberam", 41],
    ["notificações", "3", "pessoas na sala", 40],
    ["notificações", "3", "confirmaram", 38],
    ["notificações", "3.latência (ms)", "média", 23],
    ["notificações", "3.latência (ms)", "máxima", 140],
  ]);
  assert.deepEqual(resultsRows(results, "pt-br").filter((row) => row[0] === "desenhos"), [
    ["desenhos", "32", "id", 32],
    ["desenhos", "32", "traços", 2],
    ["desenhos", "32", "pontos", 57],
  ]);
  // A word's id is data: "websocket" stays as the room wrote it, though `websocket` is also a key with a word.
  assert.ok(resultsRows(results, "pt-br").some((row) => row[1] === "para-que.palavras.websocket" && row[2] === "texto"));
  // Each cloud's words with their counts, hidden ones marked.
  assert.deepEqual(resultsRows(results, "pt-br").filter((row) => row[0] === "nuvem de palavras" && String(row[1]).includes("palavrao")), [
    ["nuvem de palavras", "para-que.palavras.palavrao", "id", "palavrao"],
    ["nuvem de palavras", "para-que.palavras.palavrao", "texto", "Palavrão"],
    ["nuvem de palavras", "para-que.palavras.palavrao", "vezes", 1],
    ["nuvem de palavras", "para-que.palavras.palavrao", "escondida", "sim"],
  ]);
});

test("the demos in the CSV: a row per browser and system (not a nickname), lanes and histogram by name, in both languages", () => {
  const results = buildResults("K7QXM", Date.UTC(2026, 10, 23, 21, 4, 5), everyFeature);
  const section = (locale: "pt-br" | "en", name: string) => resultsRows(results, locale).filter((row) => row[0] === name);
  assert.deepEqual(section("pt-br", "navegadores"), [
    ["navegadores", "", "total", 2],
    ["navegadores", "", "com WebSocket", 1],
    ["navegadores", "navegadores.1", "navegador", "Chrome"],
    ["navegadores", "navegadores.1", "pessoas", 1],
    ["navegadores", "navegadores.1", "com WebSocket", 1],
    ["navegadores", "navegadores.2", "navegador", "outro"],
    ["navegadores", "navegadores.2", "pessoas", 1],
    ["navegadores", "navegadores.2", "com WebSocket", 0],
    ["navegadores", "sistemas.1", "sistema", "Android"],
    ["navegadores", "sistemas.1", "pessoas", 1],
    ["navegadores", "sistemas.1", "com WebSocket", 1],
    ["navegadores", "sistemas.2", "sistema", "outro"],
    ["navegadores", "sistemas.2", "pessoas", 1],
    ["navegadores", "sistemas.2", "com WebSocket", 0],
  ]);
  assert.deepEqual(section("en", "browsers").slice(2, 4), [
    ["browsers", "browsers.1", "browser", "Chrome"],
    ["browsers", "browsers.1", "people", 1],
  ]);
  assert.deepEqual(section("pt-br", "requisições"), [
    ["requisições", "", "requisições", 4],
    ["requisições", "", "recusadas (429)", 1],
    ["requisições", "", "bytes das requisições", 2000],
    ["requisições", "", "bytes das respostas", 1200],
  ]);
  assert.deepEqual(section("en", "page × AJAX").slice(0, 4), [
    ["page × AJAX", "whole page", "loads", 1],
    ["page × AJAX", "whole page", "request bytes", 400],
    ["page × AJAX", "whole page", "response header bytes", 150],
    ["page × AJAX", "whole page", "response body bytes", 4500],
  ]);
  assert.deepEqual(section("pt-br", "entrega de eventos").filter((row) => row[1] === "faixas.Polling"), [
    ["entrega de eventos", "faixas.Polling", "requisições", 4],
    ["entrega de eventos", "faixas.Polling", "respostas", 4],
    ["entrega de eventos", "faixas.Polling", "respostas vazias", 3],
    ["entrega de eventos", "faixas.Polling", "quadros WebSocket", 0],
    ["entrega de eventos", "faixas.Polling", "eventos entregues", 1],
    ["entrega de eventos", "faixas.Polling", "bytes de subida", 1600],
    ["entrega de eventos", "faixas.Polling", "bytes de descida", 800],
    ["entrega de eventos", "faixas.Polling", "bytes por evento", 2400],
    ["entrega de eventos", "faixas.Polling", "bytes de cabeçalho por mensagem", 550],
  ]);
  assert.deepEqual(section("en", "event delivery").filter((row) => row[1] === "lanes.WebSocket.latency (ms)"), [
    ["event delivery", "lanes.WebSocket.latency (ms)", "measurements", 1],
    ["event delivery", "lanes.WebSocket.latency (ms)", "mean", 15],
    ["event delivery", "lanes.WebSocket.latency (ms)", "max", 15],
  ]);
  assert.deepEqual(section("pt-br", "tempo de ida e volta (RTT)").slice(0, 8), [
    ["tempo de ida e volta (RTT)", "", "aparelhos", 2],
    ["tempo de ida e volta (RTT)", "", "celulares", 1],
    ["tempo de ida e volta (RTT)", "", "mediana p50 (ms)", 12.5],
    ["tempo de ida e volta (RTT)", "", "percentil 95 (ms)", 140],
    ["tempo de ida e volta (RTT)", "", "máxima", 140],
    ["tempo de ida e volta (RTT)", "histograma.1", "de (ms)", 0],
    ["tempo de ida e volta (RTT)", "histograma.1", "até (ms)", 10],
    ["tempo de ida e volta (RTT)", "histograma.1", "aparelhos", 0],
  ]);
  // Nothing in the demos' rows says who: no participant, link or User-Agent.
  const text = JSON.stringify(resultsRows(results, "pt-br").filter((row) => ["navegadores", "requisições", "página × AJAX", "entrega de eventos", "tempo de ida e volta (RTT)"].includes(String(row[0]))));
  for (const secret of ["p1", "link-a", "round", "rodada", "Mozilla"]) assert.ok(!text.includes(secret), secret);
});

test("the quiz in the CSV: each question's answers per option, the right one marked, and the ranking", () => {
  const rows = resultsRows(buildResults("K7QXM", Date.UTC(2026, 10, 23, 21, 4, 5), everyFeature), "pt-br").filter((row) => row[0] === "quiz");
  assert.deepEqual(rows, [
    ["quiz", "perguntas.mascara", "id", "mascara"],
    ["quiz", "perguntas.mascara", "pergunta", "Quem mascara os frames?"],
    ["quiz", "perguntas.mascara", "segundos", 20],
    ["quiz", "perguntas.mascara", "começou em", "2026-11-23T21:06:00.000Z"],
    ["quiz", "perguntas.mascara", "responderam", 3],
    ["quiz", "perguntas.mascara.alternativas.1", "texto", "O servidor"],
    ["quiz", "perguntas.mascara.alternativas.1", "respostas", 1],
    ["quiz", "perguntas.mascara.alternativas.1", "certa", "não"],
    ["quiz", "perguntas.mascara.alternativas.2", "texto", "O cliente"],
    ["quiz", "perguntas.mascara.alternativas.2", "respostas", 2],
    ["quiz", "perguntas.mascara.alternativas.2", "certa", "sim"],
    ["quiz", "placar.1", "posição", 1],
    ["quiz", "placar.1", "jogador", 2],
    ["quiz", "placar.1", "apelido", "Ana"],
    ["quiz", "placar.1", "escondida", "não"],
    ["quiz", "placar.1", "pontos", 1912],
    ["quiz", "placar.2", "posição", 2],
    ["quiz", "placar.2", "jogador", 1],
    ["quiz", "placar.2", "apelido", null],
    ["quiz", "placar.2", "escondida", "não"],
    ["quiz", "placar.2", "pontos", 0],
  ]);
});

test("times are ISO 8601 everywhere in the export: no epoch milliseconds", () => {
  const rows = resultsRows(buildResults("K7QXM", Date.UTC(2026, 10, 23, 21, 4, 5), everyFeature), "en");
  const timeFields = rows.filter((row) => /\bat$/.test(String(row[2])));
  assert.deepEqual(timeFields.map((row) => row[2]), ["exported at", "started at", "asked at", "sent at", "started at"]);
  for (const row of timeFields) assert.match(String(row[3]), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, row.join(","));
  // No number in the table is big enough to be a clock reading (ms since 1970).
  for (const row of rows) if (typeof row[3] === "number") assert.ok(row[3] < 1e11, row.join(","));
});
