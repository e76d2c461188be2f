/**
 * The word cloud against a real `partykit dev`: 50 phones send up to three answers each in mixed
 * spellings; the counts are exact after normalisation, a fourth answer is refused, the reports
 * are coalesced, a hidden word never reaches a phone or the projector, only the presenter may
 * hide, and the answers survive a killed server.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { CloudReport } from "../../src/features/cloud/rules.ts";
import { CLOUD_REPORT_MS, wordKey } from "../../src/features/cloud/rules.ts";
import { joinAsAudience, joinAsPresenter, joinAsScreen, joinPhones, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { foldedReport, foldedWhere, isReport, sleep, until } from "./support.ts";

const servers: PartyServer[] = [];
after(async () => {
  for (const server of servers.reverse()) await server.dispose();
});

const cloud = { id: "para-que", prompt: "Para que você usaria WebSocket?" };
const PHONES = 50;
/** Spellings that meet, by the key they meet under. */
const SPELLINGS: Record<string, string[]> = {
  websocket: ["WebSocket", "websocket ", "WebSockets", "WEBSOCKET!"],
  chat: ["Chat", "chats", "chat.", "CHAT"],
  "jogo online": ["Jogos online", "jogo online", "Jogos Online"],
  notificacao: ["notificações", "Notificação", "notificacao"],
  dashboard: ["Dashboards", "dashboard"],
  iot: ["IoT", "iot"],
  palavrao: ["Palavrão"],
};
const KEYS = Object.keys(SPELLINGS);

/** Phone i's answers: 1 to 3 of them, different keys, spellings rotating. */
function answersOf(i: number): string[] {
  const count = 1 + (i % 3);
  return Array.from({ length: count }, (_, k) => {
    const key = KEYS[(i + k * 2) % KEYS.length]!;
    const spellings = SPELLINGS[key]!;
    return spellings[(i + k) % spellings.length]!;
  });
}

/** The cloud's words by key → count, as a report shows them. */
function countsIn(report: CloudReport | null): Record<string, number> {
  const words = report?.clouds[cloud.id]?.words ?? {};
  return Object.fromEntries(Object.values(words).map((word) => [word.key, word.count]));
}

