/**
 * Halls against a real `partykit dev` (src/room/halls.ts): a talk of two phones of its own and
 * halls of five sends the rest of its phones to halls, and everything stays as exact as in one
 * object: the count of people, the poll's counts, the reactions' totals, the order of the changes
 * on every phone; a phone coming back lands in a hall as itself; a talk and its halls killed
 * mid-poll lose no acknowledged ballot; the hall's door refuses what the talk's refuses.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import WebSocket from "ws";
import { REACTIONS, type Reaction } from "../../src/features/reactions/protocol.ts";
import type { ReactionsReport } from "../../src/features/reactions/tally.ts";
import { HALL_HEADER } from "../../src/room/halls.ts";
import type { ServerMessage, SnapshotMessage } from "../../src/room/wire.ts";
import { TestSocket } from "./client.ts";
import { joinAsPresenter, participant, roomSocketUrl, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { reportWhere, until } from "./support.ts";

const servers: PartyServer[] = [];
after(async () => {
  for (const server of servers.reverse()) await server.dispose();
});

/** Two phones on the talk itself, then halls of five: twenty phones make four halls. */
const VARS = { HALLS_FROM: "2", HALL_SIZE: "5" };
const poll = { id: "halls", question: "Onde você está?", options: ["Aqui", "Ali", "Longe"] };

interface Phone {
  socket: TestSocket;
  snapshot: SnapshotMessage;
  /** The hall it was sent to, or null on the talk itself. */
  hall: string | null;
}

/** A phone as our pages connect one: to the talk, saying it follows (`halls=1`), then wherever the talk sends it. */
async function joinThroughTalk(server: PartyServer, code: string, name: string): Promise<Phone> {
  const pid = await participant(server, code, name);
  const first = await TestSocket.open(roomSocketUrl(server, code, `role=audience&pid=${pid}&halls=1`));
  const answer = await first.next((m) => m.type === "snapshot" || m.type === "hall");
  if (answer.type === "snapshot") return { socket: first, snapshot: answer, hall: null };
  assert.equal(answer.type, "hall");
  const hall = (answer as Extract<ServerMessage, { type: "hall" }>).hall;
  assert.equal((await first.closed).code, 4010, "the talk closes the socket it moved");
  const socket = await TestSocket.open(`${server.wsOrigin}/parties/hall/${hall}?role=audience&pid=${pid}`);
  return { socket, snapshot: await socket.nextOfType("snapshot"), hall };
}

function joinMany(server: PartyServer, code: string, count: number, prefix = "phone-"): Promise<Phone[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => joinThroughTalk(server, code, `${prefix}${i}`)));
}

async function audienceIs(socket: TestSocket, count: number): Promise<void> {
  await socket.next((m) => (m.type === "delta" && m.changes.audience === count) || (m.type === "snapshot" && m.state.audience === count), 10_000);
}

test("a crowded talk spreads its phones over halls: counts, totals and order as exact as in one object", async () => {
  const server = await startPartyServer({ vars: VARS });
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);

  // Two first: the talk keeps them. Then eighteen: halls 0–3, in order, five each at most.
  const firstTwo = await Promise.all([joinThroughTalk(server, room.code, "first-0"), joinThroughTalk(server, room.code, "first-1")]);
  assert.deepEqual(firstTwo.map((phone) => phone.hall), [null, null]);
  const inHalls = await joinMany(server, room.code, 18);
  const phones = [...firstTwo, ...inHalls];
  const perHall = new Map<string, number>();
  for (const { hall } of inHalls) perHall.set(hall!, (perHall.get(hall!) ?? 0) + 1);
  assert.deepEqual([...perHall.keys()].sort(), [0, 1, 2, 3].map((n) => `${room.code}-${n}`));
  for (const count of perHall.values()) assert.ok(count <= 5, `a hall of five got ${count}`);
  // One head each, wherever they are.
  await audienceIs(presenter, 20);
  for (const { socket } of phones) await until(async () => (await syncOf(socket)).state.audience === 20, { what: "every phone counts 20" });

  // Everyone votes: every ballot acknowledged, the counts exact.
  presenter.send({ type: "poll", action: "open", poll });
  phones.forEach(({ socket }, i) => socket.send({ type: "vote", poll: poll.id, option: i % 3 }));
  for (const [i, { socket }] of phones.entries()) assert.equal((await socket.nextOfType("voted", 5_000)).option, i % 3);
  await presenter.next((m) => m.type === "delta" && m.changes.poll?.total === 20, 5_000);
  assert.deepEqual((await syncOf(presenter)).state.poll?.counts, [7, 7, 6]);

  // Reactions: the presenter's totals are every tap of every phone.
  const expected = Object.fromEntries(REACTIONS.map((r) => [r, 0])) as Record<Reaction, number>;
  phones.forEach(({ socket }, i) => {
    const reaction = REACTIONS[i % REACTIONS.length]!;
    expected[reaction] += i + 1;
    socket.send({ type: "react", counts: { [reaction]: i + 1 } });
  });
  const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
  assert.deepEqual((await reportWhere<ReactionsReport>(presenter, "reactions", (data) => data.total === total)).totals, expected);

  // Ten slide changes: every phone, in the talk or in a hall, sees the same seqs in the same order.
  const seen = phones.map(() => [] as number[]);
  phones.forEach(({ socket }, i) =>
    socket.ws.on("message", (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if (message.type === "delta" && message.changes.slide !== undefined) seen[i]!.push(message.seq);
    }),
  );
  for (let slide = 1; slide <= 10; slide++) presenter.send({ type: "goto", slide, step: 0 });
  await until(() => seen.every((seqs) => seqs.length === 10), { what: "ten slide changes on every phone", timeoutMs: 10_000 });
  for (const seqs of seen) {
    assert.deepEqual(seqs, seen[0], "the same changes in the same order everywhere");
    assert.ok(seqs.every((seq, i) => i === 0 || seq === seqs[i - 1]! + 1), `no gap: ${seqs.join(",")}`);
  }

  // A phone in a hall closes and comes back through the talk: a hall again, as itself, its ballot kept.
  const back = inHalls[4]!;
  await back.socket.close();
  const again = await joinThroughTalk(server, room.code, "phone-4");
  assert.notEqual(again.hall, null);
  assert.equal(again.snapshot.you.pid, back.snapshot.you.pid);
  assert.deepEqual(again.snapshot.you.votes, { [poll.id]: (2 + 4) % 3 }); // the sixth phone's ballot
  await until(async () => (await syncOf(presenter)).state.audience === 20, { what: "still twenty: the reload was held" });
});

