/**
 * A phones worker: owns a slice of the simulated audience (a Crowd of its own), answers the
 * room's marks and probes as every crowd does, and runs the current scenario's phone side
 * (behaviours.ts) on its frames, so the main thread's event loop never sees a phone's frame.
 */
import { parentPort } from "node:worker_threads";
import { Crowd } from "../crowd.ts";
import { sentBetween } from "../meter.ts";
import { behaviours } from "./behaviours.ts";
import type { Behaviour, Joined, Request } from "./protocol.ts";

const crowd = new Crowd();
let current: Behaviour | null = null;

async function handle(request: Request): Promise<unknown> {
  switch (request.op) {
    case "join": {
      // allSettled: at a size the machine refuses (too many open files), say how many joined and why.
      const settled = await Promise.allSettled(request.pids.map((pid, i) => crowd.join(request.roomUrl, [pid], request.firstIndex + i, request.halls)));
      const failed = settled.filter((each) => each.status === "rejected");
      const joined: Joined = {
        snapshotAt: settled.map((each) => (each.status === "fulfilled" ? (each.value[0]!.snapshotAt ?? null) : null)),
        failed: failed.length,
        error: failed.length > 0 ? String((failed[0] as PromiseRejectedResult).reason?.message ?? failed[0]) : null,
      };
      crowd.members.sort((a, b) => a.index - b.index);
      return joined;
    }
    case "begin": {
      const factory = behaviours[request.behaviour];
      if (!factory) throw new Error(`no phone behaviour "${request.behaviour}"`);
      current = factory(crowd.members, request.args as never);
      crowd.listener = current.onFrame ?? null;
      return null;
    }
    case "call": {
      const call = current?.calls[request.name];
      if (!call) throw new Error(`the current behaviour has no call "${request.name}"`);
      return await call(request.args as never);
    }
    case "end":
      crowd.listener = null;
      current?.end?.();
      current = null;
      return null;
    case "counters": {
      const counters = crowd.members.map((member) => ({ frames: member.frames, bytes: member.bytes }));
      if (request.reset) crowd.resetCounters();
      return counters;
    }
    case "sent":
      return sentBetween(request.from, request.to, request.reads);
    case "close":
      await crowd.close();
      return null;
  }
}

parentPort!.on("message", (request: Request) => {
  handle(request).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
