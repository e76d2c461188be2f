/**
 * Hostile input against a real `partykit dev`. 42 sockets (40 phones, a screen, a presenter) send
 * 10,500 malformed frames from malformed.ts, each socket paced just under the rate limit, while a
 * presenter and six phones use the room honestly (slides, timer, a poll, reactions, a question,
 * a notification). Every bad frame must get its typed error, in order, and the honest sockets'
 * deltas must come without a gap and add up to the exact state. Then two abusive sockets: a
 * flood of junk gets exactly DEFAULT_RATE.maxRefused `rate_limited`, then the close (4008); a frame over the
 * runtime's 1 MiB limit is closed by the runtime (1009) before the room sees it. Neither disturbs
 * anyone else.
 *
 * The corpus is random but reproducible: the seed is printed, and FUZZ_SEED=<n> replays it.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type WebSocket from "ws";
import { DEFAULT_RATE } from "../../src/room/limiter.ts";
import { CLOSE_CODES, ERROR_CODES, type ErrorMessage } from "../../src/room/errors.ts";
import { REACTIONS, type Reaction } from "../../src/features/reactions/protocol.ts";
import type { Role } from "../../src/room/participants.ts";
import type { ServerMessage } from "../../src/room/wire.ts";
import type { NotifyReport } from "../../src/features/notify/ledger.ts";
import { questionList } from "../../src/features/questions/rules.ts";
import type { ReactionsReport } from "../../src/features/reactions/tally.ts";
import { applyDelta, type PublicState, type RoomView } from "../../src/room/state.ts";
import { allFrames, TestSocket } from "./client.ts";
import { describeWire, HONEST_POLL_ID, hostileFrames, KINDS, MESSAGE_TYPES, POLLUTION_MARK, wireBytes, type HostileFrame, type Kind, type Wire } from "./malformed.ts";
import { createRoom, joinAsAudience, joinAsPresenter, joinAsScreen } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { foldedWhere, patchWhere, phases, reportsIn, reportWhere, sleep } from "./support.ts";

const SEED = Number(process.env["FUZZ_SEED"] ?? Math.floor(Math.random() * 2 ** 32));
const seedNote = `(FUZZ_SEED=${SEED})`;
/** Phones sending junk; one screen and one presenter send junk too. */
const FUZZ_PHONES = 40;
const FRAMES_PER_SOCKET = 250;
/**
 * Per socket, each frame at least this long after the previous one (never catching up after a
 * delay): under the limit's 20/s, so every frame is answered for what it is, never rate_limited.
 */
const FRAME_INTERVAL_MS = 1000 / 18;
/** Unanswered frames a socket lets pile up: below the bucket's 40, so a server that stalls and catches up can't see a burst. */
const IN_FLIGHT_MAX = 30;
const FLOOD_FRAMES = 600;
/** The runtime's largest WebSocket message (workerd and Cloudflare: 1 MiB). */
const RUNTIME_MAX_MESSAGE = 1024 * 1024;

const HONEST_PIDS = ["honest-ana-0001", "honest-bia-0002", "honest-caio-003", "honest-davi-004", "__proto__", "constructor"];
const POLL = { id: HONEST_POLL_ID, question: "Você já usou WebSocket?", options: ["Sim", "Não", "Só ouvi falar"] };
const QUESTION = "Dá para usar WebSocket com Django?";
const MOVES = 24;
const BATCHES = 16;

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

let server: PartyServer | undefined;
after(async () => {
  await server?.dispose();
});

// ── Fuzzers ──────────────────────────────────────────────────────────────────────────────────

interface Answer {
  code: string;
  ref: string | undefined;
  detail: string | undefined;
}

function sendWire(ws: WebSocket, wire: Wire): void {
  if ("text" in wire) ws.send(wire.text);
  else if ("binary" in wire) ws.send(wire.binary);
  else ws.send(wire.invalidUtf8, { binary: false }); // ws sends the bytes as they are
}

/** A socket sending hostile frames, and every error it got back, in order. */
class Fuzzer {
  readonly name: string;
  readonly socket: TestSocket;
  readonly frames: HostileFrame[];
  readonly answers: Answer[] = [];
  private wake: (() => void) | null = null;

  constructor(name: string, socket: TestSocket, frames: HostileFrame[]) {
    this.name = name;
    this.socket = socket;
    this.frames = frames;
    socket.ws.on("message", (data, isBinary) => {
      const text = isBinary ? "" : data.toString();
      if (!text.startsWith('{"type":"error"')) return; // the room's errors start so; skip parsing the rest
      const message = JSON.parse(text) as ErrorMessage;
      this.answers.push({ code: message.code, ref: message.ref, detail: message.detail });
      this.wake?.();
    });
  }

