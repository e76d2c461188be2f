/**
 * Polls against a real `partykit dev`: 50 phones vote, the counts are exact and coalesced, a
 * reconnect keeps the vote, a closed poll refuses, and ballots survive a killed server.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { DeltaMessage } from "../../src/room/wire.ts";
import { freshWarning, type PollView } from "../../src/features/polls/rules.ts";
import type { TestSocket } from "./client.ts";
import { joinAsAudience, joinAsPresenter, joinAsScreen, joinPhones, roomWithPresenter, sync } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { foldedWhere, isReport, sleep } from "./support.ts";

const servers: PartyServer[] = [];
after(async () => {
  for (const server of servers.reverse()) await server.dispose();
});

const poll = { id: "ja-usou", question: "Você já usou WebSocket?", options: ["Sim", "Só brincando", "Nunca"] };

/** Waits for the poll on screen to satisfy `match` (from a delta), and returns it. */
async function pollWhere(socket: TestSocket, match: (view: PollView) => boolean, timeoutMs = 5_000): Promise<PollView> {
  const delta = (await socket.next((m) => m.type === "delta" && !!m.changes.poll && match(m.changes.poll), timeoutMs)) as DeltaMessage;
  return delta.changes.poll!;
}

test("50 phones vote: exact counts, few broadcasts, a changed vote, a reconnect that keeps it", async () => {
  const server = await startPartyServer();
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);
  presenter.send({ type: "poll", action: "open", poll });
  assert.deepEqual(await pollWhere(presenter, (view) => view.open), { ...poll, open: true, counts: [0, 0, 0], total: 0 });

  const phones = await joinPhones(server, room.code, 50);
  const beforeVotes = presenter.frames.length;
  phones.forEach(([socket], i) => socket.send({ type: "vote", poll: poll.id, option: i % 3 }));
  for (const [i, [socket]] of phones.entries()) {
    const voted = await socket.nextOfType("voted");
    assert.equal(voted.option, i % 3);
  }
  const counted = await pollWhere(presenter, (view) => view.total === 50);
  assert.deepEqual(counted.counts, [17, 17, 16]);
  const pollDeltas = presenter.frames.slice(beforeVotes).filter((frame) => frame.includes('"poll"')).length;
  assert.ok(pollDeltas <= 10, `50 votes made ${pollDeltas} poll broadcasts, not one each`);

  // Phone 0 changes its mind: still one ballot, moved.
  const [first, firstSnapshot] = phones[0]!;
  first.send({ type: "vote", poll: poll.id, option: 2 });
  await first.nextOfType("voted");
  assert.deepEqual((await pollWhere(presenter, (view) => view.total === 50 && view.counts[0] === 16)).counts, [16, 17, 17]);

  // A reload: the same participant id (the phone keeps it) gets their vote back in the snapshot.
  await first.close();
  const [, again] = await joinAsAudience(server, room.code, "phone-0000");
  assert.equal(again.you.pid, firstSnapshot.you.pid);
  assert.deepEqual(again.you.votes, { [poll.id]: 2 });
  assert.equal(again.state.poll?.total, 50);

  // Closed: votes are refused and nothing moves; only the presenter may open or close.
  const [second] = phones[1]!;
  second.send({ type: "poll", action: "open", poll });
  assert.equal((await second.nextOfType("error")).code, "forbidden");
  presenter.send({ type: "poll", action: "close", poll });
  await pollWhere(presenter, (view) => !view.open);
  second.send({ type: "vote", poll: poll.id, option: 0 });
  assert.equal((await second.nextOfType("error")).code, "poll_closed");
  second.send({ type: "vote", poll: "no-such-poll", option: 0 });
  assert.equal((await second.nextOfType("error")).code, "no_poll");
  const final = await sync(presenter);
  assert.deepEqual(final.state.poll, { ...poll, open: false, counts: [16, 17, 17], total: 50 });
  await Promise.all([presenter, ...phones.slice(1).map(([socket]) => socket)].map((socket) => socket.close()));
});

test("the presenter is told when most ballots come from ids issued after the poll opened", async () => {
  const server = await startPartyServer();
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);
  // Four phones were here before the poll opened; twelve ids are made after (a stuffer, or latecomers).
  const early = await joinPhones(server, room.code, 4, "early-");
  presenter.send({ type: "poll", action: "open", poll });
  await pollWhere(presenter, (view) => view.open);
  for (const [socket] of early) socket.send({ type: "vote", poll: poll.id, option: 0 });
  await pollWhere(presenter, (view) => view.total === 4);
  const late = await joinPhones(server, room.code, 12, "late-");
  for (const [socket] of late) socket.send({ type: "vote", poll: poll.id, option: 2 });
  const report = await foldedWhere(presenter, "polls", (data) => data.polls[poll.id]?.ballots === 16);
  assert.deepEqual(report.polls[poll.id], { ballots: 16, fresh: 12 });
  assert.equal(freshWarning(report.polls[poll.id]), 0.75);

  // The projector, a public screen, is told nothing of it.
  const [screen] = await joinAsScreen(server, room);
  await sleep(600);
  assert.ok(!screen.frames.some((frame) => isReport(frame, "polls")));
  await Promise.all([presenter, screen, ...early.map(([s]) => s), ...late.map(([s]) => s)].map((socket) => socket.close()));
});

test("ballots survive a killed server; showing the poll again brings its results back", async () => {
  const first = await startPartyServer();
  servers.push(first);
  const { room, presenter } = await roomWithPresenter(first);
  presenter.send({ type: "poll", action: "open", poll });
  await pollWhere(presenter, (view) => view.open);
  const [phone] = await joinAsAudience(first, room.code, "phone-survivor");
  phone.send({ type: "vote", poll: poll.id, option: 1 });
  await phone.nextOfType("voted"); // acknowledged only once stored

  await first.kill();
  const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(second);
  const [again, snapshot] = await joinAsPresenter(second, room);
  assert.deepEqual(snapshot.state.poll?.counts, [0, 1, 0]);
  const other = { id: "outra", question: "E agora?", options: ["A", "B"] };
  again.send({ type: "poll", action: "show", poll: other });
  await pollWhere(again, (view) => view.id === "outra");
  again.send({ type: "poll", action: "show", poll });
  const back = await pollWhere(again, (view) => view.id === poll.id);
  assert.deepEqual(back.counts, [0, 1, 0]);
  assert.equal(back.open, true);
  await again.close();
});
