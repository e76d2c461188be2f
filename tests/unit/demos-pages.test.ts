import { test } from "node:test";
import assert from "node:assert/strict";
import { ACCEPT, barShares, parseVisit, routeUrl } from "../../src/features/pages/loads.ts";
import { counterDigits, escapeHtml, newsPage, visitJson, visitOfPage, wallClock, zoneOf } from "../../src/features/pages/newsPage.ts";
import { pagesShown, PagesShownSchema, shownBodies } from "../../src/features/pages/shown.ts";
import * as v from "valibot";
import { addLoad, emptyPagesReport, isRoute, perLoad } from "../../src/features/pages/pageTally.ts";

const visit = { visits: 1234, time: "21:04:05" };

test("the whole page is a complete 2005 document, a few kB, with the update in it", () => {
  const html = newsPage(visit);
  assert.match(html, /^<!DOCTYPE html PUBLIC "-\/\/W3C\/\/DTD XHTML 1\.0 Transitional\/\/EN"/);
  for (const part of ["<head>", "<style", '<div id="topo">', '<ul id="menu">', '<div id="principal">', '<div id="rodape">', "</html>"]) {
    assert.ok(html.includes(part), part);
  }
  assert.equal(html.match(/<div class="noticia">/g)?.length, 6);
  assert.ok(html.includes('<p class="contador" id="visitas">001234</p>'));
  assert.ok(html.includes('<b id="hora">21:04:05</b>'));
  const bytes = Buffer.byteLength(html);
  assert.ok(bytes > 4000 && bytes < 8000, `${bytes} bytes`);
  // Everything else is the same from one load to the next: only the update differs.
  const next = newsPage({ visits: 1235, time: "21:04:09" });
  assert.equal(next.length, html.length);
  assert.notEqual(next, html);
});

test("the page comes in English too, with the very same style (the CSP allows it by one hash)", () => {
  const portuguese = newsPage(visit);
  const english = newsPage(visit, "en");
  assert.equal(newsPage(visit, "pt-br"), portuguese);
  assert.match(english, /<html xmlns="http:\/\/www\.w3\.org\/1999\/xhtml" lang="en" xml:lang="en">/);
  assert.match(english, /<h1>Web Portal 2005<\/h1>/);
  assert.ok(english.includes('You are visitor no. <b>1234</b>. Updated at <b id="hora">21:04:05</b>.'));
  assert.ok(english.includes('<p class="contador" id="visitas">001234</p>'));
  assert.equal(english.match(/<div class="noticia">/g)?.length, 6);
  assert.ok(!/notícias|Você|Enquete/.test(english), "no Portuguese left");
  const style = (html: string) => /<style type="text\/css">([\s\S]*?)<\/style>/.exec(html)?.[1];
  assert.equal(style(english), style(newsPage({ visits: 0, time: "" })));
  const bytes = Buffer.byteLength(english);
  assert.ok(bytes > 4000 && bytes < 8000, `${bytes} bytes`);
});

test("the AJAX answer is the same update and nothing else", () => {
  assert.equal(visitJson(visit), '{"visits":1234,"time":"21:04:05"}');
  assert.deepEqual(parseVisit(visitJson(visit)), visit);
  assert.equal(parseVisit('{"type":"error","code":"rate_limited","message":"…"}'), null);
  assert.equal(parseVisit('{"visits":"1","time":"x"}'), null);
  assert.equal(parseVisit("null"), null);
  assert.equal(parseVisit("<html>"), null);
});

