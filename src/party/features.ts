/**
 * The room's features at run time (src/features/index.ts lists them): routes each message and
 * HTTP request to its feature, and paces reports. A changed report goes to presenters and the
 * projector at most every REPORT_MS, and, for features with an audience report, to the phones at
 * most every AUDIENCE_REPORT_MS (or the feature's own pace), so a burst of activity costs a few
 * messages, not one per input. A feature whose reports hold lists sends them as patches
 * (`patches: true`): each group gets what changed since the report it got before, so a frame costs
 * the change, not the list.
 *
 * Measurements live in memory: they are a live experiment, not the talk's record, and start
 * afresh when the room's process does. Features whose data is the talk's record (reactions,
 * questions, polls) keep it in the host's storage and read it back in `load()`.
 */
import type { FeatureHost, FeatureParts, Peer, RoomFeature, RoomLink } from "../room/feature.ts";
import type { ClientMessage } from "../room/protocol.ts";
import { ReportStream } from "./reportStream.ts";

export const REPORT_MS = 250;
export const AUDIENCE_REPORT_MS = 1000;

/**
 * What the room gives every feature, but `changed`, which is each feature's own. Presenters and
 * screens (the projector) get the full reports, but for private features.
 */
export type SharedHost = Omit<FeatureHost, "changed"> & {
  /** `text` to every phone: one frame per hall for the phones in halls (halls.ts), not one each. */
  toAudience(text: string): void;
};

interface Running {
  name: string;
  parts: FeatureParts<unknown, ClientMessage>;
  /** Its presenter report changed since the last flush. */
  dirty: boolean;
  /** The pending audience send, if one is scheduled. */
  audienceTimer: ReturnType<typeof setTimeout> | null;
  /** What presenters and screens were sent, and what the phones were. */
  watchers: ReportStream;
  audience: ReportStream;
}

export class Features {
  private readonly running: Running[] = [];
  private readonly byName = new Map<string, Running>();
  private readonly byMessage = new Map<string, Running>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly host: SharedHost;

  // A plain field, not a parameter property: Node's type stripping (the unit tests) can't load those.
  constructor(features: readonly RoomFeature[], host: SharedHost) {
    this.host = host;
    for (const feature of features) {
      // Set just below; `changed` is only ever called after that.
      let running: Running;
      // The feature's parts take its own messages; the room only routes those types here.
      const parts = feature.create({ ...host, changed: () => this.changed(running) }) as FeatureParts<unknown, ClientMessage>;
      const patches = parts.patches === true;
      running = { name: feature.name, parts, dirty: false, audienceTimer: null, watchers: new ReportStream(feature.name, patches), audience: new ReportStream(feature.name, patches) };
      this.running.push(running);
      this.byName.set(feature.name, running);
      for (const type of Object.keys(feature.messages)) this.byMessage.set(type, running);
    }
  }

  /** Null when no feature has this route. */
  async request(name: string, request: Request, rest: string[]): Promise<Response | null> {
    const parts = this.byName.get(name)?.parts;
    return parts?.request ? await parts.request(request, rest) : null;
  }

  /** A validated message whose sender the room checked. */
  async message(message: ClientMessage, from: Peer): Promise<void> {
    if (message.type === "reset") {
      const running = this.byName.get(message.feature);
      if (!running) return;
      running.parts.reset?.();
      running.watchers.restart();
      running.audience.restart();
      return this.changed(running);
    }
    await this.byMessage.get(message.type)?.parts.message?.(message, from);
  }

  async load(): Promise<void> {
    for (const { parts } of this.running) await parts.load?.();
  }

  leave(link: RoomLink): void {
    for (const { parts } of this.running) parts.leave?.(link);
  }

  presence(audience: number): void {
    for (const { parts } of this.running) parts.presence?.(audience);
  }

  /**
   * A connection just admitted: every report its role gets (presenters and screens every feature's,
   * phones the audience reports), whole, then whatever each feature has for it alone.
   */
  welcome(peer: Peer): void {
    const { role } = peer.member;
    for (const { parts, watchers, audience: phones } of this.running) {
      const asAudience = role === "audience" || (role === "screen" && parts.private === true);
      if (asAudience && parts.audienceReport) this.host.send(peer.link, phones.first(() => parts.audienceReport!()));
      if (!asAudience && parts.report) this.host.send(peer.link, watchers.first(() => parts.report!()));
    }
    for (const { parts } of this.running) parts.join?.(peer);
  }

  /** Each feature's export, by name (only features that have one). */
  exports(): Record<string, unknown> {
    return Object.fromEntries(this.running.flatMap(({ name, parts }) => (parts.export ? [[name, parts.export()]] : [])));
  }

  /** A participant's ballots, for their snapshot. */
  votesOf(pid: string): Record<string, number> {
    return Object.assign({}, ...this.running.map(({ parts }) => parts.votesOf?.(pid) ?? {}));
  }

  private changed(running: Running): void {
    if (running.parts.report) {
      running.dirty = true;
      this.timer ??= setTimeout(() => this.flush(), REPORT_MS);
    }
    if (running.parts.audienceReport && running.audienceTimer === null) {
      running.audienceTimer = setTimeout(() => this.flushAudience(running), running.parts.audienceEveryMs ?? AUDIENCE_REPORT_MS);
    }
  }

  private flush(): void {
    this.timer = null;
    const presenters = this.host.presenters();
    const watchers = [...presenters, ...this.host.screens()];
    for (const running of this.running) {
      if (!running.dirty || !running.parts.report) continue;
      running.dirty = false;
      running.parts.persist?.();
      const text = running.watchers.next(running.parts.report());
      if (text !== null) for (const link of running.parts.private ? presenters : watchers) this.host.send(link, text);
    }
  }

  private flushAudience(running: Running): void {
    running.audienceTimer = null;
    if (!running.parts.audienceReport) return;
    running.parts.persist?.();
    const text = running.audience.next(running.parts.audienceReport());
    if (text === null) return;
    this.host.toAudience(text);
    // A whole report replaces what a phone folded, its own part too (its answers in `yours`): each
    // phone gets that again, as on connect (after a reset the feature has nothing of theirs left).
    if (running.audience.sentWhole && running.parts.join) for (const peer of this.host.audience()) running.parts.join(peer);
    // The projector is public: a private feature's screens see what the phones see.
    if (running.parts.private) for (const link of this.host.screens()) this.host.send(link, text);
  }
}
