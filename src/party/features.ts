/**
 * The room's lab: the server side of the live demos. Each demo (src/party/lab/*.ts) owns its
 * HTTP routes under `/parties/main/<code>/<demo>/…`, the socket messages it declares, and a
 * report of its measurements. The lab sends a changed report to the presenters at most every
 * REPORT_MS (and to the audience, for demos that have an audience report, at most every
 * AUDIENCE_REPORT_MS), so a burst of activity costs a few messages, not one per request.
 *
 * Measurements live in memory: they are a live experiment, not the talk's record, and start
 * afresh when the room's process does. Modules whose data is the talk's record (the audience's
 * reactions, questions) keep it in `host.storage` and read it back in `load()`.
 */
import type * as Party from "partykit/server";
import type { ClientMessage, ClientMessageType, DemoName, ServerMessage } from "../room/protocol.ts";
import type { Member } from "../room/participants.ts";

export const REPORT_MS = 250;
export const AUDIENCE_REPORT_MS = 1000;

/** An admitted connection of the room and who it is. */
export interface LabMember {
  connection: Party.Connection;
  member: Member;
}

/** What the room gives its demos. */
export interface LabHost {
  now(): number;
  /** Admitted audience connections. */
  audience(): LabMember[];
  /** A message, or one already encoded (to encode a broadcast once). */
  send(connection: Party.Connection, message: ServerMessage | string): void;
  /** This demo's report changed: send it soon. */
  changed(demo: DemoName): void;
  /** The room's durable storage (what must survive a restart). */
  storage: Party.Storage;
  /** True when `key` is this room's presenter key (for HTTP routes only the presenter may use). */
  isPresenterKey(key: string | null): Promise<boolean>;
}

export interface LabDemo {
  readonly name: DemoName;
  /** Socket message types this demo handles (validated and authorised by the room first). */
  readonly handles: readonly ClientMessageType[];
  /** `rest`: the path after `/<demo>/`, split on "/". Return null for "no such route" (404). */
  request?(request: Party.Request, rest: string[]): Promise<Response | null> | Response | null;
  message?(message: ClientMessage, from: LabMember): void;
  /** A connection left. */
  leave?(connection: Party.Connection): void;
  reset(): void;
  /** Reads what the module stored, when the room starts (before any connection or request). */
  load?(): Promise<void>;
  /** For the presenters: the demo's measurements now. */
  report(): unknown;
  /** For the audience, if they get one (sent at most every `audienceEveryMs`, default AUDIENCE_REPORT_MS). */
  audienceReport?(): unknown;
  audienceEveryMs?: number;
  /** What the audience produced, for the presenter's results download (JSON-ready). */
  export?(): unknown;
  /**
   * Called just before the module's reports go out: write what must survive a restart. A write
   * issued before a send holds that send until it is durable (the Durable Object output gate),
   * so whatever a phone has seen is stored, at one write per report instead of one per message.
   */
  persist?(): void;
}

export type LabDemoFactory = (host: LabHost) => LabDemo;

export class Lab {
  private readonly demos = new Map<DemoName, LabDemo>();
  private readonly byMessage = new Map<ClientMessageType, LabDemo>();
  private readonly dirty = new Set<DemoName>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Per demo with an audience report: the pending send, if one is scheduled. */
  private readonly audienceTimers = new Map<DemoName, ReturnType<typeof setTimeout>>();

  private readonly host: Omit<LabHost, "changed"> & { presenters(): Party.Connection[] };

  // A plain field, not a parameter property: Node's type stripping (the unit tests) can't load those.
  constructor(factories: readonly LabDemoFactory[], host: Omit<LabHost, "changed"> & { presenters(): Party.Connection[] }) {
    this.host = host;
    const labHost: LabHost = { ...host, changed: (demo) => this.changed(demo) };
    for (const factory of factories) {
      const demo = factory(labHost);
      this.demos.set(demo.name, demo);
      for (const type of demo.handles) this.byMessage.set(type, demo);
    }
  }

  /** Null when no demo has this route. */
  async request(name: string, request: Party.Request, rest: string[]): Promise<Response | null> {
    const demo = this.demos.get(name as DemoName);
    return demo?.request ? await demo.request(request, rest) : null;
  }

  /** True when a demo took the message. */
  message(message: ClientMessage, from: LabMember): boolean {
    if (message.type === "reset") {
      this.demos.get(message.demo)?.reset();
      this.changed(message.demo);
      return true;
    }
    const demo = this.byMessage.get(message.type);
    if (!demo?.message) return false;
    demo.message(message, from);
    return true;
  }

  async load(): Promise<void> {
    for (const demo of this.demos.values()) await demo.load?.();
  }

  leave(connection: Party.Connection): void {
    for (const demo of this.demos.values()) demo.leave?.(connection);
  }

  /** Every report, for a presenter who just connected. */
  reports(): ServerMessage[] {
    return Array.from(this.demos.values(), (demo) => ({ type: "lab", demo: demo.name, data: demo.report() }));
  }

  /** Each module's export, by name (only modules that have one). */
  exports(): Partial<Record<DemoName, unknown>> {
    return Object.fromEntries(Array.from(this.demos.values()).flatMap((demo) => (demo.export ? [[demo.name, demo.export()]] : [])));
  }

  /** The audience reports, for a phone that just connected. */
  audienceReports(): ServerMessage[] {
    return Array.from(this.demos.values()).flatMap((demo) => (demo.audienceReport ? [{ type: "lab" as const, demo: demo.name, data: demo.audienceReport() }] : []));
  }

  private changed(name: DemoName): void {
    this.dirty.add(name);
    this.timer ??= setTimeout(() => this.flush(), REPORT_MS);
    const demo = this.demos.get(name);
    if (demo?.audienceReport && !this.audienceTimers.has(name)) {
      this.audienceTimers.set(name, setTimeout(() => this.flushAudience(demo), demo.audienceEveryMs ?? AUDIENCE_REPORT_MS));
    }
  }

  private flush(): void {
    this.timer = null;
    const presenters = this.host.presenters();
    for (const name of this.dirty) {
      const demo = this.demos.get(name)!;
      demo.persist?.();
      const text = JSON.stringify({ type: "lab", demo: name, data: demo.report() } satisfies ServerMessage);
      for (const connection of presenters) this.host.send(connection, text);
    }
    this.dirty.clear();
  }

  private flushAudience(demo: LabDemo): void {
    this.audienceTimers.delete(demo.name);
    demo.persist?.();
    const text = JSON.stringify({ type: "lab", demo: demo.name, data: demo.audienceReport!() } satisfies ServerMessage);
    for (const { connection } of this.host.audience()) this.host.send(connection, text);
  }
}
