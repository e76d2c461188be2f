/**
 * The presenter's results download against a real `partykit dev`: polls (and whatever features
 * export) as JSON and CSV, only with the presenter key in an Authorization header.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { DeltaMessage } from "../../src/room/wire.ts";
import { joinAsAudience, roomWithPresenter } from "./rooms.ts";
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
