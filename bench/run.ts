/**
 * `npm run bench`: how much the room holds, measured on this machine. Starts a real
 * `partykit dev` (with a naive relay beside the room, for comparison), and for each audience
 * size N runs a join storm, a fan-out of slide changes, a reaction storm (against the room, then
 * against the relay), a vote storm, a poll answered by everyone within 10 s, a questions storm, a
 * word cloud storm, a quiz storm and a flood; prints tables (with what each phone receives per
 * second in every storm, and what the room object took in) and the targets, writes the
 * numbers.
 *
 *   npm run bench                         N = 100, 500, 1000 → bench/results.json
 *   npm run bench -- --sizes 2000,5000    other sizes
 *   npm run bench -- --scenarios fan-out,reactions,poll   a subset (the join storm always runs)
 *   npm run bench -- --threads 4          phones in 4 worker threads (default 2)
 *   npm run bench -- --join-wave 500      phones come 500 per thread at a time, each wave asking its ids first,
 *                                         as new phones do (default: ids first, then every socket at once)
 *   npm run bench -- --one-object         phones stay on the talk's one object (no halls=1): the baseline
 *   npm run bench -- --fan-out-every 1000 a slide change a second in the fan-out (default 100 ms, 200 changes)
 *   npm run bench -- --smoke              N = 30, a few seconds each: CI's check that it runs,
 *                                         judged on correctness only
 *
 * The phones run in worker threads (bench/phones/), the presenter, projector and remote in this
 * one; all on the same cores as the room: the numbers include the generator's cost. Phones say
 * they can follow (halls=1), as our pages do: past HALLS_FROM phones the talk sends them to its
 * halls (src/room/halls.ts). The smoke run makes halls small, so CI's run goes through several.
 */
import { cpus, totalmem } from "node:os";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { startPartyServer } from "../tests/integration/server.ts";
import { newRoomCode } from "../src/room/codes.ts";
import type { RoomCreated } from "../src/room/wire.ts";
import { Crowd, send } from "./crowd.ts";
import { Phones } from "./phones/pool.ts";
import { findWorkerd, openFiles } from "./room-process.ts";
import { tables, type SizeRun } from "./report.ts";
import { targetLines, targets } from "./targets.ts";
import { cloudStorm } from "./scenarios/cloud-storm.ts";
import { fanOut } from "./scenarios/fan-out.ts";
import { flood } from "./scenarios/flood.ts";
import { joinStorm } from "./scenarios/join-storm.ts";
import { pollWithin } from "./scenarios/poll-within.ts";
import { questionsStorm } from "./scenarios/questions-storm.ts";
import { quizStorm } from "./scenarios/quiz-storm.ts";
import { naiveStorm, reactionStorm } from "./scenarios/reaction-storm.ts";
import { voteStorm } from "./scenarios/vote-storm.ts";
import { sleep } from "./stats.ts";

const SCENARIOS = ["fan-out", "reactions", "naive", "votes", "poll", "questions", "cloud", "quiz", "flood"] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    sizes: { type: "string" },
    scenarios: { type: "string" },
    threads: { type: "string", default: "2" },
    "join-wave": { type: "string", default: "0" },
    "one-object": { type: "boolean", default: false },
    "fan-out-every": { type: "string" },
    out: { type: "string" },
  },
});

const smoke = args.smoke === true;
const settings = smoke
  ? { sizes: [30], changes: 20, intervalMs: 100, stormSeconds: 3, voteSeconds: 3, pollSeconds: 3, questionSeconds: 3, cloudSeconds: 3, quizAnswerSeconds: 3, floodSeconds: 2 }
  : { sizes: [100, 500, 1000], changes: 200, intervalMs: 100, stormSeconds: 30, voteSeconds: 20, pollSeconds: 10, questionSeconds: 20, cloudSeconds: 5, quizAnswerSeconds: 10, floodSeconds: 3 };
const sizes = args.sizes ? args.sizes.split(",").map(Number) : settings.sizes;
// The fan-out's pace: a change every 100 ms is a stress, well above a presenter's; a slower one shows one change's cost.
if (args["fan-out-every"]) Object.assign(settings, { intervalMs: Number(args["fan-out-every"]), changes: Math.max(10, Math.round(20_000 / Number(args["fan-out-every"]))) });
const threads = Number(args.threads);
const joinWave = Number(args["join-wave"]);
const chosen = (args.scenarios?.split(",") ?? [...SCENARIOS]) as Scenario[];
const unknown = chosen.filter((name) => !SCENARIOS.includes(name));
if (unknown.length > 0 || !(threads >= 1)) throw new Error(`--scenarios: one of ${SCENARIOS.join(", ")} (join always runs); --threads ≥ 1. Got ${unknown.join(", ")} / ${args.threads}`);
const runs = (name: Scenario) => chosen.includes(name);
const out = resolve(import.meta.dirname, args.out ?? (smoke ? "results-smoke.json" : "results.json"));

