/** The built site (dist/) served by `astro preview` on a free port, for the scripts that look at it. */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { freePort } from "../tests/integration/server.ts";

const ROOT = resolve(import.meta.dirname, "..");

export async function startPreview(): Promise<{ origin: string; stop: () => void }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const bin = resolve(ROOT, "node_modules/.bin");
  // astro's shebang is `env node`: put the project's Node 24 first. --ignore-lock: Astro 7 lets
  // one preview run per project, and a test run's may be up.
  const preview = spawn(resolve(bin, "astro"), ["preview", "--ignore-lock", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, PATH: `${bin}:${process.env["PATH"] ?? ""}` },
  });
  const stop = () => void preview.kill();
  for (let tries = 0; !(await fetch(origin).then(() => true, () => false)); tries++) {
    if (tries > 600) {
      stop();
      throw new Error("astro preview did not start in 60 s");
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { origin, stop };
}