/** A fresh snapshot, asked for over the socket (through its hall, for a phone in one). */
async function syncOf(socket: TestSocket): Promise<SnapshotMessage> {
  socket.send({ type: "sync" });
  return socket.nextOfType("snapshot");
}

test("killed mid-poll, talk and halls together: every acknowledged ballot is there when the phones come back", async () => {
  const server = await startPartyServer({ vars: VARS });
  const { room, presenter } = await roomWithPresenter(server);
  presenter.send({ type: "poll", action: "open", poll });
  const phones = await joinMany(server, room.code, 12);
  const acknowledged: number[] = [];
  phones.forEach(({ socket }, i) => socket.send({ type: "vote", poll: poll.id, option: i % 3 }));
  for (const [i, { socket }] of phones.entries()) {
    await socket.nextOfType("voted", 5_000);
    acknowledged.push(i % 3);
  }
  await server.kill();

  const again = await startPartyServer({ port: server.port, persistDir: server.persistDir, vars: VARS });
  servers.push(again);
  const [presenterAgain, snapshot] = await joinAsPresenter(again, room);
  // Nobody is here yet: the halls' phones stored before the kill are not counted.
  assert.equal(snapshot.state.audience, 0);
  const back = await joinMany(again, room.code, 12);
  assert.ok(back.filter(({ hall }) => hall !== null).length >= 10, "the phones are in halls again");
  for (const [i, { snapshot: theirs }] of back.entries()) assert.deepEqual(theirs.you.votes, { [poll.id]: i % 3 });
  const counts = [0, 1, 2].map((option) => acknowledged.filter((o) => o === option).length);
  assert.deepEqual((await syncOf(presenterAgain)).state.poll?.counts, counts);
  await audienceIs(presenterAgain, 12);
});

test("a hall's door: invented ids, a made-up hall, a flood, and the header only halls may send", async () => {
  const server = await startPartyServer({ vars: VARS });
  servers.push(server);
  const { room, presenter } = await roomWithPresenter(server);
  const three = await joinMany(server, room.code, 3); // the third opens hall 0

  // Straight to a hall with an id the talk never issued, reacting at once: the talk refuses it,
  // through the hall, and none of its taps count (a hall sums only the phones the talk admitted).
  const invented = await TestSocket.open(`${server.wsOrigin}/parties/hall/${room.code}-0?role=audience&pid=${"x".repeat(38)}`);
  for (let i = 0; i < 20; i++) invented.send({ type: "react", counts: { "🐍": 50 } });
  assert.deepEqual(await invented.nextOfType("error"), { type: "error", code: "bad_request", detail: "pid" });
  assert.equal((await invented.closed).code, 4000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  three[2]!.socket.send({ type: "react", counts: { "🐍": 1 } });
  assert.equal((await reportWhere<ReactionsReport>(presenter, "reactions", (data) => data.total > 0)).total, 1, "only the admitted phone's tap");

  // A hall of a talk that doesn't exist, and a name that can't be a hall.
  for (const id of ["AAAAA-0", `${room.code}-99`, "nothing"]) {
    const pid = await participant(server, room.code, "lost");
    const lost = await TestSocket.open(`${server.wsOrigin}/parties/hall/${id}?role=audience&pid=${pid}`);
    assert.equal((await lost.closed).code, 4004, id);
  }

  // A flood in a hall is closed there (4008), as the talk closes one.
  const flooder = await joinThroughTalk(server, room.code, "flooder");
  assert.notEqual(flooder.hall, null);
  for (let i = 0; i < 500; i++) flooder.socket.send({ type: "ping", id: String(i) });
  assert.equal((await flooder.socket.closed).code, 4008);

  // The header that makes a socket a hall's link, sent from outside: dropped at the door, so the
  // socket is just a bad request (no role), not a hall that could speak for phones.
  // closeTimeout (as TestSocket does): don't wait 30 s for workerd to drop TCP after its close.
  const forged = new WebSocket(`${server.wsOrigin}/parties/main/${room.code}`, { headers: { [HALL_HEADER]: "0" }, closeTimeout: 300 } as WebSocket.ClientOptions);
  const closed = await new Promise<number>((resolve) => forged.on("close", (code) => resolve(code)));
  assert.equal(closed, 4000);
  // And the room is none the worse: three phones and the flooder's hall place, counted once.
  await until(async () => (await syncOf(presenter)).state.audience === 3, { what: "three phones counted", timeoutMs: 8_000 });
});
