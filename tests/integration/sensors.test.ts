/**
 * The sensors stream against a real `partykit dev`: three phones send their tilt ten times a
 * second; the projector hears the room's mean, spread and traces at most four times a second.
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { ServerMessage } from "../../src/room/wire.ts";
import type { SensorsReport } from "../../src/features/sensors/samples.ts";
import { joinAsAudience, roomWithPresenter } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";
import { reportOf, reportsIn, sleep } from "./support.ts";

let server: PartyServer | undefined;
after(async () => {
  await server?.dispose();
});

const sensorsData = (m: ServerMessage) => reportOf<SensorsReport>(m, "sensors");

test("three phones stream their tilt; the projector gets mean, spread and traces, ≤ 4 reports a second", async () => {
  server = await startPartyServer();
  const { room, presenter } = await roomWithPresenter(server);
  const phones = await Promise.all(["tilt-phone-01", "tilt-phone-02", "tilt-phone-03"].map((pid) => joinAsAudience(server!, room.code, pid)));
  const gammas = [-40, 0, 40];
  const before = presenter.frames.length;
  const started = Date.now();
  for (let tick = 0; tick < 15; tick++) {
    phones.forEach(([socket], i) => socket.send({ type: "tilt", beta: 10 * (i + 1), gamma: gammas[i]! + (tick % 2) }));
    await sleep(100);
  }
  // The last samples (tick 14: even) are what the mean and spread are of.
  const report = sensorsData(
    await presenter.next((m) => {
      const data = sensorsData(m);
      return !!data && data.phones === 3 && data.gamma?.mean === 0 && data.samples >= 40;
    }, 3_000),
  )!;
  const elapsed = (Date.now() - started) / 1000;
  assert.deepEqual(report.beta, { mean: 20, spread: 8.2 });
  assert.deepEqual(report.gamma, { mean: 0, spread: 32.7 });
  assert.equal(report.traces.length, 3);
  assert.ok(report.traces.every((trace) => trace.samples.length >= 12 && trace.samples.every((s) => s.t <= 0 && s.t > -5_000)));
  assert.ok(report.series.length >= 5 && report.series.at(-1)!.phones === 3);
  const reports = reportsIn(presenter.frames.slice(before), "sensors").length;
  assert.ok(reports <= Math.ceil(elapsed * 4) + 1, `${reports} reports in ${elapsed.toFixed(1)} s`);
  const pids = phones.map(([, snapshot]) => snapshot.you.pid!);
  assert.ok(!presenter.frames.some((frame) => pids.some((pid) => frame.includes(pid))), "participant ids never reach the projector");
  process.stdout.write(`3 phones × 10 Hz for ${elapsed.toFixed(1)} s → ${reports} sensors reports to the presenter\n`);

  // Phones don't hear the stream; a presenter's tilt counts for no one; bad angles are refused.
  assert.equal(reportsIn(phones[0]![0].frames, "sensors").length, 0);
  presenter.send({ type: "tilt", beta: 0, gamma: 0 });
  phones[0]![0].send({ type: "tilt", beta: 0, gamma: 91 });
  assert.equal((await phones[0]![0].nextOfType("error")).code, "bad_message");

  // A phone that closes drops out at once; the others, once quiet, within the window.
  await phones[2]![0].close();
  const two = await presenter.next((m) => sensorsData(m)?.phones === 2, 3_000);
  assert.ok(two);
  const none = sensorsData(await presenter.next((m) => sensorsData(m)?.phones === 0, 8_000))!;
  assert.deepEqual([none.beta, none.gamma, none.traces], [null, null, []]);
  for (const [socket] of phones.slice(0, 2)) await socket.close();
});