test("50 phones answer in mixed spellings: exact counts, coalesced reports, a fourth answer refused, hidden words kept from phones and the projector", async () => {
  const server = await startPartyServer();
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);
  const [screen] = await joinAsScreen(server, room);
  presenter.send({ type: "cloud", action: "show", cloud });
  await foldedWhere(presenter, "cloud", (report) => report.clouds[cloud.id] !== undefined);

  const phones = await joinPhones(server, room.code, PHONES);
  const watcher = phones[0]![0];
  await foldedWhere(watcher, "cloud", (report) => report.clouds[cloud.id]?.answers === 0);
  const watcherBefore = watcher.frames.length;

  const expected: Record<string, number> = {};
  const started = Date.now();
  await Promise.all(
    phones.map(async ([socket], i) => {
      await sleep(i % 10);
      for (const text of answersOf(i)) {
        expected[wordKey(text)] = (expected[wordKey(text)] ?? 0) + 1;
        socket.send({ type: "cloudAnswer", cloud: cloud.id, text });
      }
    }),
  );
  const answers = Object.values(expected).reduce((a, b) => a + b, 0);
  const onWatcher = await foldedWhere(watcher, "cloud", (report) => report.clouds[cloud.id]?.answers === answers, 10_000);
  const elapsed = Date.now() - started;
  assert.deepEqual(countsIn(onWatcher), expected);
  assert.deepEqual(Object.keys(expected).sort(), [...KEYS].sort(), "every spelling met its key");
  assert.equal(onWatcher.clouds[cloud.id]?.people, PHONES);
  // The spelling shown is the one used most.
  const shown = Object.fromEntries(Object.values(onWatcher.clouds[cloud.id]!.words).map((word) => [word.key, word.text]));
  assert.equal(typeof shown["websocket"], "string");
  const onPresenter = await foldedWhere(presenter, "cloud", (report) => report.clouds[cloud.id]?.answers === answers);
  assert.deepEqual(countsIn(onPresenter), expected);
  assert.deepEqual(countsIn(await foldedWhere(screen, "cloud", (report) => report.clouds[cloud.id]?.answers === answers)), expected);
  await sleep(CLOUD_REPORT_MS * 2);

  // Coalesced: at most one report per window, never one per answer.
  const broadcasts = watcher.frames.slice(watcherBefore).filter((frame) => isReport(frame, "cloud")).length;
  console.log(`cloud: ${answers} answers from ${PHONES} phones over ${elapsed} ms → ${broadcasts} reports to a phone`);
  assert.ok(broadcasts <= Math.ceil(elapsed / CLOUD_REPORT_MS) + 3, `${broadcasts} reports in ${elapsed} ms`);
  assert.ok(broadcasts < answers / 10, "never one report per answer");

  // Each phone heard its own answers, as the room keeps them; a fourth is refused, a repeat too.
  const [third] = phones[2]!;
  assert.deepEqual(foldedReport(third.frames, "cloud")?.yours?.[cloud.id], answersOf(2).map((text) => text.trim().replace(/[!.]+$/, "")));
  third.send({ type: "cloudAnswer", cloud: cloud.id, text: "Multiplayer" });
  assert.deepEqual(await third.nextOfType("error"), { type: "error", code: "answer_limit", ref: "cloudAnswer", detail: "per_participant" });
  const [first] = phones[0]!;
  first.send({ type: "cloudAnswer", cloud: cloud.id, text: answersOf(0)[0]!.toUpperCase() + "S" });
  assert.equal((await first.nextOfType("error")).detail, "duplicate");
  first.send({ type: "cloudAnswer", cloud: cloud.id, text: " ?! " });
  assert.deepEqual(await first.nextOfType("error"), { type: "error", code: "bad_request", ref: "cloudAnswer", detail: "empty" });
  first.send({ type: "cloudAnswer", cloud: cloud.id, text: "x".repeat(26) });
  assert.equal((await first.nextOfType("error")).detail, "text_max");
  first.send({ type: "cloudAnswer", cloud: "nao-existe", text: "chat" });
  assert.equal((await first.nextOfType("error")).code, "no_cloud");

  // Only the presenter hides: a phone and the projector are refused.
  first.send({ type: "cloudHide", cloud: cloud.id, key: "palavrao", hidden: true });
  assert.deepEqual(await first.nextOfType("error"), { type: "error", code: "forbidden", ref: "cloudHide", detail: "presenter" });
  screen.send({ type: "cloudHide", cloud: cloud.id, key: "palavrao", hidden: true });
  assert.equal((await screen.nextOfType("error")).code, "forbidden");
  first.send({ type: "cloud", action: "reset", cloud });
  assert.equal((await first.nextOfType("error")).code, "forbidden");

  // The presenter hides a word: it leaves every phone's and the projector's cloud, stays in the presenter's.
  const marks = new Map([...phones.map(([socket]) => socket), screen].map((socket) => [socket, socket.frames.length]));
  presenter.send({ type: "cloudHide", cloud: cloud.id, key: "palavrao", hidden: true });
  const hidden = await foldedWhere(presenter, "cloud", (report) => Object.values(report.clouds[cloud.id]?.hidden ?? {}).some((word) => word.key === "palavrao"));
  assert.equal(countsIn(hidden)["palavrao"], undefined);
  await foldedWhere(screen, "cloud", (report) => countsIn(report)["palavrao"] === undefined);
  await foldedWhere(watcher, "cloud", (report) => countsIn(report)["palavrao"] === undefined);
  // A later answer of it counts, and still reaches nobody.
  const [late] = await joinAsAudience(server, room.code, "late-phone");
  late.send({ type: "cloudAnswer", cloud: cloud.id, text: "palavrões" });
  await foldedWhere(presenter, "cloud", (report) => Object.values(report.clouds[cloud.id]?.hidden ?? {}).some((word) => word.key === "palavrao" && word.count === expected["palavrao"]! + 1));
  await sleep(CLOUD_REPORT_MS * 2);
  for (const [socket, mark] of marks) {
    const after = socket.frames.slice(mark).filter((frame) => isReport(frame, "cloud"));
    assert.ok(!after.some((frame) => /palavr/i.test(frame)), "a hidden word reaches no phone and not the projector");
  }
  const [newcomer] = await joinAsAudience(server, room.code, "newcomer");
  await foldedWhere(newcomer, "cloud", (report) => report.clouds[cloud.id] !== undefined);
  assert.ok(!newcomer.frames.some((frame) => /palavr/i.test(frame)), "nor a phone that joins later");

  // Shown again: back on every screen.
  presenter.send({ type: "cloudHide", cloud: cloud.id, key: "palavrao", hidden: false });
  await foldedWhere(watcher, "cloud", (report) => countsIn(report)["palavrao"] === expected["palavrao"]! + 1);
  await Promise.all([presenter, screen, late, newcomer, ...phones.map(([socket]) => socket)].map((socket) => socket.close()));
});

