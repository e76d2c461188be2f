/**
 * Sensors: phones stream their tilt (`tilt`, up to ~10 a second, while the slide is on screen);
 * the projector gets the room's mean, spread and a few traces, at most 4 times a second (the
 * lab's pace). Live data only: nothing is stored, and a phone that goes quiet drops out.
 */
import type { LabDemoFactory } from "../../party/features.ts";
import { SensorBoard } from "./board.ts";

/** While anyone streams, the chart keeps scrolling (and empties) even between samples. */
const SWEEP_MS = 500;

export const sensorsDemo: LabDemoFactory = (host) => {
  const board = new SensorBoard();
  let sweep: ReturnType<typeof setTimeout> | null = null;

  const armSweep = () => {
    sweep ??= setTimeout(() => {
      sweep = null;
      board.prune(host.now());
      host.changed("sensors");
      if (board.size > 0) armSweep();
    }, SWEEP_MS);
  };

  return {
    name: "sensors",
    handles: ["tilt"],
    message(message, { connection, member }) {
      // Only phones: a presenter or screen tilting would be no one in the room.
      if (message.type !== "tilt" || member.role !== "audience" || member.pid === undefined) return;
      if (!board.put(member.pid, connection.id, { beta: message.beta, gamma: message.gamma, at: host.now() })) return;
      host.changed("sensors");
      armSweep();
    },
    leave(connection) {
      if (board.leave(connection.id)) host.changed("sensors");
    },
    reset() {
      board.clear();
    },
    report: () => board.report(host.now()),
  };
};
