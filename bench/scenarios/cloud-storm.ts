/**
 * Word cloud storm: the presenter shows a cloud, then every phone sends its three answers at
 * random moments within S seconds, picked from a vocabulary written in mixed spellings
 * ("WebSocket", "websockets ", "WEBSOCKET!"). The projector (a screen connection, which gets the
 * phones' view) and the presenter fold the reports as their browsers do; both must end with the
 * exact count per key. Measured: how long after the last answer the projector's cloud is final,
 * and what each phone receives per second (its own acknowledgements and the coalesced patches).
 */
import { performance } from "node:perf_hooks";
import { ANSWERS_PER_PARTICIPANT, wordKey } from "../../src/features/cloud/rules.ts";
import { screenKeyOf } from "../../src/room/secret.ts";
import { foldReport, parseServerMessage, type WholeReport } from "../../src/room/wire.ts";
import { send, type Member } from "../crowd.ts";
import { round, sampleUsage, type Usage } from "../room-process.ts";
import { perPhone, sleep, until, type PerPhone } from "../stats.ts";
import type { Stage } from "./context.ts";

const DRAIN_TIMEOUT_MS = 30_000;
const CLOUD = { id: "bench-cloud", prompt: "Para que você usaria WebSocket?" };

/** What a room says it would use WebSocket for, each word in the spellings people type. */
const VOCABULARY: readonly (readonly string[])[] = [
  ["WebSocket", "websockets ", "WEBSOCKET!", "Websocket"],
  ["Chat", "chats", "chat."],
  ["Jogos online", "jogo online", "JOGOS ONLINE"],
  ["Notificações", "notificação", "notificacao"],
  ["Dashboards", "dashboard", "Dashboard"],
  ["IoT", "iot"],
  ["Colaboração", "colaboracao"],
  ["Trading", "trading"],
  ["Multiplayer", "multiplayer"],
  ["Live score", "live scores"],
  ["Leilões", "leilão"],
  ["Telemetria", "telemetria"],
  ["Streaming", "streamings"],
  ["Cursores", "cursores"],
  ["Sensores", "SENSORES"],
  ["Mapas ao vivo", "mapa ao vivo"],
];

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
  let refused = 0;
  stage.crowd.listener = (member, text) => {
    if (member === screen || member === stage.presenter) {
      if (text.startsWith('{"type":"report","feature":"cloud"')) folded.set(member, fold(folded.get(member), text));
    } else if (text.startsWith('{"type":"error"') && text.includes('"cloudAnswer"')) refused++;
  };
  send(stage.presenter, { type: "cloud", action: "show", cloud: CLOUD });
  if (!(await until(() => folded.get(screen)?.data.clouds[CLOUD.id] !== undefined, 10_000))) throw new Error("cloud storm: the projector never saw the cloud");

  // Each phone: three different words, each in one of its spellings, at random moments.
  const expected = new Map<string, number>();
  const plan: Array<{ member: Member; text: string; at: number }> = [];
  stage.audience.forEach((member, i) => {
    for (let k = 0; k < ANSWERS_PER_PARTICIPANT; k++) {
      const spellings = VOCABULARY[(i * 7 + k * 5) % VOCABULARY.length]!;
      const text = spellings[(i + k) % spellings.length]!;
      expected.set(wordKey(text), (expected.get(wordKey(text)) ?? 0) + 1);
      plan.push({ member, text, at: Math.random() * seconds * 1000 });
    }
  });
  plan.sort((a, b) => a.at - b.at);

  stage.crowd.resetCounters();
  const stop = sampleUsage(stage.workerd);
  const startedAt = performance.now();
  for (const { member, text, at } of plan) {
    const wait = startedAt + at - performance.now();
    if (wait > 1) await sleep(wait);
    send(member, { type: "cloudAnswer", cloud: CLOUD.id, text });
  }
  const stoppedAt = performance.now();

  const total = plan.length;
  const matches = (member: Member) => {
    const report = folded.get(member);
    const counts = countsOf(report);
    return report?.data.clouds[CLOUD.id]?.answers === total && counts.size === expected.size && [...expected].every(([key, count]) => counts.get(key) === count);
  };
  const onProjector = await until(() => matches(screen), DRAIN_TIMEOUT_MS);
  const finalMs = performance.now() - stoppedAt;
  const exact = onProjector && (await until(() => matches(stage.presenter), DRAIN_TIMEOUT_MS));
  const usage = stop();
  const span = (stoppedAt - startedAt + finalMs) / 1000;
  const phones = perPhone(stage.audience, span);
  stage.crowd.listener = null;
  // An empty cloud for what follows.
  send(stage.presenter, { type: "reset", feature: "cloud" });
  await sleep(500);

  return {
    sockets: stage.audience.length,
    seconds,
    answers: total,
    answersPerSecond: round(total / seconds),
    words: expected.size,
    refused,
    exact,
    finalMs: round(finalMs),
    perPhone: phones,
    usage,
  };
}
