import { test } from "node:test";
import assert from "node:assert/strict";
import { ReportStream } from "../../src/party/reportStream.ts";

const frame = (text: string | null) => (text === null ? null : (JSON.parse(text) as Record<string, unknown>));

test("a patched stream: whole to a newcomer, then what changed, nothing when nothing did", () => {
  const stream = new ReportStream("questions", true);
  let report = { questions: { q1: { votes: 0 } }, open: 1 };
  assert.deepEqual(frame(stream.first(() => report)), { type: "report", feature: "questions", data: report });
  assert.deepEqual(frame(stream.next(report)), { type: "report", feature: "questions", data: report }, "a stream's first report is whole");
  report = { questions: { q1: { votes: 1 } }, open: 1 };
  assert.deepEqual(frame(stream.next(report)), { type: "report", feature: "questions", patch: { questions: { q1: { votes: 1 } } } });
  assert.equal(stream.next({ questions: { q1: { votes: 1 } }, open: 1 }), null);
});

test("a newcomer gets what its group was sent last, so the group's next patch applies to it too", () => {
  const stream = new ReportStream("questions", true);
  const sent = { questions: { q1: { votes: 1 } }, open: 1 };
  stream.next(sent);
  const changedSince = () => ({ questions: { q1: { votes: 2 } }, open: 1 });
  assert.deepEqual(frame(stream.first(changedSince))?.["data"], sent);
  assert.equal(stream.first(changedSince), stream.first(changedSince), "encoded once for a join storm");
  assert.deepEqual(frame(stream.next(changedSince()))?.["patch"], { questions: { q1: { votes: 2 } } });
});

test("a stream's first report, and the first after a reset, go whole", () => {
  const stream = new ReportStream("questions", true);
  assert.ok("data" in frame(stream.first(() => ({ questions: {}, open: 0 })))!);
  assert.ok("data" in frame(stream.next({ questions: {}, open: 0 }))!, "whole even when unchanged: sockets from before a wake-up");
  assert.equal(stream.next({ questions: {}, open: 0 }), null);
  stream.restart();
  assert.ok("data" in frame(stream.next({ questions: {}, open: 0 }))!, "whole even when unchanged");
  assert.equal(stream.next({ questions: {}, open: 0 }), null);
});

test("a stream without patches sends every report whole, as before", () => {
  const stream = new ReportStream("reactions", false);
  const report = { total: 3 };
  assert.deepEqual(frame(stream.first(() => report)), { type: "report", feature: "reactions", data: report });
  assert.deepEqual(frame(stream.next(report)), { type: "report", feature: "reactions", data: report });
});
