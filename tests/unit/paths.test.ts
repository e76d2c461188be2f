import { test } from "node:test";
import assert from "node:assert/strict";
import { positionFromUrl, slideHref } from "../../src/deck/paths.ts";

test("slide URLs count from 1 and carry the step only when there is one", () => {
  assert.equal(slideHref("/", 0), "/slides/1/");
  assert.equal(slideHref("/", 4, 2), "/slides/5/?step=2");
  assert.equal(slideHref("/talk", 1), "/talk/slides/2/");
});

test("a slide URL reads back as the position it was made from", () => {
  for (const [base, slide, step] of [["/", 0, 0], ["/", 12, 3], ["/talk/", 2, 1]] as const) {
    const url = new URL(slideHref(base, slide, step), "http://example.test");
    assert.deepEqual(positionFromUrl(url, base), { slide, step });
  }
});

test("other URLs are not slides", () => {
  for (const path of ["/", "/slides/", "/slides/x/", "/join/", "/other/slides/1/"]) {
    assert.equal(positionFromUrl(new URL(path, "http://example.test"), "/"), null, path);
  }
  const junkStep = new URL("/slides/3/?step=abc", "http://example.test");
  assert.deepEqual(positionFromUrl(junkStep, "/"), { slide: 2, step: 0 });
});
