import { test } from "node:test";
import assert from "node:assert/strict";
import { addExchange, emptyRequestsReport, nextExchangeId, publicPath, RECENT_MAX } from "../../src/features/requests/exchangeLog.ts";
import { formatByteCount, formatBytes, formatMs, formatRatio, statusLine } from "../../src/features/measure/format.ts";
import { helloUrl, parseHello, refusalOf, requestLine } from "../../src/features/requests/hello.ts";
import { helloStrings, refusalStrings } from "../../src/features/requests/strings.ts";
import { langOf } from "../../src/i18n/param.ts";
import { responseSize } from "../../src/features/measure/measuredFetch.ts";
import { ParticipantNames } from "../../src/features/requests/participantNames.ts";
import { HTTP_RATE, KeyedLimiter } from "../../src/room/keyedLimiter.ts";
import { requestSize, sizedResponse } from "../../src/features/measure/bytes.ts";

const exchange = (status: number, requestBytes = 500, responseBytes = 200) => ({
  method: "GET",
  path: "/parties/main/K7QXM/requests/hello?pid=…",
  status,
  requestBytes,
  responseBytes,
  at: 1_000,
  who: { device: "phone", n: 1 } as const,
});

test("the log numbers exchanges, keeps the newest few first, and totals every one", () => {
  let report = emptyRequestsReport();
  assert.equal(nextExchangeId(report), 1);
  for (let i = 0; i < RECENT_MAX + 3; i++) report = addExchange(report, exchange(i === 4 ? 429 : 200, 500 + i, 200));
  assert.equal(report.count, RECENT_MAX + 3);
  assert.equal(nextExchangeId(report), RECENT_MAX + 4);
  assert.equal(report.refused, 1);
  assert.equal(report.recent.length, RECENT_MAX);
  assert.deepEqual(report.recent.map((e) => e.id), [11, 10, 9, 8, 7, 6, 5, 4]);
  assert.equal(report.requestBytes, Array.from({ length: 11 }, (_, i) => 500 + i).reduce((a, b) => a + b));
  assert.equal(report.responseBytes, 11 * 200);
  assert.equal(report.recent.find((e) => e.id === 5)!.status, 429);
});

test("the projector's path names the route, never the participant id nor anything else from the query", () => {
  assert.equal(publicPath("/parties/main/K7QXM/requests/hello"), "/parties/main/K7QXM/requests/hello?pid=…");
});

test("people get short anonymous names, phones and other browsers numbered apart, kept per id", () => {
  const names = new ParticipantNames(3);
  const name = (pid: string, onPhone: () => boolean) => helloStrings["pt-br"].sender(names.nameOf(pid, onPhone));
  assert.equal(name("phone-aaaa", () => true), "celular 1");
  assert.equal(name("laptop-bbb", () => false), "navegador 1");
  assert.equal(name("phone-cccc", () => true), "celular 2");
  assert.equal(name("phone-aaaa", () => assert.fail("a known id is not looked up again")), "celular 1");
  // Bounded: a fourth id forgets the oldest, which comes back under a new number.
  assert.equal(name("phone-dddd", () => true), "celular 3");
  assert.equal(names.size, 3);
  assert.equal(name("phone-aaaa", () => true), "celular 4");
  names.clear();
  assert.equal(name("phone-cccc", () => true), "celular 1");
  // The record keeps data; each screen names it in its own language.
  assert.deepEqual(names.nameOf("phone-cccc", () => true), { device: "phone", n: 1 });
  assert.equal(helloStrings.en.sender({ device: "phone", n: 4 }), "phone 4");
  assert.equal(helloStrings.en.sender({ device: "browser", n: 1 }), "browser 1");
  assert.equal(helloStrings.en.greeting("phone 4"), "Hello, phone 4!");
});

test("each participant id has its own bucket: a burst, then the steady rate, then 429", () => {
  const limiter = new KeyedLimiter();
  const burst = Array.from({ length: HTTP_RATE.burst + 1 }, () => limiter.allow("thumb-0001", 0));
  assert.deepEqual(burst, [...Array<boolean>(HTTP_RATE.burst).fill(true), false]);
  assert.equal(limiter.allow("another-01", 0), true, "someone else is not slowed down");
  assert.equal(limiter.allow("thumb-0001", 100), false);
  assert.equal(limiter.allow("thumb-0001", 500), true, "half a second later: one more token at 2/s");
  assert.equal(limiter.allow("thumb-0001", 600), false);
  // A script that never lets up is refused, never "closed": HTTP has nothing to close.
  for (let i = 0; i < 500; i++) assert.equal(limiter.allow("thumb-0001", 600), false);
  assert.equal(limiter.allow("thumb-0001", 10_000), true);
});

