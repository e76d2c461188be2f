/**
 * Word cloud storm: the presenter shows a cloud, then every phone sends its three answers at
 * random moments within S seconds, picked from a vocabulary written in mixed spellings
 * ("WebSocket", "websockets ", "WEBSOCKET!"). The projector (a screen connection, which gets the
 * phones' view) and the presenter fold the reports as their browsers do; both must end with the
 * exact count per key. Measured: how long after the last answer the projector's cloud is final,
 * and what each phone receives per second (its own acknowledgements and the coalesced patches).
 */
import { ANSWERS_PER_PARTICIPANT, wordKey } from "../../src/features/cloud/rules.ts";
import { screenKeyOf } from "../../src/room/secret.ts";
import { foldReport, parseServerMessage, type WholeReport } from "../../src/room/wire.ts";
import { send, type Member } from "../crowd.ts";
import { now } from "../meter.ts";
import { answerOf, type AnswersSent } from "../phones/cloud.ts";
import { round, type Usage } from "../room-process.ts";
import { sleep, until, type PerPhone } from "../stats.ts";
import { watch, type ObjectLoad, type Stage } from "./context.ts";

const DRAIN_TIMEOUT_MS = 30_000;
const CLOUD = { id: "bench-cloud", prompt: "Para que você usaria WebSocket?" };

export interface CloudStormResult {
  sockets: number;
  seconds: number;
  answers: number;
  answersPerSecond: number;
  /** Distinct keys the spellings met under. */
  words: number;
  /** Answers the room refused (should be none: every phone sends three different words). */
  refused: number;
  /** The projector and the presenter ended with every key's exact count. */
  exact: boolean;
  /** From the last answer sent until the projector's cloud was final (ms). */
  finalMs: number;
  /** Per phone, from the first answer until the projector's cloud was final. */
  perPhone: PerPhone;
  usage: Usage;
  object: ObjectLoad;
}

function fold(previous: WholeReport<"cloud"> | undefined, text: string): WholeReport<"cloud"> | undefined {
  const message = parseServerMessage(text);
  return message?.type === "report" && message.feature === "cloud" ? (foldReport(previous, message) ?? previous) : previous;
}

function countsOf(report: WholeReport<"cloud"> | undefined): Map<string, number> {
  return new Map(Object.values(report?.data.clouds[CLOUD.id]?.words ?? {}).map((word) => [word.key, word.count]));
}

export async function cloudStorm(stage: Stage, seconds: number): Promise<CloudStormResult> {
  const screen = await stage.crowd.open(stage.roomUrl, "role=screen", JSON.stringify({ type: "auth", key: await screenKeyOf(stage.presenterKey) }));
  const folded = new Map<Member, WholeReport<"cloud"> | undefined>();
  stage.crowd.listener = (member, text) => {
    if ((member === screen || member === stage.presenter) && text.startsWith('{"type":"report","feature":"cloud"')) folded.set(member, fold(folded.get(member), text));
  };
  await stage.phones.begin("cloud", { cloud: CLOUD.id });
  send(stage.presenter, { type: "cloud", action: "show", cloud: CLOUD });
  if (!(await until(() => folded.get(screen)?.data.clouds[CLOUD.id] !== undefined, 10_000))) throw new Error("cloud storm: the projector never saw the cloud");

  // What the phones will send, counted per key (each phone's words depend on its place only).
  const expected = new Map<string, number>();
  for (let i = 0; i < stage.phones.count; i++) {
    for (let k = 0; k < ANSWERS_PER_PARTICIPANT; k++) {
      const key = wordKey(answerOf(i, k));
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
  }

  const watched = await watch(stage);
  const parts = await stage.phones.call<AnswersSent>("answer", { withinMs: seconds * 1000 });
  const stoppedAt = Math.max(...parts.map((part) => part.lastAt));
  const total = parts.reduce((sum, part) => sum + part.sent, 0);

  const matches = (member: Member) => {
    const report = folded.get(member);
    const counts = countsOf(report);
    return report?.data.clouds[CLOUD.id]?.answers === total && counts.size === expected.size && [...expected].every(([key, count]) => counts.get(key) === count);
  };
  const onProjector = await until(() => matches(screen), DRAIN_TIMEOUT_MS);
  const finalAt = now();
  const exact = onProjector && (await until(() => matches(stage.presenter), DRAIN_TIMEOUT_MS));
  const { usage, object, perPhone } = await watched(finalAt);
  const refused = (await stage.phones.call<number>("refused")).reduce((sum, each) => sum + each, 0);
  await stage.phones.end();
  stage.crowd.listener = null;
  // An empty cloud for what follows.
  send(stage.presenter, { type: "reset", feature: "cloud" });
  await sleep(500);

  return {
    sockets: stage.phones.count,
    seconds,
    answers: total,
    answersPerSecond: round(total / seconds),
    words: expected.size,
    refused,
    exact,
    finalMs: round(finalAt - stoppedAt),
    perPhone,
    usage,
    object,
  };
}
