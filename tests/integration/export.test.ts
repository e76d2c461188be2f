/**
 * The presenter's results download against a real `partykit dev`: polls (and whatever features
 * export) as JSON and CSV, only with the presenter key in an Authorization header.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { Tally, TallyExport } from "../../src/features/browsers/tally.ts";
import type { DeliveryExport, DeliveryReport } from "../../src/features/delivery/report.ts";
import type { RoomResults } from "../../src/features/export/results.ts";
import type { PagesReport } from "../../src/features/pages/pageTally.ts";
import type { RequestsExport, RequestsReport } from "../../src/features/requests/exchangeLog.ts";
import type { RttExport, RttReport } from "../../src/features/rtt/report.ts";
import type { DeltaMessage } from "../../src/room/wire.ts";
import { joinAsAudience, participant, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { reportWhere } from "./support.ts";

/** Reactions are another helper's module: once registered, their totals must be in the download. */

let server: PartyServer | undefined;
after(async () => {
  await server?.dispose();
});

const poll = { id: "ja-usou", question: "Você já usou WebSocket?", options: ["Sim", "=Nunca", "Só, brincando"] };

test("polls come out as JSON and CSV; the key goes in a header; bad requests are refused", async () => {
  server = await startPartyServer();
  const { room, presenter } = await roomWithPresenter(server);
  presenter.send({ type: "poll", action: "open", poll });
  await presenter.next((m) => m.type === "delta" && !!m.changes.poll?.open);
  const phones = await Promise.all(["export-phone-01", "export-phone-02", "export-phone-03"].map((pid) => joinAsAudience(server!, room.code, pid)));
  phones.forEach(([socket], i) => socket.send({ type: "vote", poll: poll.id, option: i === 2 ? 1 : 0 }));
  for (const [socket] of phones) await socket.nextOfType("voted");
  await presenter.next((m) => m.type === "delta" && (m as DeltaMessage).changes.poll?.total === 3, 5_000);
  phones[0]![0].send({ type: "react", counts: { "🐍": 2 } });
  await reportWhere<{ totals: Record<string, number> }>(presenter, "reactions", (data) => data.totals["🐍"] === 2, 5_000);
  // A question and a notification: the two exports with times in them.
  phones[1]![0].send({ type: "ask", text: "E o HTTP/3?" });
  await reportWhere<{ open: number }>(presenter, "questions", (data) => data.open === 1, 5_000);
  presenter.send({ type: "notify", kind: "like" });
  await reportWhere<{ notifications: unknown[] }>(presenter, "notify", (data) => data.notifications.length === 1, 5_000);

  const url = `${server.origin}/parties/main/${room.code}/export`;
  const auth = { authorization: `Bearer ${room.key}` };

  const asJson = await fetch(`${url}?format=json`, { headers: auth });
  assert.equal(asJson.status, 200);
  assert.match(asJson.headers.get("content-disposition") ?? "", new RegExp(`attachment; filename="full-duplex-${room.code}\\.json"`));
  const results = (await asJson.json()) as Record<string, unknown>;
  assert.equal(results.room, room.code);
  assert.ok(Math.abs(Date.parse(results.exportedAt as string) - Date.now()) < 60_000);
  assert.deepEqual(results.polls, [{ ...poll, counts: [2, 1, 0], total: 3, open: true }]);
  assert.deepEqual((results.reactions as { totals: Record<string, number> }).totals["🐍"], 2);
  process.stdout.write(`exported modules: ${Object.keys(results).filter((k) => !["room", "exportedAt", "polls"].includes(k)).join(", ") || "(none yet)"}\n`);

  const asCsv = await fetch(`${url}?format=csv`, { headers: auth });
  assert.equal(asCsv.status, 200);
  assert.equal(asCsv.headers.get("content-type"), "text/csv; charset=utf-8");
  const bytes = new Uint8Array(await asCsv.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  const csv = new TextDecoder().decode(bytes); // drops the BOM
  const lines = csv.split("\r\n");
  assert.equal(lines[0], "seção,id,campo,valor");
  assert.ok(lines.includes(`sala,${room.code},código,${room.code}`));
  assert.ok(lines.includes("votação,ja-usou,pergunta,Você já usou WebSocket?"));
  assert.ok(lines.includes("votação,ja-usou,opção 1: Sim,2"));
  assert.ok(lines.includes("votação,ja-usou,opção 2: =Nunca,1"), "a formula only in the middle of a cell stays as is");
  assert.ok(lines.includes('votação,ja-usou,"opção 3: Só, brincando",0'));
  assert.ok(lines.includes("votação,ja-usou,total,3"));
  assert.ok(lines.includes("reações,totais,🐍,2"), "the reactions' totals");
  assert.equal(lines.at(-1), "", "every row ends with CRLF");
  // One language: every feature's name and key is worded in Portuguese, times are ISO 8601.
  const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
  const rows = lines.slice(1, -1).map((line) => line.split(","));
  assert.ok(rows.some(([section, , field, value]) => section === "perguntas" && field === "perguntada em" && ISO.test(value!)), "a question's time");
  assert.ok(rows.some(([section, , field, value]) => section === "notificações" && field === "enviada em" && ISO.test(value!)), "a notification's time");
  assert.ok(rows.some(([section, , field, value]) => section === "notificações" && field === "tipo" && value === "curtida"));
  const english = ["reactions", "totals", "questions", "text", "votes", "status", "askedAt", "notify", "kind", "sentAt", "at", "sent", "audience", "acked", "latency", "true", "false", "open", "like"];
  for (const row of rows) for (const cell of [row[0], ...row[1]!.split("."), row[2], row[3]]) assert.ok(!english.includes(cell!), `English "${cell}" in ${row.join(",")}`);
  for (const row of rows) assert.ok(!/^\d{13}$/.test(row[3]!), `epoch milliseconds in ${row.join(",")}`);
  // The same table in English, when the presenter's page is English.
  const inEnglish = (await (await fetch(`${url}?format=csv&locale=en`, { headers: auth })).text()).split("\r\n");
  assert.equal(inEnglish[0], "section,id,field,value"); // text() drops the BOM
  assert.ok(inEnglish.some((line) => /^notifications,\d+,sent at,\d{4}-/.test(line)));
  assert.ok(inEnglish.some((line) => /^questions,q\d+,asked at,\d{4}-/.test(line)));
  // JSON keeps the data's own keys, with ISO times too.
  const notifications = (results as { notify?: { sentAt: string }[] }).notify;
  assert.match(notifications?.[0]?.sentAt ?? "", ISO);

  // Default format is JSON; the key never works from the URL; wrong keys and formats are refused.
  assert.equal((await fetch(url, { headers: auth })).headers.get("content-type"), "application/json");
  for (const headers of [{}, { authorization: "Bearer wrong-key" }, { authorization: `Basic ${room.key}` }]) {
    const refused = await fetch(`${url}?format=json`, { headers });
    assert.equal(refused.status, 401);
    assert.equal(((await refused.json()) as { code: string }).code, "unauthorized");
  }
  assert.equal((await fetch(`${url}?format=json&key=${encodeURIComponent(room.key)}`)).status, 401);
  const badFormat = await fetch(`${url}?format=xlsx`, { headers: auth });
  assert.equal(badFormat.status, 400);
  assert.equal(((await badFormat.json()) as { code: string }).code, "bad_request");
  assert.equal((await fetch(`${url}?format=json`, { method: "POST", headers: auth })).status, 405);

  // A preflight lets a page on another origin send the header.
  const preflight = await fetch(url, { method: "OPTIONS" });
  assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /authorization/);

  // A room that doesn't exist has nothing to export.
  assert.equal((await fetch(`${server.origin}/parties/main/ZZZZZ/export`, { headers: auth })).status, 404);
});

