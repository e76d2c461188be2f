/**
 * The room's keys, as the server keeps them: only the SHA-256 of the presenter key and of the
 * projector's key (derived from it: src/room/secret.ts), and the secret that signs the
 * participant ids it issues (src/room/participants.ts), all written when the room is created.
 * Wrong keys, and issued ids, are counted per source address.
 */
import type * as Party from "partykit/server";
import { base64url } from "../room/encoding.ts";
import { KeyedLimiter } from "../room/keyedLimiter.ts";
import type { RateRule } from "../room/limiter.ts";
import { isIssued, issueParticipantId, participantKey } from "../room/participants.ts";
import { hashKey, keyMatches, newPresenterKey, screenKeyOf } from "../room/secret.ts";
import type { KeyedRole } from "./peers.ts";

const KEY_HASH = "keyHash";
const SCREEN_HASH = "screenHash";
const PARTICIPANT_SECRET = "participantSecret";

/**
 * Participant ids issued per source address, by default: a burst of 200, then 5 a second. A whole
 * conference behind one NAT is in within a minute (500 phones: 200 at once, 300 in 60 s); one
 * client gets at most ~250 ids in its first 10 s, and 5 a second after. The room's vars
 * (MINT_BURST, MINT_PER_SECOND) change it: the benchmark's thousands of phones share loopback.
 */
export const ISSUE_RATE: RateRule = { burst: 200, perSecond: 5, maxRefused: Number.POSITIVE_INFINITY };

function newSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * Wrong keys per source address: five, then one every 10 s, are answered `unauthorized`; past that,
 * `rate_limited` with 4008, a close a client must not retry. Only wrong keys count, and the right key
 * is always let in: a presenter behind the same address as a guesser (a conference's one NAT) is
 * never locked out. Guessing itself is hopeless: a key is 256 random bits.
 */
const WRONG_KEYS = { perSecond: 0.1, burst: 5, maxRefused: Number.POSITIVE_INFINITY };

/** Issued ids remembered with their time: a hall's worth, many times over. */
const RECENT_MAX = 20_000;

export type KeyCheck = "ok" | "wrong" | "throttled";

export class RoomKeys {
  private keyHash: string | null = null;
  private screenHash: string | null = null;
  private participants: Promise<CryptoKey> | null = null;
  private readonly wrong = new KeyedLimiter(WRONG_KEYS);
  private readonly issuing: KeyedLimiter;
  /** Ids issued lately, oldest first: polls tell the presenter when ballots come mostly from brand-new ones. */
  private readonly recent = new Map<string, number>();

  constructor(issueRate: RateRule = ISSUE_RATE) {
    this.issuing = new KeyedLimiter(issueRate);
  }

  /** True once the room exists. */
  get created(): boolean {
    return this.keyHash !== null;
  }

  /** Reads the hashes back; false when the room was never created. */
  async load(storage: Party.Storage): Promise<boolean> {
    const stored = await storage.get<unknown>([KEY_HASH, SCREEN_HASH, PARTICIPANT_SECRET]);
    const keyHash = stored.get(KEY_HASH);
    const screenHash = stored.get(SCREEN_HASH);
    if (typeof keyHash !== "string") return false;
    this.keyHash = keyHash;
    // A room from before projector keys has none: its projector can't join until a new room.
    this.screenHash = typeof screenHash === "string" ? screenHash : null;
    let secret = stored.get(PARTICIPANT_SECRET);
    if (typeof secret !== "string") {
      // A room from before issued ids: it starts issuing now (ids it never issued are refused).
      secret = newSecret();
      await storage.put(PARTICIPANT_SECRET, secret);
    }
    this.participants = participantKey(secret as string);
    return true;
  }

  /**
   * Makes the presenter key and the hashes to store with the room's first state; null when another
   * request created the room meanwhile (hashing lets other requests in).
   */
  async create(): Promise<{ key: string; stored: Record<string, string> } | null> {
    const key = newPresenterKey();
    const [keyHash, screenHash] = await Promise.all([hashKey(key), screenKeyOf(key).then(hashKey)]);
    if (this.keyHash) return null;
    const secret = newSecret();
    this.keyHash = keyHash;
    this.screenHash = screenHash;
    this.participants = participantKey(secret);
    return { key, stored: { [KEY_HASH]: keyHash, [SCREEN_HASH]: screenHash, [PARTICIPANT_SECRET]: secret } };
  }

  /** A new participant id for a phone at `source`; null when that address is over its budget. */
  async issue(source: string, now: number): Promise<string | null> {
    if (!this.participants || !this.issuing.allow(source, now)) return null;
    const pid = await issueParticipantId(await this.participants);
    this.recent.set(pid, now);
    if (this.recent.size > RECENT_MAX) this.recent.delete(this.recent.keys().next().value!);
    return pid;
  }

  /** When `pid` was issued, if this room issued it recently (since it started, among its last RECENT_MAX). */
  issuedAt(pid: string): number | undefined {
    return this.recent.get(pid);
  }

  /** Did this room issue `pid`? */
  async isParticipant(pid: unknown): Promise<boolean> {
    return this.participants !== null && (await isIssued(pid, await this.participants));
  }

  /** Is `key` the presenter's (HTTP routes only the presenter may use)? */
  async isPresenterKey(key: string | null): Promise<boolean> {
    return this.keyHash !== null && (await keyMatches(key, this.keyHash));
  }

  /** Checks the key a connection from `source` sent to be `role`. */
  async check(role: KeyedRole, key: string, source: string, now: number): Promise<KeyCheck> {
    const hash = role === "presenter" ? this.keyHash : this.screenHash;
    if (hash && (await keyMatches(key, hash))) return "ok";
    return this.wrong.allow(source, now) ? "wrong" : "throttled";
  }
}
