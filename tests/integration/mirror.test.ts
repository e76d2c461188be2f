/**
 * The mirror against a real `partykit dev`: the presenter's page says what its demos show
 * (`mirror`), the room keeps the latest view of each demo and reports them to screens (and
 * presenters), whole to a projector window that joins or reloads; nobody else may send one, and
 * a bad view is refused with a typed error.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { MirrorReport, ViewOf } from "../../src/features/mirror/protocol.ts";
import type { ServerMessage } from "../../src/room/wire.ts";
import { createRoom, joinAsAudience, joinAsPresenter, joinAsScreen } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { isReport, reportWhere, sleep } from "./support.ts";

let server: PartyServer;
before(async () => (server = await startPartyServer()));
after(() => server.dispose());

const handshake: ViewOf<"handshake"> = {
  demo: "handshake",
  path: "/parties/handshake/k3j2h1",
  request: { method: "GET", upgrade: "websocket", connection: "Upgrade", key: "x3JJHMbDL1EzLkh9GBhXDw==", version: "13", extensions: "permessage-deflate; client_max_window_bits", protocol: null },
  accept: "HSmrc0sMlYUkAGmm5OPpG2HaGWk=",
};

function wire(pings: number): ViewOf<"wire"> {
  const rows = Array.from({ length: pings }, (_, i) => ({ id: pings - i, direction: "out" as const, at: 1_735_732_800_000 + pings - i, type: "ping", note: "yours", payloadBytes: 28 }));
  return { demo: "wire", rows, drawn: null, totals: { in: { frames: 0, bytes: 0, headerBytes: 0 }, out: { frames: pings, bytes: 34 * pings, headerBytes: 6 * pings } }, extensions: "" };
}

const pages: ViewOf<"pages"> = { demo: "pages", lang: "pt-br", page: { visits: 3, time: "21:04:05" }, data: null };

const isError = (message: ServerMessage) => message.type === "error";

test("the presenter's views reach the screen as a report, the latest per demo, whole to a screen that joins later", async () => {
  const room = await createRoom(server);
  const [presenter] = await joinAsPresenter(server, room);
  const [screen] = await joinAsScreen(server, room);
  const empty = await reportWhere<MirrorReport>(screen, "mirror");
  assert.deepEqual(empty, { handshake: null, wire: null, pages: null }, "nothing shown yet");

  presenter.send({ type: "mirror", view: handshake });
  presenter.send({ type: "mirror", view: wire(1) });
  presenter.send({ type: "mirror", view: wire(2) }); // a ping's pong later: replaces the one before
  presenter.send({ type: "mirror", view: pages });
  const shown = await reportWhere<MirrorReport>(screen, "mirror", (report) => report.pages !== null && report.wire?.rows.length === 2);
  assert.deepEqual(shown, { handshake, wire: wire(2), pages });
  // Presenters get it too (a remote's page shows what the laptop showed).
  await reportWhere<MirrorReport>(presenter, "mirror", (report) => report.pages !== null);

  // A reloaded projector window: the latest of each, at once.
  await screen.close();
  const [reloaded] = await joinAsScreen(server, room);
  assert.deepEqual(await reportWhere<MirrorReport>(reloaded, "mirror", () => true, 2_000), { handshake, wire: wire(2), pages });

  // The presenter starts again: every view forgotten.
  presenter.send({ type: "reset", feature: "mirror" });
  assert.deepEqual(await reportWhere<MirrorReport>(reloaded, "mirror", (report) => report.handshake === null), { handshake: null, wire: null, pages: null });
  for (const socket of [presenter, reloaded]) await socket.close();
});

test("only a presenter may send a view; phones never get the report", async () => {
  const room = await createRoom(server);
  const [presenter] = await joinAsPresenter(server, room);
  const [screen] = await joinAsScreen(server, room);
  const [phone] = await joinAsAudience(server, room.code, "mirror-phone");

  for (const socket of [phone, screen]) {
    socket.send({ type: "mirror", view: handshake });
    assert.deepEqual(await socket.next(isError), { type: "error", code: "forbidden", ref: "mirror", detail: "presenter" });
  }
  await sleep(600); // past a report's pacing: had it been taken, the screen would have it by now
  const report = await reportWhere<MirrorReport>(screen, "mirror");
  assert.equal(report.handshake, null, "a forbidden view changes nothing");
  assert.ok(!screen.unreadMessages().some((message) => isReport(message, "mirror")), "no report was sent for it");

  presenter.send({ type: "mirror", view: handshake });
  await reportWhere<MirrorReport>(screen, "mirror", (shown) => shown.handshake !== null);
  await sleep(600);
  assert.ok(!phone.frames.some((frame) => isReport(frame, "mirror")), "a phone's demos are its own: no mirror report");
  for (const socket of [presenter, screen, phone]) await socket.close();
});

test("a bad view gets a typed error and changes nothing", async () => {
  const room = await createRoom(server);
  const [presenter] = await joinAsPresenter(server, room);
  const [screen] = await joinAsScreen(server, room);
  await reportWhere<MirrorReport>(screen, "mirror");

  const bad: unknown[] = [
    { ...handshake, request: { ...handshake.request, key: "" } },
    { ...handshake, html: "<script>alert(1)</script>" },
    { ...wire(1), rows: wire(11).rows },
    { ...pages, lang: "fr" },
    { demo: "questions" },
    "wire",
  ];
  for (const view of bad) {
    presenter.send({ type: "mirror", view });
    const error = await presenter.next(isError);
    assert.equal(error.type === "error" && error.code, "bad_message", JSON.stringify(view));
    assert.equal(error.type === "error" && error.ref, "mirror");
  }
  // Too large for a frame (a whole page, say): refused before it is even parsed.
  presenter.send({ type: "mirror", view: { ...pages, html: "x".repeat(5_000) } });
  assert.deepEqual(await presenter.next(isError), { type: "error", code: "too_large" });

  await sleep(600); // past a report's pacing
  assert.equal(screen.frames.filter((frame) => isReport(frame, "mirror")).length, 1, "the screen got only the empty report, on join");
  for (const socket of [presenter, screen]) await socket.close();
});
