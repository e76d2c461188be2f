import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fillProgram, findPlaceholders, roomServer } from "../../src/features/python/program.ts";

// The slide "Python na sala" shows the same program that the integration test runs
// (tests/integration/python-snippet.test.ts): the slide can't drift from code that works.
const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const versions = [
  { slide: read("slides/41-python-na-sala.mdx"), program: read("docs/examples/python_na_sala.py"), server: "SERVIDOR", room: "SALA" },
  { slide: read("slides/en/41-python-na-sala.mdx"), program: read("docs/examples/python_in_the_room.py"), server: "SERVER", room: "ROOM" },
];

test("each language's slide shows its program in docs/examples/, character for character, inside <PythonInRoom>", () => {
  for (const { slide, program } of versions) {
    const blocks = [...slide.matchAll(/^```python\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
    assert.equal(blocks.length, 1, "one python block on the slide");
    assert.equal(blocks[0], program);
    assert.match(slide, /<PythonInRoom>\n\n```python[\s\S]*```\n\n<\/PythonInRoom>/);
  }
});

test("the snippet has placeholders the speaker fills, on lines the test can replace", () => {
  for (const { program, server, room } of versions) {
    assert.match(program, new RegExp(`^${server} = "wss://[^"]+"$`, "m"));
    assert.match(program, new RegExp(`^${room} = "[A-Z0-9]{5}"`, "m"));
    const found = findPlaceholders(program.split("\n"));
    assert.deepEqual(found, { server: { line: 3, value: found?.server.value }, room: { line: 4, value: "K7QXM" } });
  }
});

test("the snippet asks the room for its id, joins as audience with it and sends a react message", () => {
  for (const { program } of versions) {
    assert.match(program, /\/participants", method="POST"/);
    assert.match(program, /role=audience&pid=\{pid\}/);
    assert.match(program, /websockets\.connect\(url\)/);
    assert.match(program, /\{"type": "react", "counts": \{"🐍": 1\}\}/);
  }
});

test("the program prints the slide as people see it: the protocol's 0-based index + 1", () => {
  assert.match(versions[0]!.program, /print\("slide", estado\["slide"\] \+ 1,/);
  assert.match(versions[1]!.program, /print\("slide", state\["slide"\] \+ 1,/);
});

test("filling in a room changes exactly the two values", () => {
  const { program } = versions[0]!;
  const filled = fillProgram(program, { server: "ws://192.168.0.12:1999", room: "AB2CD" });
  const [before, after] = [program.split("\n"), filled.split("\n")];
  const changed = after.flatMap((line, index) => (line === before[index] ? [] : [line]));
  assert.deepEqual(changed, ['SERVIDOR = "ws://192.168.0.12:1999"', 'SALA = "AB2CD"  # o código que está no projetor']);
});

test("the room's server: the join address's host, ws:// under http and wss:// under https", () => {
  const page = (href: string) => new URL(href);
  // npm start: the presenter on localhost, the QR code on this machine's network address.
  assert.equal(roomServer(page("http://localhost:1999/present/"), "http://192.168.0.12:1999"), "ws://192.168.0.12:1999");
  // Any host at all: a .local name, a public IP.
  assert.equal(roomServer(page("http://talk.local:1999/join/"), undefined), "ws://talk.local:1999");
  assert.equal(roomServer(page("http://203.0.113.7:1999/join/"), ""), "ws://203.0.113.7:1999");
  // Deployed on https.
  assert.equal(roomServer(page("https://full-duplex.example.partykit.dev/present/"), undefined), "wss://full-duplex.example.partykit.dev");
  // The site hosted apart from its rooms: the room host, in the page's scheme.
  assert.equal(roomServer(page("https://example.github.io/talk/"), undefined, "rooms.example.dev"), "wss://rooms.example.dev");
});
