/**
 * The slide "Python na sala" runs as shown: docs/examples/python_na_sala.py (and the English
 * slide's python_in_the_room.py), with only its two placeholders (SERVIDOR, SALA) filled in the
 * way the slide fills them in a live room, joins a real room as audience with Debian's
 * python3-websockets, reads the snapshot, sends its reaction, and prints what the room pushes.
 * The same messages are also checked from Node, for machines without python3-websockets.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fillProgram } from "../../src/features/python/program.ts";
import { createRoom, joinAsAudience, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { pythonPrintedReport, reportWhere } from "./support.ts";

const ROOT = new URL("../../", import.meta.url);
const PROGRAMS = [
  { file: "python_na_sala.py", inTheRoom: "na sala" },
  { file: "python_in_the_room.py", inTheRoom: "in the room" },
].map((program) => ({ ...program, text: readFileSync(new URL(`docs/examples/${program.file}`, ROOT), "utf8") }));
const PYTHON = "/usr/bin/python3";
const REACT = { type: "react", counts: { "🐍": 1 } };

/** True once another helper's reactions module is registered: then its totals must show the 🐍. */

const snakes = (data: unknown) => (data as { totals?: Record<string, number> }).totals?.["🐍"];

const pythonHasWebsockets = spawnSync(PYTHON, ["-c", "import websockets"], { stdio: "ignore" }).status === 0;

let server: PartyServer | undefined;
after(async () => {
  await server?.dispose();
});

async function freshServer(): Promise<PartyServer> {
  server ??= await startPartyServer();
  return server;
}

/** The snippet with its placeholders filled in, as the slide does in a live room: nothing else changes. */
function filledIn(text: string, origin: string, code: string): string {
  const program = fillProgram(text, { server: origin, room: code });
  assert.ok(program.includes(JSON.stringify(origin)) && program.includes(JSON.stringify(code)));
  return program;
}

/** Runs the program; resolves with its output once `done(output)` holds (then stops it), or rejects. */
function runPython(program: string, done: (output: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const child = spawn(PYTHON, ["-u", "-"], { env: { ...process.env, PYTHONIOENCODING: "utf-8" }, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  let errors = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`python did not print what was expected in ${timeoutMs} ms.\nstdout:\n${output}\nstderr:\n${errors}`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (done(output)) {
        clearTimeout(timer);
        child.kill("SIGTERM");
        resolve(output);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (!done(output)) reject(new Error(`python exited (${code}) early.\nstdout:\n${output}\nstderr:\n${errors}`));
    });
    child.stdin.end(program);
  });
}

for (const { file, text, inTheRoom } of PROGRAMS) {
  test(`the slide's Python program (${file}) joins the room, reads the snapshot, reacts and hears the room`, { skip: !pythonHasWebsockets && `${PYTHON} has no websockets` }, async () => {
    const party = await freshServer();
    const { room, presenter } = await roomWithPresenter(party);
    presenter.send({ type: "goto", slide: 4, step: 0 });
    await presenter.next((m) => m.type === "delta" && m.changes.slide === 4);

    let moved = false;
    const output = await runPython(filledIn(text, party.wsOrigin, room.code), (printed) => {
      // Once it has joined, the presenter moves on: the program must print that delta unasked.
      if (!moved && printed.includes(`${inTheRoom}\n`)) {
        moved = true;
        presenter.send({ type: "goto", slide: 5, step: 0 });
      }
      return /'type': 'delta'.*'slide': 5/.test(printed) && /'type': 'delta'.*'audience': 1/.test(printed) && new RegExp(`${pythonPrintedReport("reactions")}.*'🐍': [1-9]`).test(printed);
    });
    process.stdout.write(`--- python printed ---\n${output}----------------------\n`);

    const lines = output.trimEnd().split("\n");
    // The snapshot comes first: the protocol's slide 4 is the fifth slide people see, and nobody
    // else is in the room yet (it doesn't count itself).
    assert.equal(lines[0], `slide 5 | 0 ${inTheRoom}`);
    assert.ok(lines.some((line) => /'type': 'delta'.*'audience': 1/.test(line)), "the room counted it");
    assert.ok(!output.includes("'type': 'error'"), "the react message was accepted");
    // Its 🐍 reached the room's totals, which every phone (this program too) and the projector hear.
    await reportWhere(presenter, "reactions", (data) => snakes(data) === 1, 5_000);
    assert.match(output, new RegExp(`${pythonPrintedReport("reactions")}.*'🐍': 1\\b`));
  });
}

test("the same messages from Node: snapshot first, react accepted, an invalid reaction refused", async () => {
  const party = await freshServer();
  const room = await createRoom(party);
  const [phone, snapshot] = await joinAsAudience(party, room.code, "node-snippet-01");
  assert.equal(snapshot.type, "snapshot");
  assert.equal(snapshot.you.role, "audience");
  assert.equal(typeof snapshot.state.slide, "number");
  phone.send(REACT);
  phone.send({ type: "react", counts: { "🦀": 1 } });
  const refusal = await phone.nextOfType("error");
  assert.equal(refusal.code, "bad_message");
  // Only the invalid one was refused: no second error follows.
  phone.send({ type: "ping", id: "after" });
  await phone.nextOfType("pong");
  assert.equal(phone.unreadMessages().filter((m) => m.type === "error").length, 0);
  await phone.close();
});
