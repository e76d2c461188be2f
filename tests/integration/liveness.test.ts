/**
 * Presenter liveness against a real `partykit dev`: a presenter whose link died silently (it
 * never closes, never answers) is taken as gone and the phones are told; one that answers the
 * room's probes stays, however long it says nothing else; a silent phone is never dropped.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { GONE_AFTER_MS } from "../../src/room/liveness.ts";
import type { DeltaMessage } from "../../src/room/wire.ts";
import { createRoom, joinAsAudience, joinAsPresenter, sync } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";

let server: PartyServer;

before(async () => {
  server = await startPartyServer();
});

after(async () => {
  await server?.dispose();
});

test("a silent presenter is probed, then counted out; one that answers stays; silent phones stay", { timeout: 90_000 }, async () => {
  const [dead, alive] = [await createRoom(server), await createRoom(server)];
  // Neither presenter sends a thing of its own, like a hidden tab; one answers probes (as our
  // pages do), the other's link is dead.
  const [deadPresenter] = await joinAsPresenter(server, dead, { answerProbes: false });
  const [alivePresenter] = await joinAsPresenter(server, alive);
  const [deadPhone] = await joinAsAudience(server, dead.code, "phone-dead-room");
  const [alivePhone] = await joinAsAudience(server, alive.code, "phone-alive-room");
  const startedAt = Date.now();

  const gone = await deadPhone.next<DeltaMessage>((message) => message.type === "delta" && message.changes.presenterOnline === false, GONE_AFTER_MS + 30_000);
  const goneAfter = Date.now() - startedAt;
  assert.ok(goneAfter >= GONE_AFTER_MS - 1_000, `counted out after ${goneAfter} ms`);
  assert.ok(deadPresenter.frames.includes('{"type":"probe"}'), "asked before being counted out");
  assert.equal(gone.changes.audience, undefined, "the phone is still counted");

  // The other room, over the same span: its presenter answered every probe and is still there.
  const snapshot = await sync(alivePhone);
  assert.equal(snapshot.state.presenterOnline, true);
  assert.equal(snapshot.state.audience, 1);
  assert.ok(alivePresenter.frames.filter((frame) => frame === '{"type":"probe"}').length >= 1);

  // A phone that said nothing for as long is still counted in the dead room too.
  const after = await sync(deadPhone);
  assert.deepEqual([after.state.presenterOnline, after.state.audience], [false, 1]);

  // The presenter comes back (a new socket, as the page's reconnect makes): online again.
  const [back] = await joinAsPresenter(server, dead);
  await deadPhone.next((message) => message.type === "delta" && message.changes.presenterOnline === true, 5_000);
  await Promise.all([deadPresenter, alivePresenter, deadPhone, alivePhone, back].map((socket) => socket.close()));
});
