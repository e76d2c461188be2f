/**
 * The room survives its server: kill `partykit dev` hard (SIGKILL, like a crash), start it
 * again on the same port and --persist directory, and a reconnecting client finds the same
 * slide, step and timer, with a seq that never went backwards.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { SnapshotMessage } from "../../src/room/wire.ts";
import { createRoom, joinAsAudience, joinAsPresenter, participant, sync } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { sleep, until } from "./support.ts";

const servers: PartyServer[] = [];

after(async () => {
  // The first server created the temp dir: dispose it last, after the second one is stopped.
  for (const server of servers.reverse()) await server.dispose();
});

test("state and seq survive a killed and restarted server", async () => {
  const first = await startPartyServer();
  servers.push(first);
  const room = await createRoom(first); // asserts the 201
  const [p] = await joinAsPresenter(first, room);
  const [phone] = await joinAsAudience(first, room.code, "phone-persist");
  p.send({ type: "goto", slide: 12, step: 3 });
  p.send({ type: "timer", action: "start" });
  await sleep(120); // the timer runs a little: elapsed > 0
  p.send({ type: "timer", action: "pause" });
  await p.next((m) => m.type === "delta" && m.changes.timer?.startedAt === null && m.changes.timer.elapsed > 0);
  await p.next((m) => m.type === "delta" && m.changes.audience === 1); // the phone counted too
  const before = await sync(p);
  assert.equal(before.state.audience, 1);
  assert.equal(before.state.presenterOnline, true);

  await first.kill();
  const closed = await Promise.race([p.closed, sleep(5_000).then(() => null)]);
  assert.ok(closed, "the socket noticed the server's death");

  const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(second);
  const info = await fetch(`${second.origin}/parties/main/${room.code}`);
  assert.equal(info.status, 200, "the room still exists");
  const [again, after] = await joinAsPresenter(second, room);

  assert.equal(after.state.slide, 12);
  assert.equal(after.state.step, 3);
  assert.deepEqual(after.state.timer, before.state.timer);
  assert.ok(after.seq >= before.seq, `seq went from ${before.seq} to ${after.seq}`);
  // Nobody survived the crash: the stale presence was corrected as a change of its own.
  assert.equal(after.state.audience, 0);
  assert.equal(after.seq, before.seq + 1);
  assert.equal(after.state.presenterOnline, false, "the snapshot is the state at its seq; presence follows");
  const online = await again.next((m) => m.type === "delta" && m.changes.presenterOnline === true);
  assert.equal(online.type === "delta" && online.seq, after.seq + 1);

  // The key still works, and a second POST still refuses to recreate the room.
  again.send({ type: "goto", slide: 13, step: 0 });
  await again.next((m) => m.type === "delta" && m.changes.slide === 13);
  const recreate = await fetch(`${second.origin}/parties/main/${room.code}`, { method: "POST" });
  assert.equal(recreate.status, 409);
  await again.close();
  await phone.closed;
});

test("a partysocket client reconnects on its own after a restart, to the same slide", async () => {
  const { default: PartySocket } = await import("partysocket");
  const { WebSocket } = await import("ws");
  const first = await startPartyServer();
  servers.push(first);
  const room = await createRoom(first);
  const [presenter] = await joinAsPresenter(first, room);
  presenter.send({ type: "goto", slide: 7, step: 1 });
  await presenter.next((m) => m.type === "delta" && m.changes.slide === 7);

  // The same client the phones use, with the options they use (its default backoff).
  const snapshots: SnapshotMessage[] = [];
  const phone = new PartySocket({
    host: `127.0.0.1:${first.port}`,
    room: room.code,
    query: { role: "audience", pid: await participant(first, room.code, "phone-reconnects") },
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  phone.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data));
    if (message.type === "snapshot") snapshots.push(message);
  });
  await until(() => snapshots.length >= 1, { stepMs: 50, timeoutMs: 5_000, what: "the phone's snapshot" });
  assert.equal(snapshots.length, 1);
  assert.equal(snapshots[0]!.state.slide, 7);

  await first.kill();
  const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(second);
  // Nobody tells the phone to reconnect: partysocket retries until the server is back.
  await until(() => snapshots.length >= 2, { stepMs: 50, timeoutMs: 30_000, what: "the phone to come back with a new snapshot" });
  assert.equal(snapshots.length, 2, "the phone came back with a new snapshot");
  assert.equal(snapshots[1]!.state.slide, 7);
  assert.equal(snapshots[1]!.state.step, 1);
  phone.close();
  await presenter.closed;
});