  private answered(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no answer for ${timeoutMs} ms after ${this.answers.length} ${seedNote}`)), timeoutMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  /** Sends every frame, paced, then a ping: its pong comes after the last answer. */
  async run(delayMs: number): Promise<void> {
    let next = Date.now() + delayMs;
    const paced = async (sent: number) => {
      const wait = next - Date.now();
      if (wait > 0) await sleep(wait);
      while (sent - this.answers.length >= IN_FLIGHT_MAX) await this.answered(30_000);
      next = Date.now() + FRAME_INTERVAL_MS;
    };
    for (const [i, frame] of this.frames.entries()) {
      await paced(i);
      sendWire(this.socket.ws, frame.wire);
    }
    await paced(this.frames.length);
    this.socket.send({ type: "ping", id: "fuzz-end" });
    await this.socket.next((m) => m.type === "pong" && m.id === "fuzz-end", 30_000);
  }
}

/** Each frame's answer, in order, is exactly the error its kind calls for. */
function assertAnswered(fuzzer: Fuzzer): void {
  const { frames, answers } = fuzzer;
  for (const [i, frame] of frames.entries()) {
    const answer = answers[i];
    const where = `${fuzzer.name} frame ${i} (${frame.kind}) ${describeWire(frame.wire)} ${seedNote}`;
    assert.ok(answer, `no answer to ${where}`);
    assert.deepEqual({ code: answer.code, ref: answer.ref }, { code: frame.expect.code, ref: frame.expect.ref }, where);
    assert.ok(answer.detail === undefined || answer.detail.length <= 32, `a detail is a short key: ${where}`);
  }
  assert.equal(answers.length, frames.length, `${fuzzer.name}: more errors than frames ${seedNote}`);
}

// ── The honest room ──────────────────────────────────────────────────────────────────────────

/** The presenter moves through MOVES slides, starts and resets the timer, sends a notification. */
async function present(presenter: TestSocket): Promise<void> {
  for (let slide = 1; slide <= MOVES; slide++) {
    presenter.send({ type: "goto", slide, step: slide % 3 });
    if (slide === 3) presenter.send({ type: "timer", action: "start" });
    if (slide === 8) presenter.send({ type: "notify", kind: "email" });
    if (slide === MOVES - 2) presenter.send({ type: "timer", action: "reset" });
    await sleep(550); // a presenter's pace, spread over the fuzzing
  }
}

/** This batch's taps for phone `i` (at most one batch per 450 ms, as a phone batches its taps). */
function batchOf(i: number, b: number): Partial<Record<Reaction, number>> {
  const counts: Partial<Record<Reaction, number>> = { [REACTIONS[(i + b) % REACTIONS.length]!]: 1 + ((i * 7 + b) % 50) };
  if (b % 4 === 0) counts["🐍"] = (counts["🐍"] ?? 0) + 1;
  return counts;
}

/**
 * Phone `i`: votes (phone 2 changes its mind), reacts BATCHES times, acks notifications; phone 0
 * asks the question, the others upvote it; phone 1 upvotes twice and phone 0 its own (typed refusals).
 */
async function takePart(i: number, phone: TestSocket, question: Deferred<string>): Promise<void> {
  phone.ws.on("message", (data) => {
    const message = JSON.parse(data.toString()) as ServerMessage;
    if (message.type === "notification") phone.send({ type: "ack", id: message.id });
  });
  for (let b = 0; b < BATCHES; b++) {
    phone.send({ type: "react", counts: batchOf(i, b) });
    if (b === 0 || (b === 8 && i === 2)) {
      const option = b === 0 ? i % 3 : 0;
      phone.send({ type: "vote", poll: POLL.id, option });
      assert.deepEqual(await phone.nextOfType("voted", 10_000), { type: "voted", poll: POLL.id, option });
    }
    if (b === 1 && i === 0) {
      phone.send({ type: "ask", text: QUESTION });
      question.resolve((await patchWhere(phone, "questions", (patch) => typeof patch.you?.asked === "string", 10_000)).you!.asked!);
    }
    if (b === 4 && i > 0) {
      const id = await question.promise;
      phone.send({ type: "upvote", id });
      await patchWhere(phone, "questions", (patch) => patch.you?.upvoted === id, 10_000);
    }
    if (b === 6 && i < 2) {
      phone.send({ type: "upvote", id: await question.promise });
      assert.equal((await phone.nextOfType("error", 10_000)).code, i === 0 ? "own_question" : "already_upvoted");
    }
    if (b === 10) phone.send({ type: "sync" });
    phone.send({ type: "ping", id: `honest-${i}-${b}` });
    await phone.next((m) => m.type === "pong" && m.id === `honest-${i}-${b}`, 20_000);
    await sleep(450); // a phone's batching pace (see batchOf)
  }
}

/**
 * The room as this socket saw it: the first snapshot, then every delta in turn. Deltas must come
 * one seq after another (no gap, no repeat), and each later snapshot must equal what the deltas built.
 */
function mirror(name: string, frames: readonly string[]): RoomView {
  let view: RoomView | null = null;
  for (const frame of frames) {
    const message = JSON.parse(frame) as ServerMessage;
    if (message.type === "snapshot") {
      if (view === null) view = { seq: message.seq, state: message.state };
      else assert.deepEqual({ seq: message.seq, state: message.state }, view, `${name}: a snapshot that the deltas did not build`);
    } else if (message.type === "delta") {
      assert.ok(view, `${name}: a delta before the snapshot`);
      assert.equal(message.seq, view.seq + 1, `${name}: seq went from ${view.seq} to ${message.seq}`);
      view = applyDelta(view, message);
    }
  }
  assert.ok(view, `${name}: no snapshot`);
  return view;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms ${seedNote}`)), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

