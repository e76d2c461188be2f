import { test } from "node:test";
import assert from "node:assert/strict";
import { applyPatch, diffPatch } from "../../src/room/patch.ts";

/** Folding the diff of two values gives the second back, and the first is left as it was. */
function roundTrip<T>(before: T, after: T): void {
  const copy = structuredClone(before);
  const patch = diffPatch(before, after);
  assert.deepEqual(patch === null ? before : applyPatch(before, patch), after);
  assert.deepEqual(before, copy, "neither value is changed");
}

test("a patch holds only what changed: a vote is one number under its question's id", () => {
  const before = { questions: { q1: { text: "Pergunta longa", votes: 3, status: "open" }, q2: { text: "Outra", votes: 0, status: "open" } }, open: 2 };
  const after = { questions: { q1: { text: "Pergunta longa", votes: 4, status: "open" }, q2: { text: "Outra", votes: 0, status: "open" } }, open: 2 };
  assert.deepEqual(diffPatch(before, after), { questions: { q1: { votes: 4 } } });
  roundTrip(before, after);
});

/** A report shaped like the questions': a list kept as an object keyed by id. */
interface Board {
  questions: Record<string, { votes: number }>;
  open: number;
}

test("what left is null, what arrived comes whole, nothing changed is null", () => {
  const before: Board = { questions: { q1: { votes: 1 }, q2: { votes: 2 } }, open: 2 };
  const after: Board = { questions: { q2: { votes: 2 }, q3: { votes: 0 } }, open: 1 };
  assert.deepEqual(diffPatch(before, after), { questions: { q1: null, q3: { votes: 0 } }, open: 1 });
  roundTrip(before, after);
  assert.equal(diffPatch(after, structuredClone(after)), null);
  assert.deepEqual(diffPatch({ yours: { q1: { votes: 1 } } }, { yours: {} }), { yours: { q1: null } });
});

test("arrays and scalars are replaced whole; undefined members count as absent", () => {
  roundTrip({ buckets: [1, 2, 3], name: "a" }, { buckets: [1, 2, 4], name: "b" });
  assert.deepEqual(diffPatch({ buckets: [1, 2] }, { buckets: [1, 2, 3] }), { buckets: [1, 2, 3] });
  assert.equal(diffPatch({ a: 1, b: undefined }, { a: 1 }), null);
  assert.deepEqual(diffPatch<{ a: number; you?: { asked: string } }>({ a: 1, you: { asked: "q1" } }, { a: 1 }), { you: null });
  roundTrip<unknown>({ a: { b: 1 } }, { a: 5 });
  roundTrip<unknown>({ a: 5 }, { a: { b: 1 } });
});

test("applying follows RFC 7396: objects merge, null removes, a non-object target is replaced", () => {
  assert.deepEqual(applyPatch<unknown>({ a: "b", c: { d: "e", f: "g" } }, { a: "z", c: { f: null } }), { a: "z", c: { d: "e" } });
  assert.deepEqual(applyPatch<unknown>({ a: [1] }, { a: { b: 1 } }), { a: { b: 1 } });
  assert.deepEqual(applyPatch<unknown>({ a: 1 }, { b: { c: null } }), { a: 1, b: {} });
});

test("a patch can't reach a prototype", () => {
  const patch: unknown = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"ok":1}');
  const result = applyPatch<Record<string, unknown>>({}, patch as Record<string, unknown>);
  assert.deepEqual(result, { ok: 1 });
  assert.equal(Object.getPrototypeOf(result), Object.prototype);
  assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
});
