/**
 * A room's life as the registry and its own storage see it: a lookup of a room that doesn't
 * exist starts nothing and writes nothing; one address creates rooms within a budget; the
 * presenter erases a room at once; an unused room erases itself after its idle time.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { CLOSE_CODES, errorMessage } from "../../src/room/errors.ts";
import { newRoomCode } from "../../src/room/codes.ts";
import type { RoomCreated } from "../../src/room/wire.ts";
import { createRoom, joinAsAudience, joinAsPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { isReport, until } from "./support.ts";

const servers: PartyServer[] = [];
after(async () => {
  for (const server of servers) await server.dispose();
});

async function server(vars: Record<string, string> = {}): Promise<PartyServer> {
  const started = await startPartyServer({ vars });
  servers.push(started);
  return started;
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
const status = async (url: string, init?: RequestInit) => (await fetch(url, init)).status;

test("looking up rooms that don't exist writes nothing", async () => {
  const party = await server();
  const url = (code: string) => `${party.origin}/parties/main/${code}`;
  assert.equal(await status(url(newRoomCode())), 404); // the registry's own storage starts here
  const before = files(party.persistDir).length;
  for (let i = 0; i < 50; i++) {
    const code = newRoomCode();
    assert.equal(await status(url(code)), 404);
    assert.equal(await status(`${url(code)}/participants`, { method: "POST" }), 404);
  }
  for (const code of ["abcde", "K7QX", "K7QXMM", "O0000"]) assert.equal(await status(url(code)), 400, code);
  assert.deepEqual(files(party.persistDir).length, before, "no room was started for a lookup");
  assert.equal(await status(`${party.origin}/parties/rooms/all/exists/K7QXM`), 404, "the registry answers rooms only");
});

test("one address creates rooms within its budget: the rest get 429", async () => {
  const party = await server({ ROOMS_BURST: "3", ROOMS_PER_SECOND: "0.001" });
  for (let i = 0; i < 3; i++) await createRoom(party);
  const response = await fetch(`${party.origin}/parties/main/${newRoomCode()}`, { method: "POST" });
  assert.equal(response.status, 429);
  assert.deepEqual(await response.json(), errorMessage("rate_limited", { detail: "rooms" }));
});

test("the presenter erases a room at once: its people are let go, its data is gone, its code is free", async () => {
  const party = await server();
  const room = await createRoom(party);
  const [presenter] = await joinAsPresenter(party, room);
  const [phone] = await joinAsAudience(party, room.code, "asker");
  phone.send({ type: "ask", text: "Vai apagar mesmo?" });
  await presenter.next((message) => isReport(message, "questions"));
  const url = `${party.origin}/parties/main/${room.code}`;

  assert.equal(await status(url, { method: "DELETE" }), 401);
  assert.equal(await status(url, { method: "DELETE", headers: { authorization: "Bearer not-the-key" } }), 401);
  assert.equal(await status(url, { method: "DELETE", headers: { authorization: `Bearer ${room.key}` } }), 204);
  for (const socket of [presenter, phone]) assert.equal((await socket.closed).code, CLOSE_CODES.noRoom);
  assert.equal(await status(url), 404);
  assert.equal(await status(`${url}/export?format=json`, { headers: { authorization: `Bearer ${room.key}` } }), 404);

  // The same code makes a new, empty room: nothing of the old one comes back.
  const again = await fetch(url, { method: "POST" });
  assert.equal(again.status, 201);
  const fresh = (await again.json()) as RoomCreated;
  assert.notEqual(fresh.key, room.key);
  const exported = await fetch(`${url}/export?format=json`, { headers: { authorization: `Bearer ${fresh.key}` } });
  assert.doesNotMatch(await exported.text(), /apagar/);
});

test("a room nobody uses erases itself after its idle time", async () => {
  const party = await server({ ROOM_IDLE_SECONDS: "2" });
  const room = await createRoom(party);
  const [phone] = await joinAsAudience(party, room.code, "only-one");
  phone.send({ type: "ask", text: "Quanto tempo fica guardado?" });
  await phone.next((message) => isReport(message, "questions"));
  await phone.close();
  const url = `${party.origin}/parties/main/${room.code}`;
  assert.equal(await status(url), 200);
  await until(async () => (await status(url)) === 404, { what: "the room to erase itself", timeoutMs: 15_000, stepMs: 500 });
});