test("the limiter forgets the quietest ids past its bound", () => {
  const limiter = new KeyedLimiter(HTTP_RATE, 2);
  for (let i = 0; i < HTTP_RATE.burst; i++) limiter.allow("busy-id-01", 0);
  limiter.allow("other-id-1", 0);
  limiter.allow("other-id-2", 0);
  assert.equal(limiter.size, 2);
  assert.equal(limiter.allow("busy-id-01", 0), true, "forgotten, so it starts with a full bucket");
  limiter.clear();
  assert.equal(limiter.size, 0);
});

test("the server counts a request's line and headers as received, without the platform's own", () => {
  const request = {
    method: "GET",
    url: "http://127.0.0.1:1999/parties/main/K7QXM/requests/hello?pid=abcdefgh",
    headers: new Headers({ host: "127.0.0.1:1999", accept: "*/*", "cf-connecting-ip": "1.2.3.4", "x-forwarded-for": "1.2.3.4" }),
  };
  const expected = "GET /parties/main/K7QXM/requests/hello?pid=abcdefgh HTTP/1.1\r\naccept: */*\r\nhost: 127.0.0.1:1999\r\n\r\n";
  assert.equal(requestSize(request), Buffer.byteLength(expected));
});

test("a sized response is sent uncompressed and knows its bytes: status line, headers, content-length, body", async () => {
  const text = JSON.stringify({ message: "Olá!" });
  const { response, headBytes, bodyBytes } = sizedResponse(200, text, { "content-type": "application/json" });
  assert.equal(response.headers.get("content-encoding"), "identity");
  assert.equal(await response.text(), text);
  assert.equal(bodyBytes, Buffer.byteLength(text));
  assert.equal(bodyBytes, text.length + 1, "á is two bytes in UTF-8");
  const head = `HTTP/1.1 200 OK\r\ncontent-encoding: identity\r\ncontent-type: application/json\r\ncontent-length: ${bodyBytes}\r\n\r\n`;
  assert.equal(headBytes, Buffer.byteLength(head));
});

test("the phone counts the headers that arrived, and the body as the browser measured it", () => {
  const headers = new Headers({ "content-type": "application/json", "content-length": "30" });
  const body = '{"visits":1234,"time":"21:04"}';
  const head = "HTTP/1.1 200 OK\r\ncontent-length: 30\r\ncontent-type: application/json\r\n\r\n";
  assert.deepEqual(responseSize(200, headers, body, 30), { responseBytes: Buffer.byteLength(head) + 30, bodyBytes: 30, source: "resourceTiming" });
  // Compressed on the way: the body is what travelled, not what the script reads.
  const gzipped = new Headers({ "content-type": "text/html", "content-encoding": "gzip" });
  const gzippedHead = "HTTP/1.1 200 OK\r\ncontent-encoding: gzip\r\ncontent-type: text/html\r\ncontent-length: 2254\r\n\r\n";
  assert.deepEqual(responseSize(200, gzipped, "x".repeat(5332), 2254), { responseBytes: Buffer.byteLength(gzippedHead) + 2254, bodyBytes: 2254, source: "resourceTiming" });
  // The browser does not tell (0 or no entry): Content-Length, else the text's UTF-8 length.
  assert.deepEqual(responseSize(200, headers, body, 0), { responseBytes: Buffer.byteLength(head) + 30, bodyBytes: 30, source: "counted" });
  const bare = responseSize(200, [], "olá", undefined);
  assert.deepEqual(bare, { responseBytes: Buffer.byteLength("HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\n") + 4, bodyBytes: 4, source: "counted" });
});