/**
 * The relay sends N frames per batch, N² a second: at N = 1,000 that is two million frames a
 * second, which this machine cannot drain in any useful time. Its storm is shortened to send
 * about this many frames; "out per in" stays a per-batch figure, comparable with the room's.
 */
const NAIVE_FRAME_BUDGET = 3_000_000;
/** The presenter page's heartbeat (src/live/room.ts). */
const PRESENTER_PING_MS = 10_000;

function naiveSeconds(sockets: number): number {
  return Math.max(1, Math.min(settings.stormSeconds, Math.round(NAIVE_FRAME_BUDGET / (2 * sockets * sockets))));
}

const halls = args["one-object"] !== true;

/** What `partykit dev` printed since `from`: its errors, without the colours and the lines of the requests that went through. */
function serverSaid(from: number): string {
  const said = server.output().slice(from).replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").split("\n");
  return said.filter((line) => line.trim() !== "" && !line.startsWith("[pk:inf]")).slice(-12).join("\n");
}
// The smoke run's 30 phones: ten on the talk, then halls of ten (two of them).
const server = await startPartyServer({ config: "bench/partykit.json", vars: smoke ? { HALLS_FROM: "10", HALL_SIZE: "10" } : {} });
const workerd = findWorkerd(server.pid);
const phones = new Phones(threads);
const results: SizeRun[] = [];
try {
  for (const sockets of sizes) {
    console.error(`… N = ${sockets} (${threads} phone threads)`);
    const code = newRoomCode();
    const response = await fetch(`${server.origin}/parties/main/${code}`, { method: "POST" });
    const room = (await response.json()) as RoomCreated;
    const roomUrl = `${server.wsOrigin}/parties/main/${code}`;
    const crowd = new Crowd();
    const presenter = await crowd.open(roomUrl, "role=presenter", JSON.stringify({ type: "auth", key: room.key }));
    // As our presenter page does: a ping every 10 s. Answering probes alone, a presenter is counted
    // out when the room runs more than ~8 s behind (src/room/liveness.ts), as this machine does at 5,000 phones.
    const heartbeat = setInterval(() => send(presenter, { type: "ping", id: "heartbeat" }), PRESENTER_PING_MS);
    const printed = server.output().length;
    const join = await joinStorm({ crowd, phones, workerd }, roomUrl, sockets, joinWave, halls);
    join.workerdFiles = openFiles(workerd);
    const run: SizeRun = { sockets, join };
    results.push(run);
    if (join.failed > 0) {
      // What the machine refused is the result: say it, and go on with the next size.
      join.serverSaid = serverSaid(printed);
      console.error(`  ${join.failed} of ${sockets} phones never joined: ${join.error}; workerd holds ${join.workerdFiles.open} files (limit ${join.workerdFiles.limit})\n  partykit dev said meanwhile:\n${join.serverSaid}`);
      clearInterval(heartbeat);
      await crowd.close();
      await phones.close();
      continue;
    }
    await sleep(500); // presence settles
    const stage = { roomUrl, crowd, presenter, presenterKey: room.key, phones, workerd };
    if (runs("fan-out")) run.fanOut = await fanOut(stage, settings.changes, settings.intervalMs);
    if (runs("reactions")) run.reactions = await reactionStorm(stage, settings.stormSeconds);
    if (runs("votes")) run.votes = await voteStorm(stage, settings.voteSeconds);
    if (runs("poll")) run.poll = await pollWithin(stage, settings.pollSeconds);
    if (runs("questions")) run.questions = await questionsStorm(stage, settings.questionSeconds);
    if (runs("cloud")) run.cloud = await cloudStorm(stage, settings.cloudSeconds);
    if (runs("quiz")) run.quiz = await quizStorm(stage, settings.quizAnswerSeconds);
    if (runs("flood")) run.flood = await flood(stage, settings.floodSeconds);
    clearInterval(heartbeat);
    await crowd.close();
    await phones.close();
    if (runs("naive")) {
      run.naive = await naiveStorm({ crowd, phones, workerd }, `${server.wsOrigin}/parties/naive/${code}`, sockets, naiveSeconds(sockets));
      if (run.reactions) run.naiveRatio = Math.round(run.naive.outPerIn / run.reactions.outPerIn);
    }
    await sleep(1_000);
    run.serverSaid = serverSaid(printed);
    if (run.serverSaid) console.error(`  partykit dev said during N = ${sockets}:\n${run.serverSaid}`);
  }
} finally {
  await phones.dispose();
  await server.dispose();
}

const judged = targets(results);
console.log(tables(results));
console.log(`\nTargets\n${targetLines(judged, smoke)}`);
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? "?", memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
await writeFile(out, JSON.stringify({ date: new Date().toISOString(), smoke, machine, settings: { ...settings, sizes, threads, joinWave, scenarios: chosen }, runs: results, targets: judged }, null, 2) + "\n");
console.log(`\nwrote ${out}`);

const missed = judged.filter((target) => !target.met && (!smoke || target.kind === "correctness"));
if (missed.length > 0) process.exitCode = 1;
