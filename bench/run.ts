/**
 * `npm run bench`: how much the room holds, measured on this machine. Starts a real
 * `partykit dev` (with a naive relay beside the room, for comparison), and for each audience
 * size N runs a join storm, a fan-out of slide changes, a reaction storm (against the room, then
 * against the relay), a vote storm, a questions storm, a word cloud storm, a quiz storm and a flood; prints tables (with what each
 * phone receives per second in every storm) and the targets, writes the numbers.
 *
 *   npm run bench                         N = 100, 500, 1000 → bench/results.json
 *   npm run bench -- --sizes 1000,2000    other sizes
 *   npm run bench -- --smoke              N = 30, a few seconds each: CI's check that it runs,
 *                                         judged on correctness only
 *
 * The load generator runs in this process, on the same cores as the room: the numbers include
 * its cost, as a laptop running a talk's rehearsal would.
 */
import { cpus, totalmem } from "node:os";
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { startPartyServer } from "../tests/integration/server.ts";
import { newRoomCode } from "../src/room/codes.ts";
import type { RoomCreated } from "../src/room/wire.ts";
import { Crowd } from "./crowd.ts";
import { findWorkerd } from "./room-process.ts";
import { tables, targetLines, targets, type SizeRun } from "./report.ts";
import { cloudStorm } from "./scenarios/cloud-storm.ts";
import { fanOut } from "./scenarios/fan-out.ts";
import { flood } from "./scenarios/flood.ts";
import { joinStorm } from "./scenarios/join-storm.ts";
import { questionsStorm } from "./scenarios/questions-storm.ts";
import { quizStorm } from "./scenarios/quiz-storm.ts";
import { naiveStorm, reactionStorm } from "./scenarios/reaction-storm.ts";
import { voteStorm } from "./scenarios/vote-storm.ts";
import { sleep } from "./stats.ts";

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    sizes: { type: "string" },
    out: { type: "string" },
  },
});

const smoke = args.smoke === true;
const settings = smoke
  ? { sizes: [30], changes: 20, intervalMs: 100, stormSeconds: 3, voteSeconds: 3, questionSeconds: 3, cloudSeconds: 3, quizAnswerSeconds: 3, floodSeconds: 2 }
  : { sizes: [100, 500, 1000], changes: 200, intervalMs: 100, stormSeconds: 30, voteSeconds: 20, questionSeconds: 20, cloudSeconds: 5, quizAnswerSeconds: 10, floodSeconds: 3 };
const sizes = args.sizes ? args.sizes.split(",").map(Number) : settings.sizes;
const out = resolve(import.meta.dirname, args.out ?? (smoke ? "results-smoke.json" : "results.json"));

/**
 * The relay sends N frames per batch, N² a second: at N = 1,000 that is two million frames a
 * second, which this machine cannot drain in any useful time. Its storm is shortened to send
 * about this many frames; "out per in" stays a per-batch figure, comparable with the room's.
 */
const NAIVE_FRAME_BUDGET = 3_000_000;

function naiveSeconds(sockets: number): number {
  return Math.max(1, Math.min(settings.stormSeconds, Math.round(NAIVE_FRAME_BUDGET / (2 * sockets * sockets))));
}

const server = await startPartyServer({ config: "bench/partykit.json" });
const workerd = findWorkerd(server.pid);
const runs: SizeRun[] = [];
try {
  for (const sockets of sizes) {
    console.error(`… N = ${sockets}`);
    const code = newRoomCode();
    const response = await fetch(`${server.origin}/parties/main/${code}`, { method: "POST" });
    const room = (await response.json()) as RoomCreated;
    const roomUrl = `${server.wsOrigin}/parties/main/${code}`;
    const crowd = new Crowd();
    const presenter = await crowd.open(roomUrl, "role=presenter", JSON.stringify({ type: "auth", key: room.key }));
    const { audience, result: join } = await joinStorm(crowd, roomUrl, sockets, workerd);
    await sleep(500); // presence settles
    const stage = { roomUrl, crowd, presenter, presenterKey: room.key, audience, workerd };
    const fan = await fanOut(stage, settings.changes, settings.intervalMs);
    const reactions = await reactionStorm(stage, settings.stormSeconds);
    const votes = await voteStorm(stage, settings.voteSeconds);
    const questions = await questionsStorm(stage, settings.questionSeconds);
    const cloud = await cloudStorm(stage, settings.cloudSeconds);
    const quiz = await quizStorm(stage, settings.quizAnswerSeconds);
    const flooded = await flood(stage, settings.floodSeconds);
    await crowd.close();
    const naive = await naiveStorm(`${server.wsOrigin}/parties/naive/${code}`, sockets, naiveSeconds(sockets), workerd);
    const naiveRatio = Math.round(naive.outPerIn / reactions.outPerIn);
    runs.push({ sockets, join, fanOut: fan, reactions, naive, naiveRatio, votes, questions, cloud, quiz, flood: flooded });
    await sleep(1_000);
  }
} finally {
  await server.dispose();
}

const judged = targets(runs);
console.log(tables(runs));
console.log(`\nTargets\n${targetLines(judged, smoke)}`);
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? "?", memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
await writeFile(out, JSON.stringify({ date: new Date().toISOString(), smoke, machine, settings: { ...settings, sizes }, runs, targets: judged }, null, 2) + "\n");
console.log(`\nwrote ${out}`);

const missed = judged.filter((target) => !target.met && (!smoke || target.kind === "correctness"));
if (missed.length > 0) process.exitCode = 1;