test("the phone's address, request line and reading of the answer", () => {
  const url = helloUrl("/parties/main/K7QXM", "a+b/c_d-e");
  assert.equal(url, "/parties/main/K7QXM/requests/hello?pid=a%2Bb%2Fc_d-e");
  assert.equal(helloUrl("/parties/main/K7QXM", "a+b/c_d-e", "pt-br"), url, "Portuguese, the default, goes without lang");
  assert.equal(helloUrl("/parties/main/K7QXM", "a+b/c_d-e", "en"), `${url}&lang=en`);
  assert.equal(requestLine("GET", url, "http://192.168.0.10:1999/join/"), "GET /parties/main/K7QXM/requests/hello?pid=a%2Bb%2Fc_d-e HTTP/1.1");
  assert.equal(requestLine("GET", "https://rooms.example/parties/main/K7QXM/x?y=1", "http://site.example/"), "GET /parties/main/K7QXM/x?y=1 HTTP/1.1");
  const hello = { message: "Olá, celular 3!", number: 12, who: "celular 3", requestBytes: 498 };
  assert.deepEqual(parseHello(JSON.stringify(hello)), hello);
  assert.equal(parseHello('{"message":"x","number":"12","who":"y","requestBytes":1}'), null);
  assert.equal(parseHello("[]"), null);
  assert.equal(parseHello("<html>"), null);
});

test("the server reads the page's language from `lang`: none is Portuguese, an unknown one is refused", () => {
  assert.equal(langOf(new URLSearchParams("pid=x")), "pt-br");
  assert.equal(langOf(new URLSearchParams("pid=x&lang=en")), "en");
  assert.equal(langOf(new URLSearchParams("lang=pt-br")), "pt-br");
  assert.equal(langOf(new URLSearchParams("lang=fr")), null);
  assert.equal(langOf(new URLSearchParams("lang=EN")), null);
  assert.equal(langOf(new URLSearchParams("lang=en&lang=en")), null);
  assert.equal(langOf(new URLSearchParams("lang=__proto__")), null);
});

test("a refusal reads by status, the room's code and its detail key, in each language", () => {
  const limited = refusalOf(429, '{"type":"error","code":"rate_limited"}');
  assert.deepEqual(limited, { status: 429, code: "rate_limited", detail: null });
  assert.equal(refusalStrings["pt-br"].refusal(limited), "Requisições demais: vá mais devagar");
  assert.equal(refusalStrings.en.refusal(limited), "Too many requests, slow down");
  const pid = refusalOf(400, '{"type":"error","code":"bad_request","detail":"pid"}');
  assert.equal(refusalStrings["pt-br"].refusal(pid), "Requisição inválida (pid)");
  assert.equal(refusalStrings.en.refusal(pid), "Invalid request (pid)");
  const busy = refusalOf(503, '{"type":"error","code":"bad_request","detail":"held_max_300"}');
  assert.equal(refusalStrings.en.refusal(busy), "The server is busy, try again in a moment");
  const bare = refusalOf(502, "<html>Bad gateway</html>");
  assert.deepEqual(bare, { status: 502, code: null, detail: null });
  assert.equal(refusalStrings["pt-br"].refusal(bare), "HTTP 502");
  assert.equal(refusalStrings.en.refusal(bare), "HTTP 502");
  assert.equal(refusalStrings.en.refusal(refusalOf(400, '{"type":"error","code":"__proto__"}')), "HTTP 400");
});

test("numbers are written the Brazilian way", () => {
  assert.equal(formatBytes(512), "512 B");
  assert.equal(formatBytes(6132), "6,1 kB");
  assert.equal(formatBytes(1_250_000), "1,3 MB");
  assert.equal(formatByteCount(6132), "6.132 bytes");
  assert.equal(formatByteCount(1), "1 byte");
  assert.equal(formatMs(43.4), "43 ms");
  assert.equal(formatMs(1234), "1,2 s");
  assert.equal(formatRatio(5657, 345), "16×");
  assert.equal(formatRatio(6200, 900), "6,9×");
  assert.equal(formatRatio(100, 0), null);
  assert.equal(statusLine(200), "200 OK");
  assert.equal(statusLine(429), "429 Too Many Requests");
  assert.equal(statusLine(200, "Okay"), "200 Okay");
  assert.equal(statusLine(418), "418");
});

test("numbers are written the English way on English pages", () => {
  assert.equal(formatBytes(6132, "en"), "6.1 kB");
  assert.equal(formatByteCount(6132, "en"), "6,132 bytes");
  assert.equal(formatMs(1234, "en"), "1.2 s");
  assert.equal(formatRatio(6200, 900, "en"), "6.9×");
});
