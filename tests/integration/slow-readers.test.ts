/**
 * Sockets that never read, while the question board churns: the room stops sending to each once
 * it is BEHIND characters ahead of what the socket showed it read (src/room/backlog.ts), so what
 * they cost the server is bounded; a phone that reads gets everything, and a non-reader that
 * starts reading is brought back with a snapshot and every report whole.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { findWorkerd, residentBytes } from "../../bench/room-process.ts";
import { BEHIND, MARK_EVERY } from "../../src/room/backlog.ts";
import { OPEN_PER_PARTICIPANT_MAX, OPEN_PER_ROOM_MAX } from "../../src/features/questions/rules.ts";
import type { TestSocket } from "./client.ts";
import { joinPhones, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { sleep, until } from "./support.ts";

const SLEEPERS = 100;
/** The storm lasts until a phone that reads has been sent well past BEHIND (~40 s on an idle machine), or this long. */
const STORM_MAX_MS = 150_000;
const ENOUGH = BEHIND + 4 * MARK_EVERY;
/**
 * What the workerd process may grow by during the storm. The storm alone grows it ~56 MB (V8 in
 * dev keeps its heap); the sleepers add ~3 MB (100 × ≤ 133 K characters). Before backlogs, and
 * before bounded views, such sockets grew it 0.7 GB a minute.
 */
const MEMORY_BOUND_MB = 100;

let server: PartyServer;
before(async () => {
  server = await startPartyServer();
});
after(async () => {
  await server.dispose();
});

const chars = (socket: TestSocket) => socket.frames.reduce((sum, frame) => sum + frame.length, 0);

test(`${SLEEPERS} sockets that never read cost the room at most ~${BEHIND / 1024} K characters each`, { timeout: 240_000 }, async () => {
  const workerd = findWorkerd(server.pid);
  const { room, presenter } = await roomWithPresenter(server);
  const askers = (await joinPhones(server, room.code, Math.ceil(OPEN_PER_ROOM_MAX / OPEN_PER_PARTICIPANT_MAX), "asker-")).map(([socket]) => socket);
  const [reader] = (await joinPhones(server, room.code, 1, "reader-"))[0]!;
  const sleepers = (await joinPhones(server, room.code, SLEEPERS, "sleeper-")).map(([socket]) => socket);
  const before = residentBytes(workerd);
  for (const sleeper of sleepers) sleeper.ws.pause();

  // A full board: 200 open questions of 280 characters.
  let n = 0;
  for (const asker of askers) for (let i = 0; i < OPEN_PER_PARTICIPANT_MAX && n < OPEN_PER_ROOM_MAX; i++) asker.send({ type: "ask", text: `${++n} `.padEnd(280, "·") });
  // Then upvotes, and the presenter answering and reopening, so questions keep entering and
  // leaving the phones' view.
  const started = Date.now();
  const any = () => `q${Math.floor(Math.random() * OPEN_PER_ROOM_MAX) + 1}`;
  for (let round = 0; chars(reader) < ENOUGH && Date.now() - started < STORM_MAX_MS; round++) {
    for (const asker of askers) asker.send({ type: "upvote", id: any() });
    presenter.send({ type: "moderate", id: any(), action: round % 2 === 0 ? "answered" : "open" });
    await sleep(100);
  }
  await sleep(1_500);
  const grownMb = (residentBytes(workerd) - before) / 2 ** 20;
  const sent = chars(reader);
  console.log(`reader got ${Math.round(sent / 1024)} K characters in ${Math.round((Date.now() - started) / 1000)} s; workerd grew ${grownMb.toFixed(1)} MB with ${SLEEPERS} sleepers`);
  assert.ok(sent >= ENOUGH, `the storm must send a reader well past BEHIND to show anything (${sent})`);
  assert.ok(grownMb < MEMORY_BOUND_MB, `workerd grew ${grownMb.toFixed(1)} MB`);

  // Woken, a sleeper reads what was queued for it: never much past BEHIND. Its reads bring it
  // back: a snapshot (its second: the first was at its join), then the board whole.
  const sleeper = sleepers[0]!;
  const pausedAt = sleeper.frames.length;
  sleeper.ws.resume();
  const resynced = () => sleeper.frames.findIndex((frame, i) => i > 0 && frame.startsWith('{"type":"snapshot"'));
  await until(() => resynced() > 0, { what: "the sleeper's second snapshot" });
  const queued = sleeper.frames.slice(0, resynced());
  assert.ok(chars({ frames: queued } as TestSocket) <= BEHIND + 2 * MARK_EVERY, `a sleeper was sent ${chars({ frames: queued } as TestSocket)} characters`);
  await until(() => sleeper.frames.slice(resynced()).some((frame) => frame.startsWith('{"type":"report","feature":"questions","data"')), { what: "the questions board, whole" });
  console.log(`the sleeper had ${queued.length - pausedAt} frames queued (${chars({ frames: queued } as TestSocket)} characters), then a snapshot and the board whole`);
  for (const socket of [presenter, reader, ...askers, ...sleepers]) socket.ws.terminate();
});
