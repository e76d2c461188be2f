/**
 * The room registry: which room codes exist, and how fast each source address may create rooms.
 * A party of its own (`rooms`, one instance), reached only by the room party, in its worker before
 * a request reaches a room (doorway.ts) and from rooms themselves; every public request to it is
 * refused.
 *
 * Why it exists: every room is a Durable Object, and asking one that was never created starts it
 * (in `partykit dev` a database of three files: 50 lookups of made-up codes left 150), and
 * nothing stopped one client creating 88 rooms a second. Now a lookup of an unknown code is
 * answered here, reading one key, and creation spends the address's budget first.
 *
 * An entry lasts ENTRY_TTL_MS after the room last started or was created: longer than a room's
 * own data (src/room/retention.ts), so the registry never forgets a room that still holds data;
 * a room that erased itself also erases its entry when it can (an alarm can't reach other
 * parties, so expiry can't: the entry then outlives the data by a day, answering `no_room` from
 * the room itself).
 *
 * The budgets live in memory: a registry evicted after a quiet spell forgets them, which gives a
 * client a fresh burst only after it stayed quiet.
 */
import type * as Party from "partykit/server";
import { isCanonicalRoomCode } from "../room/codes.ts";
import { KeyedLimiter } from "../room/keyedLimiter.ts";
import { ROOM_IDLE_MS } from "../room/retention.ts";
import { roomSettings } from "./settings.ts";

/** The one instance. */
const REGISTRY = "all";
export const ENTRY_TTL_MS = ROOM_IDLE_MS + 24 * 3_600_000;
const CLEAN_EVERY_MS = 24 * 3_600_000;
const ENTRY = "room:";

export type Claim = "created" | "taken" | "too_fast";

/** What the room party asks of the registry. */
export interface Registry {
  exists(code: string): Promise<boolean>;
  /** Takes `code` for a new room made from `source`, if the code is free and the source within its budget. */
  claim(code: string, source: string): Promise<Claim>;
  /** The room is in use: keep its entry another ENTRY_TTL_MS. */
  touch(code: string): Promise<void>;
  forget(code: string): Promise<void>;
}

export function registryOf(parties: Party.Context["parties"]): Registry {
  const stub = parties["rooms"]!.get(REGISTRY);
  const call = (path: string, body?: unknown) => stub.fetch(path, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
  return {
    exists: async (code) => (await call(`/exists/${code}`)).status === 200,
    async claim(code, source) {
      const { status } = await call("/claim", { code, source });
      return status === 201 ? "created" : status === 409 ? "taken" : "too_fast";
    },
    touch: async (code) => void (await call("/touch", { code })),
    forget: async (code) => void (await call("/forget", { code })),
  };
}

export default class RegistryServer implements Party.Server {
  readonly room: Party.Room;
  private readonly creating: KeyedLimiter;

  constructor(room: Party.Room) {
    this.room = room;
    this.creating = new KeyedLimiter(roomSettings(room.env).createRate);
  }

  /** Only rooms may ask: stub calls skip this, requests from outside don't. */
  static onBeforeRequest(): Response {
    return new Response(null, { status: 404 });
  }

  static onBeforeConnect(): Response {
    return new Response(null, { status: 404 });
  }

  async onRequest(request: Party.Request): Promise<Response> {
    const [route, code] = new URL(request.url).pathname.split("/").slice(4);
    if (route === "exists" && code !== undefined) return new Response(null, { status: (await this.alive(code)) ? 200 : 404 });
    const body = (await request.json().catch(() => null)) as { code?: unknown; source?: unknown } | null;
    if (typeof body?.code !== "string" || !isCanonicalRoomCode(body.code)) return new Response(null, { status: 400 });
    const key = ENTRY + body.code;
    if (route === "claim") {
      if (await this.alive(body.code)) return new Response(null, { status: 409 });
      if (!this.creating.allow(String(body.source), Date.now())) return new Response(null, { status: 429 });
      await this.keep(key);
      return new Response(null, { status: 201 });
    }
    if (route === "touch") await this.keep(key);
    else if (route === "forget") await this.room.storage.delete(key);
    else return new Response(null, { status: 404 });
    return new Response(null, { status: 204 });
  }

  private async alive(code: string): Promise<boolean> {
    const expiresAt = await this.room.storage.get<number>(ENTRY + code);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  private async keep(key: string): Promise<void> {
    await this.room.storage.put(key, Date.now() + ENTRY_TTL_MS);
    if ((await this.room.storage.getAlarm()) === null) await this.room.storage.setAlarm(Date.now() + CLEAN_EVERY_MS);
  }

  /** Once a day: drop the expired entries. */
  async onAlarm(): Promise<void> {
    const now = Date.now();
    const expired = [...(await this.room.storage.list<number>({ prefix: ENTRY }))].flatMap(([key, expiresAt]) => (expiresAt <= now ? [key] : []));
    for (let i = 0; i < expired.length; i += 128) await this.room.storage.delete(expired.slice(i, i + 128));
    if ((await this.room.storage.list({ prefix: ENTRY, limit: 1 })).size > 0) await this.room.storage.setAlarm(now + CLEAN_EVERY_MS);
  }
}
