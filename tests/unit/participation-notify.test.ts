import { test } from "node:test";
import assert from "node:assert/strict";
import { NOTIFICATIONS_KEPT, NotifyLedger } from "../../src/features/notify/ledger.ts";

test("acks count once per participant, with the server-measured round trip", () => {
  const ledger = new NotifyLedger();
  const note = ledger.send("email", 1_000, { sent: 4, audience: 3 });
  assert.deepEqual(note, { id: 1, kind: "email", at: 1_000 });
  assert.equal(ledger.report().notifications[0]!.latency, null);
  assert.equal(ledger.ack(1, "aaaaaaaa", 1_020), true);
  assert.equal(ledger.ack(1, "aaaaaaaa", 1_500), false, "a second tab of the same phone");
  assert.equal(ledger.ack(1, "bbbbbbbb", 1_040), true);
  assert.equal(ledger.ack(2, "bbbbbbbb", 1_040), false, "no such notification");
  const [record] = ledger.report().notifications;
  assert.deepEqual(record, { id: 1, kind: "email", at: 1_000, sent: 4, audience: 3, acked: 2, latency: { mean: 30, max: 40 } });
});

test("ids keep growing across a reset, so a late ack never counts for a new notification", () => {
  const ledger = new NotifyLedger();
  ledger.send("like", 0, { sent: 1, audience: 1 });
  ledger.clear();
  assert.equal(ledger.ack(1, "aaaaaaaa", 5), false);
  assert.equal(ledger.send("message", 10, { sent: 1, audience: 1 }).id, 2);
});

test("only the newest notifications are kept", () => {
  const ledger = new NotifyLedger();
  for (let i = 0; i < NOTIFICATIONS_KEPT + 5; i++) ledger.send("like", i, { sent: 0, audience: 0 });
  const ids = ledger.report().notifications.map((n) => n.id);
  assert.equal(ids.length, NOTIFICATIONS_KEPT);
  assert.equal(ids[0], 6);
});
