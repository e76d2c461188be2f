/**
 * What a feature's server part is, and what the room gives it. A feature (src/features/<name>/
 * server.ts) handles the messages its protocol declares, may own HTTP routes under
 * `/parties/main/<code>/<name>/…`, and reports its measurements; the room (src/party) routes to it,
 * checks senders and paces reports. No PartyKit here: a port to another host changes the adapter only.
 */
import type { MessagesOf, MessageTable } from "./messages.ts";
import type { Member } from "./participants.ts";
import type { FeatureName, FeatureReports, PatchedFeature } from "./protocol.ts";
import type { PublicState } from "./state.ts";
import type { ServerMessage } from "./wire.ts";

/** A connection, as a handle: the room sends to it. */
export interface RoomLink {
  readonly id: string;
}

/** An admitted connection and who it is. */
export interface Peer {
  link: RoomLink;
  member: Member;
}

/** The room's durable storage, as much of it as features use. */
export interface FeatureStorage {
  get<T>(key: string): Promise<T | undefined>;
  put(entries: Readonly<Record<string, unknown>>): Promise<void>;
  list<T>(prefix: string): Promise<Map<string, T>>;
  delete(keys: readonly string[]): Promise<void>;
}

export interface FeatureHost {
  now(): number;
  /** Admitted audience connections. */
  audience(): Peer[];
  /** One participant's connections (the tabs of their phone). */
  participant(pid: string): RoomLink[];
  /** Presenters' connections, and screens' (the projector): for a feature that sends them frames of its own. */
  presenters(): RoomLink[];
  screens(): RoomLink[];
  /** A message, or one already encoded (to encode a broadcast once). */
  send(to: RoomLink, message: ServerMessage | string): void;
  /** This feature's report changed: send it soon (coalesced). */
  changed(): void;
  storage: FeatureStorage;
  /** True when `key` is this room's presenter key (for HTTP routes only the presenter may use). */
  isPresenterKey(key: string | null): Promise<boolean>;
  /** True when this room issued `pid` (HTTP routes that take one count only issued ids). */
  isParticipant(pid: unknown): Promise<boolean>;
  /** When this room issued `pid`, if it did so lately (since it started); undefined otherwise. */
  issuedAt(pid: string): number | undefined;
  /** The room's public state now. */
  state(): PublicState;
  /** Moves the room's public state (persisted, then sent to everyone as a delta). */
  change(next: PublicState): Promise<void>;
}

type ReportOf<Name extends string> = Name extends FeatureName ? FeatureReports[Name] : never;

/** The parts a feature implements, every one optional: `Report` is what its reports carry, `Message` what it handles. */
export interface FeatureParts<Report, Message> {
  /** `rest`: the path after `/<name>/`, split on "/". Return null for "no such route" (404). */
  request?(request: Request, rest: string[]): Promise<Response | null> | Response | null;
  /** One of this feature's messages, already validated and its sender checked (the room awaits it). */
  message?(message: Message, from: Peer): void | Promise<void>;
  /** A connection was admitted and has its snapshot and reports: send it anything of its own. */
  join?(peer: Peer): void;
  /** A connection left. */
  leave?(link: RoomLink): void;
  /** The room's count of people (unique participants in the audience) changed: as the public state says, once settled. */
  presence?(audience: number): void;
  /** The presenter's "start again" (`reset`). */
  reset?(): void;
  /** Reads what the feature stored, when the room starts (before any connection or request). */
  load?(): Promise<void>;
  /** For presenters and the projector: the feature's measurements now. */
  report?(): Report;
  /**
   * Its presenters' report holds what only the presenter may see (hidden questions): the projector,
   * a public screen, gets the audience report instead.
   */
  private?: true;
  /** For the audience, if they get one (sent at most every `audienceEveryMs`, default AUDIENCE_REPORT_MS). */
  audienceReport?(): Report;
  audienceEveryMs?: number;
  /**
   * The reports travel as changes: whole on connect and after a reset, otherwise a JSON Merge
   * Patch over the one sent before, or nothing when nothing changed (src/room/patch.ts). Only
   * for features listed in PatchedReports (the type check says so).
   */
  patches?: true;
  /** What the audience produced, for the presenter's results download (JSON-ready). */
  export?(): unknown;
  /**
   * Called just before the feature's reports go out: write what must survive a restart. A write
   * issued before a send holds that send until it is durable (the Durable Object output gate),
   * so whatever a phone has seen is stored, at one write per report instead of one per message.
   */
  persist?(): void;
  /** What this participant's snapshot carries of the feature (their ballots). */
  votesOf?(pid: string): Record<string, number>;
}

/** A feature, as the room's list holds it: its name, its messages, and how to start it in a room. */
export interface RoomFeature<Report = unknown, Message = never> {
  readonly name: string;
  /** The messages this feature handles (from its protocol.ts): the room's one table joins them. */
  readonly messages: MessageTable;
  create(host: FeatureHost): FeatureParts<Report, Message>;
}

/** A feature listed in PatchedReports says `patches: true`; no other may (its clients expect whole reports). */
type PatchesOf<Name extends string> = Name extends PatchedFeature ? { patches: true } : { patches?: never };

/** A feature whose reports are typed by its name (FeatureReports) and whose messages by its table. */
export function defineFeature<const Name extends string, const Messages extends MessageTable>(
  name: Name,
  messages: Messages,
  create: (host: FeatureHost) => FeatureParts<ReportOf<Name>, MessagesOf<Messages>[keyof Messages]> & PatchesOf<Name>,
): RoomFeature<ReportOf<Name>, MessagesOf<Messages>[keyof Messages]> {
  return { name, messages, create };
}

/**
 * The parts of a feature that keeps each device's latest samples (round trips, tilt): a device
 * that leaves drops out at once, and a reset forgets every one.
 */
export function perDevice(samples: { leave(linkId: string): boolean; clear(): void }, host: Pick<FeatureHost, "changed">): Pick<FeatureParts<never, never>, "leave" | "reset"> {
  return {
    leave(link) {
      if (samples.leave(link.id)) host.changed();
    },
    reset() {
      samples.clear();
    },
  };
}