// ── The test ─────────────────────────────────────────────────────────────────────────────────

test(`${(FUZZ_PHONES + 2) * FRAMES_PER_SOCKET} malformed frames: each gets its typed error, honest sockets keep exact state, abusers are closed`, async (t) => {
  process.stdout.write(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED})\n`);
  const started = Date.now();
  const phase = phases(t);
  const live = (server = await startPartyServer());
  const room = await createRoom(live);
  let presenter!: TestSocket;
  let phones: TestSocket[] = [];
  let fuzzers: Fuzzer[] = [];
  let sent: HostileFrame[] = [];
  const question = deferred<string>();

  await phase("a room with an open poll, six honest phones and 42 sockets with every kind of hostile frame", async () => {
    [presenter] = await joinAsPresenter(live, room);
    presenter.send({ type: "poll", action: "show", poll: POLL });
    presenter.send({ type: "poll", action: "open", poll: POLL });
    await presenter.next((m) => m.type === "delta" && m.changes.poll?.open === true);
    phones = await Promise.all(HONEST_PIDS.map(async (pid) => (await joinAsAudience(live, room.code, pid))[0]));
    const roles: Role[] = [...Array.from({ length: FUZZ_PHONES }, (): Role => "audience"), "screen", "presenter"];
    fuzzers = await Promise.all(
      roles.map(async (role, i) => {
        const name = `${role}-${String(i).padStart(2, "0")}`;
        const join = role === "audience" ? joinAsAudience(live, room.code, `fuzz-phone-${String(i).padStart(4, "0")}`) : role === "screen" ? joinAsScreen(live, room) : joinAsPresenter(live, room);
        return new Fuzzer(name, (await join)[0], hostileFrames(SEED + i, role, FRAMES_PER_SOCKET));
      }),
    );
    sent = fuzzers.flatMap((fuzzer) => fuzzer.frames);
    assert.deepEqual(new Set(sent.map((frame) => frame.kind)), new Set(KINDS), `every kind of hostile frame is in the corpus ${seedNote}`);
    for (const kind of ["wrong-type", "missing-field", "past-limit"] as const) {
      const covered = new Set(sent.filter((frame) => frame.kind === kind).map((frame) => frame.about));
      assert.deepEqual(MESSAGE_TYPES.filter((type) => type !== "sync" && !covered.has(type)), [], `${kind} covers every message type ${seedNote}`);
    }
    await presenter.next((m) => m.type === "delta" && m.changes.audience === HONEST_PIDS.length + FUZZ_PHONES, 10_000); // every join counted first
  });

  let fuzzMs = 0;
  await phase("junk and honest use at once: every bad frame gets its typed error, in order, and no fuzzer is closed", async () => {
    const fuzzStarted = Date.now();
    await Promise.all([
      ...fuzzers.map((fuzzer, i) => fuzzer.run((i * FRAME_INTERVAL_MS) / fuzzers.length)),
      present(presenter),
      ...phones.map((phone, i) => takePart(i, phone, question)),
    ]);
    fuzzMs = Date.now() - fuzzStarted;
    for (const fuzzer of fuzzers) assertAnswered(fuzzer);
    for (const fuzzer of fuzzers) assert.equal(fuzzer.socket.ws.readyState, fuzzer.socket.ws.OPEN, `${fuzzer.name} was closed ${seedNote}`);
  });

  let abusers = "";
  await phase("two abusers: a flood gets its rate_limited refusals, then 4008; a frame over 1 MiB is closed by the runtime (1009)", async () => {
    const [flooder] = await joinAsAudience(live, room.code, "flooder-0001");
    const [giant] = await joinAsAudience(live, room.code, "giant-000001");
    // Small frames only, so the flood arrives at once: 2 s of calm in the middle would forgive it.
    const floodFrames = hostileFrames(SEED + 1000, "audience", 2 * FLOOD_FRAMES).filter((frame) => wireBytes(frame.wire) <= 1024);
    const flood = new Fuzzer("flooder", flooder, floodFrames.slice(0, FLOOD_FRAMES));
    for (const frame of flood.frames) sendWire(flooder.ws, frame.wire);
    giant.send(`{"type":"ping","id":"${"x".repeat(RUNTIME_MAX_MESSAGE)}"}`);
    const [floodClosed, giantClosed] = await Promise.all([withTimeout(flooder.closed, 15_000, "the flooder's close"), withTimeout(giant.closed, 15_000, "the giant's close")]);

    assert.equal(floodClosed.code, CLOSE_CODES.policy);
    const limited = flood.answers.filter((answer) => answer.code === "rate_limited").length;
    // The refusal after the 200th is the close itself; what was still in flight is dropped unanswered.
    const floodNote = `${limited} rate_limited in ${flood.answers.length} answers ${seedNote}`;
    assert.equal(limited, DEFAULT_RATE.maxRefused, floodNote);
    assert.equal(flood.answers.at(-1)?.code, "rate_limited", `the close follows the refusals: ${floodNote}`);
    assert.ok(flood.answers.length < FLOOD_FRAMES, `frames after the close went unanswered: ${floodNote}`);
    for (const [i, answer] of flood.answers.entries()) {
      const expected = flood.frames[i]!.expect;
      const ok = answer.code === "rate_limited" ? answer.ref === undefined && i >= DEFAULT_RATE.burst : answer.code === expected.code && answer.ref === expected.ref;
      assert.ok(ok, `flood answer ${i}: ${JSON.stringify(answer)} for ${describeWire(flood.frames[i]!.wire)} ${seedNote}`);
    }
    assert.equal(giantClosed.code, 1009, "message too big: closed by the runtime");
    assert.deepEqual(giant.frames.filter((frame) => frame.includes('"error"')), [], "the room never saw the giant frame");
    abusers = `flood: ${flood.answers.length} answers (${limited} rate_limited) then ${floodClosed.code}; giant: ${giantClosed.code}`;
  });

  let fresh!: TestSocket;
  await phase("the honest room is exact: the state, every honest socket's deltas, only the expected refusals", async () => {
    presenter.send({ type: "poll", action: "close", poll: POLL });
    const seenSeq = mirror("presenter", presenter.frames).seq;
    await Promise.all(fuzzers.map((fuzzer) => fuzzer.socket.close()));
    await presenter.next((m) => m.type === "delta" && m.seq > seenSeq && m.changes.audience === HONEST_PIDS.length, 10_000);
    const expectedState: PublicState = {
      code: room.code,
      slide: MOVES,
      step: MOVES % 3,
      presenterOnline: true,
      audience: HONEST_PIDS.length,
      timer: { startedAt: null, elapsed: 0 },
      // Votes 0,1,2,0,1,2; phone 2 then changes to 0.
      poll: { ...POLL, open: false, counts: [3, 2, 1], total: 6 },
      joinCard: null,
      joinBadge: true,
    };
    const [screen, freshSnapshot] = await joinAsScreen(live, room);
    fresh = screen;
    assert.deepEqual(freshSnapshot.state, expectedState, "a fresh socket sees the exact state");
    assert.deepEqual(freshSnapshot.you, { role: "screen" });
    const honest: Array<[string, TestSocket]> = [["presenter", presenter], ...phones.map((phone, i): [string, TestSocket] => [HONEST_PIDS[i]!, phone])];
    for (const [name, socket] of honest) {
      socket.send({ type: "sync" });
      await socket.next((m) => m.type === "snapshot" && m.seq === freshSnapshot.seq, 5_000);
      assert.deepEqual(mirror(name, socket.frames), { seq: freshSnapshot.seq, state: expectedState }, `${name}'s deltas add up to the state`);
    }
    assert.deepEqual(presenter.frames.filter((frame) => frame.includes('"type":"error"')), [], "the presenter was never refused");
    phones.forEach((phone, i) => {
      const errors = phone.frames.map((frame) => JSON.parse(frame) as ServerMessage).filter((m): m is ErrorMessage => m.type === "error");
      assert.deepEqual(errors.map((error) => error.code), i === 0 ? ["own_question"] : i === 1 ? ["already_upvoted"] : [], `${HONEST_PIDS[i]}'s errors`);
    });
  });

  const expectedTotals = Object.fromEntries(REACTIONS.map((reaction) => [reaction, 0])) as Record<Reaction, number>;
  for (let i = 0; i < HONEST_PIDS.length; i++) for (let b = 0; b < BATCHES; b++) for (const [reaction, n] of Object.entries(batchOf(i, b))) expectedTotals[reaction as Reaction] += n;
  await phase("reactions, the question and the notification: exact totals", async () => {
    const expectedTotal = Object.values(expectedTotals).reduce((a, b) => a + b, 0);
    const reactions = await reportWhere(fresh, "reactions", () => true, 3_000);
    assert.deepEqual(reactions, { totals: expectedTotals, total: expectedTotal, batches: phones.length * BATCHES } satisfies ReactionsReport);
    const questions = await foldedWhere(fresh, "questions", () => true, 3_000);
    assert.deepEqual(questionList(questions.questions).map(({ at: _at, ...rest }) => rest), [{ id: await question.promise, text: QUESTION, votes: HONEST_PIDS.length - 1, status: "open" }]);
    const notify = reportsIn<NotifyReport>(presenter.frames, "notify").at(-1);
    assert.deepEqual(
      notify?.notifications.map(({ kind, sent: to, audience, acked }) => ({ kind, to, audience, acked })),
      [{ kind: "email", to: FUZZ_PHONES + HONEST_PIDS.length, audience: FUZZ_PHONES + HONEST_PIDS.length, acked: HONEST_PIDS.length }],
      "the notification reached every phone; only the honest ones acked",
    );
  });

  let exportBody = "";
  await phase("the server's own record (the export) says the same", async () => {
    const exported = await fetch(`${live.origin}/parties/main/${room.code}/export?format=json`, { headers: { authorization: `Bearer ${room.key}` } });
    exportBody = await exported.text();
    assert.equal(exported.status, 200);
    const results = JSON.parse(exportBody) as { polls: unknown; reactions: { totals: unknown }; questions: Array<{ votes: number }> };
    assert.deepEqual(results.polls, [{ ...POLL, counts: [3, 2, 1], total: 6, open: false }]);
    assert.deepEqual(results.reactions.totals, expectedTotals);
    assert.deepEqual(results.questions.map((q) => q.votes), [HONEST_PIDS.length - 1]);
  });

  await phase("no pollution: nothing planted came back, plain answers have exactly their fields, every error code is known", async () => {
    assert.ok(!exportBody.includes(POLLUTION_MARK));
    assert.deepEqual(allFrames.filter((frame) => frame.includes(POLLUTION_MARK)), [], "a planted value came back");
    fresh.send({ type: "ping", id: "after-all" });
    assert.deepEqual(Object.keys(await fresh.nextOfType("pong")).sort(), ["id", "now", "type"]);
    const allCodes = new Set<string>(ERROR_CODES);
    assert.deepEqual(
      fuzzers.flatMap((fuzzer) => fuzzer.answers).filter((answer) => !allCodes.has(answer.code)),
      [],
      "every error code is one of ERROR_CODES",
    );

    // The numbers.
    const perKind = Object.fromEntries(KINDS.map((kind) => [kind, sent.filter((frame) => frame.kind === kind).length])) as Record<Kind, number>;
    const perCode: Record<string, number> = {};
    for (const answer of fuzzers.flatMap((fuzzer) => fuzzer.answers)) perCode[answer.code] = (perCode[answer.code] ?? 0) + 1;
    process.stdout.write(
      `fuzz: ${sent.length} frames (${(sent.reduce((sum, frame) => sum + wireBytes(frame.wire), 0) / 1e6).toFixed(1)} MB) from ${fuzzers.length} sockets in ${(fuzzMs / 1000).toFixed(1)} s, ` +
        `all answered; per kind ${JSON.stringify(perKind)}; per code ${JSON.stringify(perCode)}; ${abusers}; total ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    await Promise.all([presenter.close(), fresh.close(), ...phones.map((phone) => phone.close())]);
  });
});
