/**
 * `npm start`: build the site, then serve it and the rooms together with `partykit dev` on one
 * port, and say which addresses to open. Phones need this machine's network address, not
 * localhost, so the build is told it (PUBLIC_JOIN_ORIGIN) for the QR code.
 */
import { spawn, spawnSync } from "node:child_process";
import { networkInterfaces } from "node:os";

const port = Number(process.env.PORT ?? 1999);

/** The first private IPv4 address of this machine (Wi-Fi or Ethernet), if any. */
function lanAddress(): string | undefined {
  const candidates = Object.values(networkInterfaces())
    .flat()
    .filter((net) => net && net.family === "IPv4" && !net.internal)
    .map((net) => net!.address);
  return candidates.find((ip) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip)) ?? candidates[0];
}

const lan = lanAddress();
const joinOrigin = process.env.PUBLIC_JOIN_ORIGIN ?? (lan ? `http://${lan}:${port}` : undefined);
const env = { ...process.env, ...(joinOrigin ? { PUBLIC_JOIN_ORIGIN: joinOrigin } : {}) };

const build = spawnSync("astro", ["build"], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(
  "partykit",
  ["dev", "--port", String(port), "--disable-request-cf-fetch", "--no-hotkeys", "--persist", ".partykit/state"],
  { stdio: ["ignore", "pipe", "inherit"], env },
);
let announced = false;
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (announced || !/ready|listening|localhost:\d+/i.test(chunk.toString())) return;
  announced = true;
  console.log(`
  Full-Duplex está no ar.
    Apresentador:  http://localhost:${port}/present/
    Celulares:     ${joinOrigin ?? `http://localhost:${port}`}/join/   (mesma rede Wi-Fi)
    Só os slides:  http://localhost:${port}/
`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