test("whatever goes into the page is escaped", () => {
  assert.equal(escapeHtml(`<script>alert("x") & 'y'</script>`), "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  const html = newsPage({ visits: 7, time: "<img src=x onerror=alert(1)>" });
  assert.ok(!html.includes("<img"));
  assert.ok(html.includes("&lt;img src=x onerror=alert(1)&gt;"));
});

test("the counter has six digits; the clock reads hours, minutes and seconds", () => {
  assert.equal(counterDigits(42), "000042");
  assert.equal(counterDigits(1_234_567), "1234567");
  assert.equal(counterDigits(-3), "000000");
  const at = Date.UTC(2026, 10, 20, 23, 4, 5);
  assert.equal(wallClock(at), "23:04:05 UTC");
});

test("the clock is the viewer's: read in the zone the request names, labelled with its offset", () => {
  const at = Date.UTC(2026, 10, 20, 23, 4, 5);
  assert.equal(wallClock(at, "America/Sao_Paulo"), "20:04:05 GMT-3");
  assert.equal(wallClock(at, "Asia/Kolkata"), "04:34:05 GMT+5:30");
  assert.equal(wallClock(at, "Asia/Tokyo"), "08:04:05 GMT+9");
  const zone = (query: string) => zoneOf(new URLSearchParams(query));
  assert.equal(zone("tz=America/Sao_Paulo"), "America/Sao_Paulo");
  assert.equal(zone("tz=America/Argentina/Buenos_Aires"), "America/Argentina/Buenos_Aires");
  // None, unknown, malformed or twice: UTC, and the clock says so.
  for (const query of ["", "tz=Mars/Olympus_Mons", "tz=../../etc", "tz=%3Cb%3E", `tz=${"A".repeat(80)}`, "tz=UTC&tz=Asia/Tokyo"]) {
    assert.equal(zone(query), "UTC", query);
  }
});

test("the tally adds each load to its route, and averages per load", () => {
  let report = emptyPagesReport();
  assert.equal(perLoad(report.page), null);
  report = addLoad(report, "page", { requestBytes: 600, responseHeadBytes: 330, responseBodyBytes: 5330 });
  report = addLoad(report, "page", { requestBytes: 700, responseHeadBytes: 330, responseBodyBytes: 5330 });
  report = addLoad(report, "data", { requestBytes: 500, responseHeadBytes: 315, responseBodyBytes: 30 });
  assert.deepEqual(report.page, { loads: 2, requestBytes: 1300, responseHeadBytes: 660, responseBodyBytes: 10660 });
  assert.equal(report.data.loads, 1);
  assert.deepEqual(perLoad(report.page), { request: 650, responseHead: 330, responseBody: 5330, response: 5660, total: 6310 });
  assert.deepEqual(perLoad(report.data), { request: 500, responseHead: 315, responseBody: 30, response: 345, total: 845 });
  assert.equal(report.visits, 0, "the counter is the server's to move");
});

test("routes, addresses, what each asks for, and bars on one scale", () => {
  assert.ok(isRoute("page") && isRoute("data"));
  assert.ok(!isRoute("everything") && !isRoute(undefined) && !isRoute("__proto__"));
  assert.equal(routeUrl("/parties/main/K7QXM", "data", "a+b_c-d1"), "/parties/main/K7QXM/pages/data?pid=a%2Bb_c-d1");
  assert.equal(routeUrl("/parties/main/K7QXM", "page", "a+b_c-d1", "en"), "/parties/main/K7QXM/pages/page?pid=a%2Bb_c-d1&lang=en");
  // The viewer's time zone rides along, so the clock in the answer is theirs.
  assert.equal(routeUrl("/parties/main/K7QXM", "data", "p1", "pt-br", "America/Sao_Paulo"), "/parties/main/K7QXM/pages/data?pid=p1&tz=America%2FSao_Paulo");
  assert.match(ACCEPT.page, /^text\/html/);
  assert.equal(ACCEPT.data, "application/json");
  assert.deepEqual(barShares(5000, 500), [1, 0.1]);
  assert.deepEqual(barShares(0, 0), [0, 0]);
});

test("the presenter's loads travel to the projector as their update, and draw the very same page and JSON", () => {
  for (const lang of ["pt-br", "en"] as const) {
    const html = newsPage({ visits: 42, time: "09:08:07" }, lang);
    assert.deepEqual(visitOfPage(html), { visits: 42, time: "09:08:07" });
    const json = visitJson({ visits: 43, time: "09:08:09" });
    const shown = pagesShown({ page: html, data: json }, lang);
    assert.ok(shown);
    const parsed = v.safeParse(PagesShownSchema, JSON.parse(JSON.stringify(shown)));
    assert.ok(parsed.success, "the view is valid");
    assert.deepEqual(shownBodies(parsed.output), { page: html, data: json }, "byte for byte what the presenter got");
  }
  // A time with markup in it comes back as text, and the page escapes it again.
  const odd = newsPage({ visits: 7, time: `<b>"&'` });
  assert.deepEqual(visitOfPage(odd), { visits: 7, time: `<b>"&'` });
  // Only one side loaded: the other box stays empty; nothing loaded, nothing to send.
  assert.deepEqual(pagesShown({ page: null, data: visitJson(visit) }, "pt-br"), { demo: "pages", lang: "pt-br", page: null, data: visit });
  assert.equal(pagesShown({ page: null, data: null }, "pt-br"), null);
  assert.equal(pagesShown({ page: "<html>an error page</html>", data: '{"code":"rate_limited"}' }, "pt-br"), null);
});