const PIXEL = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

test("the five demos' final measurements: the boards' totals in the JSON, worded rows in both languages' CSV", async () => {
  server ??= await startPartyServer();
  const { room, presenter } = await roomWithPresenter(server);
  const [phone] = await joinAsAudience(server, room.code, "export-demos-01");
  const pid = await participant(server, room.code, "export-demos-01");
  const base = `${server.origin}/parties/main/${room.code}`;

  // Each demo run once, as a phone would: a browser report, a greeting, a page and its data, a poll, two round trips.
  const reported = await fetch(`${base}/browsers/report`, { method: "POST", headers: { "content-type": "application/json", "user-agent": PIXEL }, body: JSON.stringify({ pid, websocket: true }) });
  assert.equal(reported.status, 200);
  assert.equal((await fetch(`${base}/requests/hello?pid=${pid}`)).status, 200);
  assert.equal((await fetch(`${base}/pages/page?pid=${pid}`)).status, 200);
  assert.equal((await fetch(`${base}/delivery/events?since=0`)).status, 200);
  phone.send({ type: "rtt", ms: 12.5 });
  presenter.send({ type: "rtt", ms: 1.5 });
  const tally = await reportWhere<Tally>(presenter, "browsers", (data) => data.total === 1, 5_000);
  const requests = await reportWhere<RequestsReport>(presenter, "requests", (data) => data.count === 1, 5_000);
  const pages = await reportWhere<PagesReport>(presenter, "pages", (data) => data.page.loads === 1, 5_000);
  const delivery = await reportWhere<DeliveryReport>(presenter, "delivery", (data) => data.lanes.poll.answers === 1, 5_000);
  const rtt = await reportWhere<RttReport>(presenter, "rtt", (data) => data.count === 2, 5_000);

  // The phone leaves: the live distribution drops it, the export keeps the busiest moment.
  await phone.close();
  await reportWhere<RttReport>(presenter, "rtt", (data) => data.count === 1, 5_000);

  const auth = { authorization: `Bearer ${room.key}` };
  const results = (await (await fetch(`${base}/export?format=json`, { headers: auth })).json()) as RoomResults & { browsers: TallyExport; requests: RequestsExport; pages: PagesReport; delivery: DeliveryExport; rtt: RttExport };
  assert.deepEqual(results.browsers, {
    total: 1,
    websocket: 1,
    browsers: [{ browser: tally.browsers[0]!.name, people: 1, websocket: 1 }],
    systems: [{ system: tally.systems[0]!.name, people: 1, websocket: 1 }],
  });
  assert.equal(results.browsers.browsers[0]?.browser, "Chrome");
  assert.deepEqual(results.requests, { requests: 1, refused: 0, requestBytes: requests.requestBytes, responseBytes: requests.responseBytes });
  assert.ok(requests.requestBytes > 0 && requests.responseBytes > 0);
  assert.deepEqual(results.pages, pages);
  assert.equal(results.pages.page.loads, 1);
  const poll = delivery.lanes.poll;
  assert.deepEqual(results.delivery.lanes.poll, {
    requests: 1,
    answers: 1,
    empty: 1,
    frames: 0,
    delivered: 0,
    bytesUp: poll.bytesUp,
    bytesDown: poll.bytesDown,
    bytesPerEvent: null,
    headerBytesPerMessage: poll.headerBytesPerMessage,
    latency: { reports: 0, mean: null, max: null },
  });
  assert.deepEqual(Object.keys(results.delivery.lanes), ["poll", "longpoll", "ws"]);
  assert.deepEqual(results.rtt, {
    devices: 2,
    phones: 1,
    p50: 1.5,
    p95: 12.5,
    max: 12.5,
    buckets: rtt.buckets.map(({ from, to, count }) => ({ from, to, devices: count })),
  });
  // Nothing that says who: no participant id, link id, User-Agent or round.
  const text = JSON.stringify([results.browsers, results.requests, results.pages, results.delivery, results.rtt]);
  for (const secret of [pid, "export-demos", "Mozilla", "round", "recent", "connection"]) assert.ok(!text.includes(secret), `"${secret}" in the demos' export`);

  const csv = async (locale: string) => (await (await fetch(`${base}/export?format=csv&locale=${locale}`, { headers: auth })).text()).split("\r\n");
  const pt = await csv("pt-br");
  for (const line of [
    "navegadores,navegadores.1,navegador,Chrome",
    "navegadores,navegadores.1,pessoas,1",
    "navegadores,sistemas.1,sistema,Android",
    "requisições,,requisições,1",
    "página × AJAX,página inteira,carregamentos,1",
    "entrega de eventos,faixas.Polling,respostas vazias,1",
    "tempo de ida e volta (RTT),,aparelhos,2",
    "tempo de ida e volta (RTT),,mediana p50 (ms),1.5",
    "tempo de ida e volta (RTT),histograma.1,aparelhos,1",
  ]) assert.ok(pt.includes(line), line);
  assert.ok(!pt.some((line) => line.includes("apelido")), "a browser is not a nickname");
  const en = await csv("en");
  for (const line of [
    "browsers,browsers.1,browser,Chrome",
    "requests,,refused (429),0",
    "page × AJAX,data only (AJAX),loads,0",
    "event delivery,lanes.WebSocket,WebSocket frames,0",
    "round-trip time (RTT),,95th percentile (ms),12.5",
  ]) assert.ok(en.includes(line), line);
});
