/**
 * Reactions and push notifications against a real `partykit dev`, with 50 phones: reaction
 * totals are exact however the batches interleave, the room answers hundreds of batches with a
 * few coalesced broadcasts (both numbers are printed: messages in, broadcasts out), a
 * notification reaches every phone and every ack is counted, and the totals survive a killed
 * server.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { REACTIONS, type Reaction } from "../../src/features/reactions/protocol.ts";
import type { NotificationMessage } from "../../src/room/wire.ts";
import type { ReactionsReport } from "../../src/features/reactions/tally.ts";
import type { NotifyReport } from "../../src/features/notify/ledger.ts";
import { joinAsAudience, joinAsPresenter, joinPhones, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { isReport, reportsIn, reportWhere, sleep } from "./support.ts";

const servers: PartyServer[] = [];
after(async () => {
  for (const server of servers.reverse()) await server.dispose();
});

const PHONES = 50;
const BATCHES = 10;

test("50 phones react and get a notification: exact totals, coalesced broadcasts, every ack counted; totals survive a crash", async () => {
  const first = await startPartyServer();
  servers.push(first);
  const { room, presenter } = await roomWithPresenter(first);
  const phones = await joinPhones(first, room.code, PHONES);
  const watcher = phones[0]![0];
  // The reactions report each gets on connect is in before the counting starts.
  await reportWhere(presenter, "reactions");
  await reportWhere(watcher, "reactions");
  const watcherBefore = watcher.frames.length;
  const presenterBefore = presenter.frames.length;

  // Each phone sends BATCHES batches, about 100 ms apart (a real phone waits ~300 ms: this is denser).
  const expected = Object.fromEntries(REACTIONS.map((r) => [r, 0])) as Record<Reaction, number>;
  const started = Date.now();
  await Promise.all(
    phones.map(async ([socket], i) => {
      await sleep(i % 10);
      for (let b = 0; b < BATCHES; b++) {
        const counts: Partial<Record<Reaction, number>> = { [REACTIONS[(i + b) % REACTIONS.length]!]: 1 + ((i * 7 + b) % 50) };
        if (b % 3 === 0) counts["🐍"] = (counts["🐍"] ?? 0) + 1;
        for (const [reaction, n] of Object.entries(counts)) expected[reaction as Reaction] += n;
        socket.send({ type: "react", counts });
        await sleep(100);
      }
    }),
  );
  const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
  const final = await reportWhere<ReactionsReport>(watcher, "reactions", (data) => data.total === total);
  const elapsed = Date.now() - started;
  assert.deepEqual(final.totals, expected);
  assert.equal(final.batches, PHONES * BATCHES);
  const onPresenter = await reportWhere<ReactionsReport>(presenter, "reactions", (data) => data.total === total);
  assert.deepEqual(onPresenter.totals, expected);
  await sleep(300); // waits out three report windows (100 ms): nothing more should follow

  const broadcasts = watcher.frames.slice(watcherBefore).filter((frame) => isReport(frame, "reactions"));
  const toPresenter = presenter.frames.slice(presenterBefore).filter((frame) => isReport(frame, "reactions"));
  const messagesIn = PHONES * BATCHES;
  console.log(
    `reactions: ${messagesIn} messages in (${total} taps) over ${elapsed} ms → ${broadcasts.length} broadcasts to each phone, ${toPresenter.length} reports to the presenter`,
  );
  // At most one broadcast per 100 ms window (plus the window still open at each end).
  assert.ok(broadcasts.length <= Math.ceil(elapsed / 100) + 2, `${broadcasts.length} broadcasts in ${elapsed} ms`);
  assert.ok(broadcasts.length < messagesIn / 10, "never one broadcast per batch");
  // Every phone got the same exact totals.
  for (const [socket] of phones) {
    const last = reportsIn<ReactionsReport>(socket.frames, "reactions").at(-1);
    assert.deepEqual(last?.totals, expected);
  }

  // The audience and the projector may not push; only the presenter may; phones may not react for others.
  watcher.send({ type: "notify", kind: "email" });
  assert.equal((await watcher.nextOfType("error")).code, "forbidden");
  presenter.send({ type: "react", counts: { "👏": 1 } });
  assert.equal((await presenter.nextOfType("error")).code, "forbidden");

  // A push to every phone at once; each acknowledges.
  presenter.send({ type: "notify", kind: "message" });
  const notes = await Promise.all(phones.map(([socket]) => socket.nextOfType("notification")));
  const id = notes[0]!.id;
  for (const note of notes) assert.deepEqual(note, { type: "notification", id, kind: "message", at: notes[0]!.at } satisfies NotificationMessage);
  phones.forEach(([socket]) => socket.send({ type: "ack", id }));
  watcher.send({ type: "ack", id }); // a repeat counts once
  const delivered = await reportWhere<NotifyReport>(presenter, "notify", (data) => data.notifications.at(-1)?.acked === PHONES);
  const record = delivered.notifications.at(-1)!;
  assert.equal(record.sent, PHONES);
  assert.equal(record.audience, PHONES);
  assert.ok(record.latency && record.latency.max >= record.latency.mean && record.latency.mean >= 0);
  console.log(`notify: sent to ${record.sent}, ${record.acked} acks, round trip mean ${record.latency!.mean} ms, max ${record.latency!.max} ms`);

  // Reset zeroes the totals, for everyone; then a few more, which must survive a crash.
  presenter.send({ type: "reset", feature: "reactions" });
  await reportWhere<ReactionsReport>(watcher, "reactions", (data) => data.total === 0);
  watcher.send({ type: "react", counts: { "🔥": 7, "👏": 2 } });
  // That report is the acknowledgement: the handler doesn't await its write, but issues it just
  // before each report, and the Durable Object output gate (workerd's too) holds the report
  // until the write is durable. So the crash may come the moment the report is seen.
  await reportWhere<ReactionsReport>(presenter, "reactions", (data) => data.total === 9);

  await first.kill();
  const second = await startPartyServer({ port: first.port, persistDir: first.persistDir });
  servers.push(second);
  const [again] = await joinAsPresenter(second, room);
  const restored = await reportWhere<ReactionsReport>(again, "reactions", () => true);
  assert.equal(restored.totals["🔥"], 7);
  assert.equal(restored.totals["👏"], 2);
  assert.equal(restored.total, 9);
  const [phone] = await joinAsAudience(second, room.code, "phone-after-crash");
  assert.equal((await reportWhere<ReactionsReport>(phone, "reactions", () => true)).total, 9, "phones get the totals when they join");
  await again.close();
  await phone.close();
});