/** A room on a server of its own, its presenter showing the cloud. */
async function cloudShown() {
  const first = await startPartyServer();
  servers.push(first);
  const { room, presenter } = await roomWithPresenter(first);
  presenter.send({ type: "cloud", action: "show", cloud });
  await foldedWhere(presenter, "cloud", (report) => report.clouds[cloud.id] !== undefined);
  return { first, room, presenter };
}

test("answers survive a killed server; a reset empties the cloud and lets phones answer again", async () => {
  const { first, room, presenter } = await cloudShown();
  const [phone] = await joinAsAudience(first, room.code, "phone-survivor");
  const [other] = await joinAsAudience(first, room.code, "phone-other");
  for (const text of ["Chat", "Jogos", "IoT"]) phone.send({ type: "cloudAnswer", cloud: cloud.id, text });
  await foldedWhere(phone, "cloud", (report) => report.yours?.[cloud.id]?.length === 3);
  // After them (two sockets' frames have no order between them): "Chat" is the spelling seen first.
  other.send({ type: "cloudAnswer", cloud: cloud.id, text: "chats" });
  await foldedWhere(other, "cloud", (report) => report.yours?.[cloud.id]?.length === 1);
  presenter.send({ type: "cloudHide", cloud: cloud.id, key: "iot", hidden: true });
  await foldedWhere(presenter, "cloud", (report) => Object.keys(report.clouds[cloud.id]?.hidden ?? {}).length === 1);

  await first.kill();
  const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(second);
  const [again] = await joinAsPresenter(second, room);
  const restored = await foldedWhere(again, "cloud", (report) => report.clouds[cloud.id] !== undefined);
  assert.deepEqual(countsIn(restored), { chat: 2, jogo: 1 });
  assert.equal(restored.clouds[cloud.id]?.words["w1"]?.text, "Chat", "ids and spellings come back in the order given");
  assert.deepEqual(Object.values(restored.clouds[cloud.id]?.hidden ?? {}).map((word) => word.key), ["iot"]);
  const [back] = await joinAsAudience(second, room.code, "phone-survivor");
  assert.deepEqual((await foldedWhere(back, "cloud", (report) => report.yours?.[cloud.id] !== undefined)).yours?.[cloud.id], ["Chat", "Jogos", "IoT"]);
  back.send({ type: "cloudAnswer", cloud: cloud.id, text: "mais uma" });
  assert.equal((await back.nextOfType("error")).code, "answer_limit");

  // Reset: empty, phones forget their answers and may answer again.
  again.send({ type: "cloud", action: "reset", cloud });
  await foldedWhere(back, "cloud", (report) => report.clouds[cloud.id]?.answers === 0 && report.yours?.[cloud.id] === undefined);
  back.send({ type: "cloudAnswer", cloud: cloud.id, text: "Games" });
  await foldedWhere(again, "cloud", (report) => countsIn(report)["game"] === 1 && report.clouds[cloud.id]?.answers === 1);
  await Promise.all([again, back].map((socket) => socket.close()));

  // And the reset itself survives a restart: the old round's answers don't come back.
  await second.kill();
  const third = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(third);
  const [last] = await joinAsPresenter(third, room);
  const after = await foldedWhere(last, "cloud", (report) => report.clouds[cloud.id] !== undefined);
  assert.deepEqual(countsIn(after), { game: 1 });
  await last.close();
});

test("a whole report doesn't take a phone's own answers from it: the first report after a restart goes whole, and the phone gets its answers again", async () => {
  const { first, room } = await cloudShown();
  await first.kill();
  // A new process: its report streams are new, so the next report each group gets is whole.
  const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(second);
  const [phone] = await joinAsAudience(second, room.code, "phone-early");
  const whole = () => phone.frames.filter((frame) => isReport(frame, "cloud") && "data" in (JSON.parse(frame) as object)).length;
  await until(() => whole() === 1, { what: "the phone's first cloud report, on connect" });
  phone.send({ type: "cloudAnswer", cloud: cloud.id, text: "Chat" });
  await until(() => whole() === 2, { what: "the room's first report since it started, whole" });
  await sleep(100); // what the room sends right after it
  const folded = foldedReport(phone.frames, "cloud");
  assert.equal(folded?.clouds[cloud.id]?.answers, 1);
  assert.deepEqual(folded?.yours?.[cloud.id], ["Chat"], "the phone still shows what it sent");
  await phone.close();
});
