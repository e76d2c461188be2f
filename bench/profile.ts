/**
 * Where the room's thread goes: a CPU profile of workerd's JavaScript, taken over its inspector
 * (the Chrome DevTools protocol `partykit dev` opens it with, `--inspector-addr`), while scenarios
 * run. Prints the functions that took the most time themselves, and writes the whole profile
 * (`.cpuprofile`: open it in Chrome's DevTools, Performance tab).
 */
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import WebSocket from "ws";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The inspector's address workerd was started with. */
function inspectorAddress(workerd: number): string {
  const args = readFileSync(`/proc/${workerd}/cmdline`, "utf8").split("\0");
  const flag = args.find((arg) => arg.startsWith("--inspector-addr="));
  if (!flag) throw new Error("workerd has no --inspector-addr");
  return flag.slice("--inspector-addr=".length);
}

/** Starts profiling every isolate workerd runs; the returned function stops, writes `out` and prints the top. */
export async function profileWorkerd(workerd: number, out: string): Promise<() => Promise<void>> {
  const address = inspectorAddress(workerd);
  const targets = (await (await fetch(`http://${address}/json/list`)).json()) as { webSocketDebuggerUrl: string; title: string }[];
  const sessions = await Promise.all(targets.map(async (target) => ({ title: target.title, call: await session(target.webSocketDebuggerUrl) })));
  for (const { call } of sessions) {
    await call("Profiler.enable");
    await call("Profiler.setSamplingInterval", { interval: 200 });
    await call("Profiler.start");
  }
  return async () => {
    const profiles: Profile[] = [];
    for (const { call } of sessions) profiles.push(((await call("Profiler.stop")) as { profile: Profile }).profile);
    await writeFile(out, JSON.stringify(profiles.length === 1 ? profiles[0] : profiles));
    for (const [i, profile] of profiles.entries()) console.error(`\nworkerd's JavaScript (${sessions[i]!.title}): where the time went\n${top(profile)}`);
  };
}

function session(url: string): Promise<(method: string, params?: object) => Promise<unknown>> {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 2 ** 30 });
  let next = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  return new Promise((resolve, reject) => {
    ws.once("error", reject);
    ws.once("open", () =>
      resolve((method, params = {}) => {
        const id = ++next;
        ws.send(JSON.stringify({ id, method, params }));
        return new Promise((done) => waiting.set(id, done));
      }),
    );
  });
}

/** The functions with the most self time (sampled), and what share of all samples each took. */
function top(profile: Profile, count = 20): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split("/").slice(-2).join("/");
    const name = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + delta);
    total += delta;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`)
    .join("\n");
}
