import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

// The slide "Python na sala" shows the same program that the integration test runs
// (tests/integration/python-snippet.test.ts): the slide can't drift from code that works.
const root = new URL("../../", import.meta.url);
const slide = readFileSync(new URL("slides/38-python-na-sala.mdx", root), "utf8");
const program = readFileSync(new URL("docs/examples/python_na_sala.py", root), "utf8");

test("the slide's Python snippet is docs/examples/python_na_sala.py, character for character", () => {
  const blocks = [...slide.matchAll(/^```python\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  assert.equal(blocks.length, 1, "one python block on the slide");
  assert.equal(blocks[0], program);
});

test("the snippet has placeholders the speaker fills, on lines the test can replace", () => {
  assert.match(program, /^SERVIDOR = "wss:\/\/[^"]+"$/m);
  assert.match(program, /^SALA = "[A-Z0-9]{5}"/m);
});

test("the snippet asks the room for its id, joins as audience with it and sends a react message", () => {
  assert.match(program, /\/participants", method="POST"/);
  assert.match(program, /role=audience&pid=\{pid\}/);
  assert.match(program, /websockets\.connect\(url\)/);
  assert.match(program, /\{"type": "react", "counts": \{"🐍": 1\}\}/);
});
