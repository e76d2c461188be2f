/**
 * The full-duplex ping's server: each device reports its recent round-trip time (`rtt`, about
 * once a second, while it pings the room twice a second); the lab sends the distribution to the
 * projector and pushes the room's median to the phones at the same time: the server talking
 * while the phone talks, on one socket.
 */
import type { LabDemoFactory } from "../../party/features.ts";
import { RttBoard } from "./board.ts";
import { rttAudienceReport, rttReport } from "./report.ts";

/** How often stale entries are looked for while anyone is reporting. */
const SWEEP_MS = 1_000;

export const rttDemo: LabDemoFactory = (host) => {
  const board = new RttBoard();
  let sweep: ReturnType<typeof setTimeout> | null = null;

  // A device that stops reporting sends nothing more: only a timer notices it went quiet. The
  // timer runs only while the board has entries, so an idle room keeps no timer alive.
  const armSweep = () => {
    sweep ??= setTimeout(() => {
      sweep = null;
      if (board.prune(host.now())) host.changed("rtt");
      if (board.size > 0) armSweep();
    }, SWEEP_MS);
  };

  return {
    name: "rtt",
    handles: ["rtt"],
    message(message, { connection, member }) {
      if (message.type !== "rtt") return;
      const pid = member.role === "audience" ? member.pid : undefined;
      const device = pid === undefined ? `c:${connection.id}` : `p:${pid}`;
      board.put(device, { ms: message.ms, at: host.now(), connection: connection.id, phone: pid !== undefined });
      host.changed("rtt");
      armSweep();
    },
    leave(connection) {
      if (board.leave(connection.id)) host.changed("rtt");
    },
    reset() {
      board.clear();
    },
    report: () => rttReport(board.fresh(host.now())),
    audienceReport: () => rttAudienceReport(board.fresh(host.now())),
  };
};
