/**
 * `npm run dev`: for authoring. Astro's dev server (hot reload of slides and code) and the room
 * server side by side; the pages talk to the rooms on PARTY_PORT across origins.
 */
import { spawn } from "node:child_process";

const partyPort = Number(process.env.PARTY_PORT ?? 1999);
const env = { ...process.env, PUBLIC_PARTY_HOST: process.env.PUBLIC_PARTY_HOST ?? `localhost:${partyPort}` };

const children = [
  spawn("partykit", ["dev", "--port", String(partyPort), "--disable-request-cf-fetch", "--no-hotkeys"], { stdio: "inherit", env }),
  spawn("astro", ["dev", "--host"], { stdio: "inherit", env }),
];
const stop = (signal: NodeJS.Signals) => children.forEach((child) => child.kill(signal));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal));
// One of them stopping (a crash, a port in use) ends both: half a dev setup only confuses.
for (const child of children) child.on("exit", (code) => {
  stop("SIGTERM");
  process.exitCode = code ?? 0;
});
