/** Reactions per slide (src/features/reactions/bySlide.ts): counted on the slide shown, bounded, stored. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_SLIDES, ReactionsBySlide } from "../../src/features/reactions/bySlide.ts";
import { emptyTotals } from "../../src/features/reactions/tally.ts";

test("each batch counts on the slide shown when it arrived; slides without any are left out", () => {
  const slides = new ReactionsBySlide();
  slides.add(3, { "👏": 2 });
  slides.add(3, { "👏": 1, "🔥": 4 });
  slides.add(0, { "🐍": 1 });
  slides.add(7, {});
  assert.deepEqual(slides.export(), [
    { slide: 1, totals: { ...emptyTotals(), "🐍": 1 }, total: 1 },
    { slide: 4, totals: { ...emptyTotals(), "👏": 3, "🔥": 4 }, total: 7 },
  ]);
});

test("a slide number past any deck, or not a number, keeps nothing", () => {
  const slides = new ReactionsBySlide();
  for (const index of [-1, MAX_SLIDES, 1.5, Number.NaN]) slides.add(index, { "👏": 1 });
  assert.deepEqual(slides.export(), []);
});

test("stored and read back exactly; broken storage reads as nothing", () => {
  const slides = new ReactionsBySlide();
  slides.add(2, { "❤️": 5 });
  const again = new ReactionsBySlide(JSON.parse(JSON.stringify(slides.stored())));
  assert.deepEqual(again.export(), slides.export());
  assert.deepEqual(new ReactionsBySlide({ "-1": { "👏": 3 }, x: 1, 9999: { "👏": 1 } }).export(), []);
  assert.deepEqual(new ReactionsBySlide("broken").export(), []);
});
