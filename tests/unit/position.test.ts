import { test } from "node:test";
import assert from "node:assert/strict";
import { clamp, first, last, next, previous, progress } from "../../src/deck/position.ts";

// Three slides: no steps, two steps, one step.
const steps = [0, 2, 1];

test("next walks every step, then the next slide, and stops at the end", () => {
  const visited = [first()];
  for (let i = 0; i < 10; i++) visited.push(next(visited.at(-1)!, steps));
  assert.deepEqual(visited.slice(0, 6), [
    { slide: 0, step: 0 },
    { slide: 1, step: 0 },
    { slide: 1, step: 1 },
    { slide: 1, step: 2 },
    { slide: 2, step: 0 },
    { slide: 2, step: 1 },
  ]);
  assert.deepEqual(visited.at(-1), { slide: 2, step: 1 });
});

test("previous undoes next exactly, landing on a slide fully revealed", () => {
  let position = last(steps);
  const back = [position];
  for (let i = 0; i < 10; i++) back.push((position = previous(position, steps)));
  assert.deepEqual(back.slice(0, 6), [
    { slide: 2, step: 1 },
    { slide: 2, step: 0 },
    { slide: 1, step: 2 },
    { slide: 1, step: 1 },
    { slide: 1, step: 0 },
    { slide: 0, step: 0 },
  ]);
  assert.deepEqual(back.at(-1), first());
});

test("clamp keeps any position inside the deck", () => {
  assert.deepEqual(clamp({ slide: -3, step: 9 }, steps), { slide: 0, step: 0 });
  assert.deepEqual(clamp({ slide: 1, step: 9 }, steps), { slide: 1, step: 2 });
  assert.deepEqual(clamp({ slide: 99, step: -1 }, steps), { slide: 2, step: 0 });
  assert.deepEqual(clamp({ slide: 1.7, step: 1.2 }, steps), { slide: 1, step: 1 });
  assert.deepEqual(clamp({ slide: 0, step: 0 }, []), { slide: 0, step: 0 });
});

test("progress counts every step as one move, from 0 to 1", () => {
  assert.equal(progress(first(), steps), 0);
  assert.equal(progress(last(steps), steps), 1);
  assert.equal(progress({ slide: 1, step: 1 }, steps), 2 / 5);
  assert.equal(progress(first(), [0]), 1);
});
