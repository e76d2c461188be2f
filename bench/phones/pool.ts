/**
 * The simulated audience, spread over K worker threads (bench/phones/worker.ts): phone i lives in
 * the worker whose contiguous slice holds it. On two cores, one thread of `ws` clients was the
 * bench's own limit past ~1,000 phones; K threads let the generator use what the room leaves.
 * Every call goes to all workers and gives one answer per worker, in slice order.
 */
import { Worker } from "node:worker_threads";
import type { SentByObject } from "../meter.ts";
import type { Joined, Reply, Request } from "./protocol.ts";

type Op = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

export class Phones {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 0;
  /** Phones joined (and still counted) across workers. */
  count = 0;

  constructor(threads: number) {
    this.workers = Array.from({ length: Math.max(1, threads) }, () => {
      const worker = new Worker(new URL("./worker.ts", import.meta.url));
      worker.on("message", (reply: Reply) => {
        const waiting = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if ("error" in reply) waiting?.reject(new Error(`phones worker: ${reply.error}`));
        else waiting?.resolve(reply.result);
      });
      worker.on("error", (error) => {
        for (const waiting of this.pending.values()) waiting.reject(error);
        this.pending.clear();
      });
      return worker;
    });
  }

  get threads(): number {
    return this.workers.length;
  }

  private request<T>(worker: Worker, op: Op): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...op, id });
    });
  }

  private all<T>(op: Op): Promise<T[]> {
    return Promise.all(this.workers.map((worker) => this.request<T>(worker, op)));
  }

  /** Opens one phone per id at once, in contiguous slices over the workers; resolves when each has its snapshot (or failed). */
  async join(roomUrl: string, pids: readonly string[], halls = true): Promise<Joined> {
    const size = Math.ceil(pids.length / this.workers.length);
    const parts = await Promise.all(
      this.workers.map((worker, w) => this.request<Joined>(worker, { op: "join", roomUrl, pids: pids.slice(w * size, (w + 1) * size), firstIndex: this.count + w * size, halls })),
    );
    const failed = parts.reduce((sum, part) => sum + part.failed, 0);
    this.count += pids.length - failed;
    return { snapshotAt: parts.flatMap((part) => part.snapshotAt), failed, error: parts.find((part) => part.error)?.error ?? null };
  }

  begin(behaviour: string, args: unknown = {}): Promise<unknown[]> {
    return this.all({ op: "begin", behaviour, args });
  }

  call<T>(name: string, args: unknown = {}): Promise<T[]> {
    return this.all<T>({ op: "call", name, args });
  }

  end(): Promise<unknown[]> {
    return this.all({ op: "end" });
  }

  /** Every phone's frames and bytes received since the last reset, in audience order. */
  async counters(reset = false): Promise<{ frames: number; bytes: number }[]> {
    return (await this.all<{ frames: number; bytes: number }[]>({ op: "counters", reset })).flat();
  }

  /** The workers' sent-frame slots within [from, to] (bench/meter.ts): every frame, or the marks' reads. */
  sent(from: number, to: number, reads = false): Promise<SentByObject[]> {
    return this.all({ op: "sent", from, to, reads });
  }

  /** Closes every phone; the workers stay for the next crowd. */
  async close(): Promise<void> {
    await this.all({ op: "close" });
    this.count = 0;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
