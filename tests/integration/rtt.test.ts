/**
 * The full-duplex ping's server against a real `partykit dev`: devices report round-trip times,
 * presenters get the room's distribution, phones get pushed the summary while they ping, and a
 * device that leaves or goes quiet drops out.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { RoomCreated, ServerMessage } from "../../src/room/wire.ts";
import type { RttAudienceReport, RttReport } from "../../src/features/rtt/report.ts";
import type { TestSocket } from "./client.ts";
import { createRoom as create, joinAsAudience, joinAsPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { isReport, reportWhere } from "./support.ts";

let server: PartyServer;
before(async () => (server = await startPartyServer()));
after(() => server.dispose());

const createRoom = () => create(server);
const presenter = async (room: RoomCreated) => (await joinAsPresenter(server, room))[0];
const phone = async (code: string, pid: string) => (await joinAsAudience(server, code, pid))[0];

const isRtt = (message: ServerMessage) => isReport(message, "rtt");

/** Forgets the reports received so far, so the next wait sees only newer ones. */
async function drain(socket: TestSocket): Promise<void> {
  while (socket.unreadMessages().some(isRtt)) await socket.next(isRtt);
}

test("a presenter gets the rtt report on connect, empty at first", async () => {
  const room = await createRoom();
  const projector = await presenter(room);
  const report = await reportWhere<RttReport>(projector, "rtt", () => true, 4_000);
  assert.equal(report.count, 0);
  assert.equal(report.p50, null);
  assert.equal(report.buckets.length, 7);
  await projector.close();
});

test("phones' reports make the room's distribution; phones are pushed the summary while they ping", async () => {
  const room = await createRoom();
  const projector = await presenter(room);
  const a = await phone(room.code, "rtt-phone-a");
  const b = await phone(room.code, "rtt-phone-b");

  a.send({ type: "rtt", ms: 12.5 });
  b.send({ type: "rtt", ms: 140 });
  projector.send({ type: "rtt", ms: 1.5 }); // the presenter's own device measures itself too
  const report = await reportWhere<RttReport>(projector, "rtt", (r) => r.count === 3, 4_000);
  assert.equal(report.phones, 2);
  assert.equal(report.p50, 12.5);
  assert.equal(report.p95, 140);
  assert.equal(report.max, 140);
  assert.deepEqual(
    report.buckets.map((bucket) => bucket.count),
    [1, 1, 0, 0, 1, 0, 0],
  );
  assert.deepEqual(report.buckets[4], { from: 100, to: 200, count: 1 });

  // Full duplex: while phone A keeps pinging, the server pushes it the room's numbers.
  a.send({ type: "ping", id: "rtt1" });
  const pong = await a.nextOfType("pong");
  assert.equal(pong.id, "rtt1");
  const pushed = await reportWhere<RttAudienceReport>(a, "rtt", (r) => r.count === 3, 4_000);
  assert.deepEqual(pushed, { count: 3, p50: 12.5, p95: 140, max: 140 });

  // A phone's newer report replaces its older one: it is one device, counted once.
  a.send({ type: "rtt", ms: 300 });
  const replaced = await reportWhere<RttReport>(projector, "rtt", (r) => r.max === 300, 4_000);
  assert.equal(replaced.count, 3);
  assert.equal(replaced.p50, 140);

  for (const socket of [projector, a, b]) await socket.close();
});

test("a device that leaves drops out at once; one that goes quiet, after about 5 s", async () => {
  const room = await createRoom();
  const projector = await presenter(room);
  const a = await phone(room.code, "rtt-leaver");
  const b = await phone(room.code, "rtt-quiet");
  a.send({ type: "rtt", ms: 20 });
  b.send({ type: "rtt", ms: 30 });
  await reportWhere<RttReport>(projector, "rtt", (r) => r.count === 2, 4_000);

  await a.close();
  const left = await reportWhere<RttReport>(projector, "rtt", (r) => r.count === 1, 4_000);
  assert.equal(left.p50, 30);

  await drain(projector);
  const quietSince = Date.now();
  const empty = await reportWhere<RttReport>(projector, "rtt", (r) => r.count === 0, 9_000);
  assert.equal(empty.p50, null);
  const waited = Date.now() - quietSince;
  assert.ok(waited > 3_000 && waited < 8_000, `dropped after ${String(waited)} ms`);
  for (const socket of [projector, b]) await socket.close();
});

test("bad rtt reports are refused; only a presenter may reset the demo", async () => {
  const room = await createRoom();
  const projector = await presenter(room);
  const a = await phone(room.code, "rtt-sloppy");
  for (const bad of [{ type: "rtt", ms: -1 }, { type: "rtt", ms: "12" }, { type: "rtt" }, { type: "rtt", ms: 5, extra: 1 }, { type: "rtt", ms: 1e9 }]) {
    a.send(bad);
    const error = await a.nextOfType("error");
    assert.equal(error.code, "bad_message", JSON.stringify(bad));
  }
  a.send({ type: "reset", feature: "rtt" });
  assert.equal((await a.nextOfType("error")).code, "forbidden");

  a.send({ type: "rtt", ms: 8 });
  await reportWhere<RttReport>(projector, "rtt", (r) => r.count === 1, 4_000);
  projector.send({ type: "reset", feature: "rtt" });
  await reportWhere<RttReport>(projector, "rtt", (r) => r.count === 0, 4_000);
  for (const socket of [projector, a]) await socket.close();
});
