/**
 * Starts and stops a real `partykit dev` for tests (integration here, e2e for the lead).
 *
 *   const server = await startPartyServer();          // free port, temp --persist dir
 *   … server.origin / server.wsOrigin …
 *   await server.kill();                               // SIGKILL, like a crash
 *   const again = await startPartyServer({ port: server.port, persistDir: server.persistDir });
 *   await again.stop();                                // SIGTERM, then SIGKILL if needed
 *
 * By default the server serves an empty directory, not `dist/`: the room tests don't need the
 * site, and `partykit dev` crashes at start when its serve directory is missing (no build yet).
 * Pass `serve: "dist"` to get the site on the same origin, as in production.
 *
 * `partykit dev` runs in its own process group (it spawns esbuild and workerd), and stopping
 * signals the whole group, so no workerd outlives a test run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sleep } from "./support.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "node_modules/.bin");

export interface PartyServer {
  port: number;
  /** The `partykit dev` process, leader of its process group (workerd runs in that group). */
  pid: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** ws://127.0.0.1:<port> */
  wsOrigin: string;
  /** The --persist directory: reuse it to restart with the same rooms. */
  persistDir: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** Graceful stop (SIGTERM to the process group, SIGKILL after 5 s). */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL to the process group): what a crash looks like. */
  kill(): Promise<void>;
  /** Stops, and removes the temp directories this helper created. */
  dispose(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  persistDir?: string;
  /** Static directory to serve (relative to the project root); default: an empty temp dir. */
  serve?: string;
  /** Another partykit.json (the bench adds a naive relay party next to the room). */
  config?: string;
  /** Room settings (`--var NAME=value`, read as `room.env`), e.g. a smaller connection cap. ROOMS_BURST is 100000 unless given. */
  vars?: Record<string, string>;
  /** How long to wait for the first HTTP answer. Startup takes ~5 s on two cores. */
  timeoutMs?: number;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function signalGroup(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
    // Zombies still count as group members until init reaps them: wait, but not forever.
    const last = Date.now() + 5_000;
    while (groupAlive(pid) && Date.now() < last) await sleep(50);
  }
}

async function answers(origin: string): Promise<boolean> {
  try {
    const response = await fetch(origin + "/", { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

export async function startPartyServer(options: StartOptions = {}): Promise<PartyServer> {
  const port = options.port ?? (await freePort());
  const ownsDir = options.persistDir === undefined;
  const persistDir = options.persistDir ?? (await mkdtemp(join(tmpdir(), "full-duplex-party-")));
  const origin = `http://127.0.0.1:${port}`;
  const emptyServe = options.serve === undefined ? await mkdtemp(join(tmpdir(), "full-duplex-serve-")) : null;
  const serve = options.serve === undefined ? emptyServe! : resolve(ROOT, options.serve);

  const child = spawn(
    join(BIN, "partykit"),
    [
      "dev",
      ...(options.config ? ["--config", resolve(ROOT, options.config)] : []),
      // The tests make hundreds of rooms from loopback, one address: past the default budget.
      ...Object.entries({ ROOMS_BURST: "100000", ...options.vars }).flatMap(([name, value]) => ["--var", `${name}=${value}`]),
      ...["--port", String(port), "--persist", persistDir, "--serve", serve, "--disable-request-cf-fetch", "--no-hotkeys"],
    ],
    {
      cwd: ROOT,
      detached: true, // its own process group, so stop() reaches esbuild and workerd too
      stdio: ["ignore", "pipe", "pipe"],
      // partykit's shebang is `env node`: put the project's Node 24 first.
      env: { ...process.env, PATH: `${BIN}:${process.env["PATH"] ?? ""}`, NO_COLOR: "1" },
    },
  );
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  let exited = false;
  child.on("exit", () => (exited = true));

  const server: PartyServer = {
    port,
    pid: child.pid ?? 0,
    origin,
    wsOrigin: `ws://127.0.0.1:${port}`,
    persistDir,
    output: () => log,
    stop: () => signalGroup(child, "SIGTERM", 5_000),
    kill: () => signalGroup(child, "SIGKILL", 5_000),
    async dispose() {
      await signalGroup(child, "SIGTERM", 5_000);
      if (emptyServe) await rm(emptyServe, { recursive: true, force: true });
      if (ownsDir) await rm(persistDir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!(await answers(origin))) {
    if (exited || Date.now() > deadline) {
      await server.dispose();
      throw new Error(`partykit dev did not start on port ${port}:\n${log}`);
    }
    await sleep(100);
  }
  return server;
}
