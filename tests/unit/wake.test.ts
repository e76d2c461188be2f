/**
 * Hibernation, which `partykit dev` never does and Cloudflare does after every quiet spell: the
 * Durable Object's memory goes, its storage and its sockets stay, and the next event builds a new
 * server object over them. Here the real talk (src/party/server.ts) and a real hall
 * (src/party/hall.ts) run over a stand-in of the platform (a Map for storage, sockets that record
 * what they are sent and keep their state as the runtime keeps a socket's attachment); a second
 * object is built over the same storage and sockets, and everything must come back exactly.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type * as Party from "partykit/server";
import HallServer from "../../src/party/hall.ts";
import RoomServer from "../../src/party/server.ts";
import { HALL_HEADER, readUp } from "../../src/room/halls.ts";
import type { PublicState } from "../../src/room/state.ts";

class Socket {
  state: unknown = null;
  readonly sent: string[] = [];
  closed: number | null = null;
  readonly id: string;
  constructor(id: string) {
    this.id = id;
  }
  // The runtime keeps a socket's state as a structured clone (its attachment): so does this.
  setState(state: unknown) {
    this.state = structuredClone(state);
    return this.state;
  }
  send(text: string) {
    if (this.closed !== null) throw new Error("closed");
    this.sent.push(text);
  }
  close(code: number) {
    this.closed ??= code;
  }
  /** Every message sent to it as JSON (a hall's link gets lines: not these). */
  messages(): Array<Record<string, unknown> & { type: string }> {
    return this.sent.flatMap((text) => (text.startsWith("{") ? [JSON.parse(text)] : []));
  }
}

/** What the talk's and the hall's objects use of the platform, over one storage and one set of sockets. */
class Platform {
  readonly storage = new Map<string, unknown>();
  readonly sockets: Socket[] = [];
  readonly env: Record<string, string> = { HALLS_FROM: "1", HALL_SIZE: "5" };
  /** The hall's link to the talk, when a hall asks for it: a socket whose far end the test plays. */
  readonly links: Array<{ sent: string[]; listeners: Map<string, (event: { data?: string; code?: number }) => void> }> = [];

  room(id: string): Party.Room {
    const storage = this.storage;
    const platform = this;
    const stored = {
      get: async (key: string | string[]) =>
        Array.isArray(key) ? new Map(key.filter((k) => storage.has(k)).map((k) => [k, structuredClone(storage.get(k))])) : structuredClone(storage.get(key)),
      put: async (key: string | Record<string, unknown>, value?: unknown) => {
        for (const [k, v] of typeof key === "string" ? [[key, value] as const] : Object.entries(key)) storage.set(k, structuredClone(v));
      },
      list: async ({ prefix = "" }: { prefix?: string } = {}) => new Map([...storage].filter(([key]) => key.startsWith(prefix)).map(([k, v]) => [k, structuredClone(v)])),
      delete: async (keys: string | string[]) => {
        for (const key of Array.isArray(keys) ? keys : [keys]) storage.delete(key);
        return true;
      },
      deleteAll: async () => storage.clear(),
      setAlarm: async () => {},
      getAlarm: async () => null,
    };
    const registry = { fetch: async () => new Response(null, { status: 200 }) };
    const main = {
      socket: async () => {
        const link = { sent: [] as string[], listeners: new Map() };
        platform.links.push(link);
        return { send: (text: string) => link.sent.push(text), addEventListener: (type: string, listener: never) => link.listeners.set(type, listener) };
      },
    };
    return {
      id,
      env: this.env,
      storage: stored,
      getConnections: () => this.sockets.filter((socket) => socket.closed === null && socket.state !== null),
      getConnection: (socketId: string) => this.sockets.find((socket) => socket.id === socketId && socket.closed === null),
      blockConcurrencyWhile: async (run: () => Promise<unknown>) => run(),
      context: { parties: { rooms: { get: () => registry }, main: { get: () => main } } },
    } as unknown as Party.Room;
  }

  socket(id: string): Socket {
    const socket = new Socket(id);
    this.sockets.push(socket);
    return socket;
  }
}

const CODE = "K7QXM";
const request = (path: string, init?: RequestInit) => new Request(`http://localhost/parties/main/${CODE}${path}`, init) as unknown as Party.Request;
const connect = (url: string, headers: Record<string, string> = {}) => ({ request: new Request(`http://localhost${url}`, { headers }) }) as unknown as Party.ConnectionContext;
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
const asConnection = (socket: Socket) => socket as unknown as Party.Connection;

test("the talk, woken over the same storage and sockets: presence, peers, the poll and its halls' phones come back exactly", async () => {
  const platform = new Platform();
  let talk = new RoomServer(platform.room(CODE));
  await talk.onStart();
  const { key } = (await (await talk.onRequest(request("", { method: "POST" }))).json()) as { key: string };
  const pids = await Promise.all([0, 1, 2].map(async () => ((await (await talk.onRequest(request("/participants", { method: "POST" }))).json()) as { pid: string }).pid));

  const presenter = platform.socket("presenter");
  await talk.onConnect(asConnection(presenter), connect(`/parties/main/${CODE}?role=presenter`));
  await talk.onMessage(JSON.stringify({ type: "auth", key }), asConnection(presenter));
  const phone = platform.socket("phone");
  await talk.onConnect(asConnection(phone), connect(`/parties/main/${CODE}?role=audience&pid=${pids[0]}`));
  // A hall's link, with two phones of its own.
  const link = platform.socket("link");
  await talk.onConnect(asConnection(link), connect(`/parties/main/${CODE}`, { [HALL_HEADER]: "0" }));
  await talk.onMessage(`j\tc1\t${pids[1]}\tlocal\nj\tc2\t${pids[2]}\tlocal`, asConnection(link));
  const poll = { id: "p", question: "Q?", options: ["A", "B"] };
  await talk.onMessage(JSON.stringify({ type: "poll", action: "open", poll }), asConnection(presenter));
  await talk.onMessage(JSON.stringify({ type: "vote", poll: "p", option: 1 }), asConnection(phone));
  await talk.onMessage(`m\tc1\t${JSON.stringify({ type: "vote", poll: "p", option: 0 })}`, asConnection(link));
  await settle();
  const before = lastState(presenter);
  assert.equal(before.audience, 3);
  assert.deepEqual(before.poll?.counts, [1, 1]);

  // Hibernation: a new object, nothing in memory, the same storage and sockets.
  talk = new RoomServer(platform.room(CODE));
  await talk.onStart();
  const sentBefore = presenter.sent.length;
  await talk.onMessage(JSON.stringify({ type: "sync" }), asConnection(presenter));
  const woken = presenter.messages().slice(-1)[0] as { type: string; state: PublicState };
  assert.equal(woken.type, "snapshot");
  assert.deepEqual(woken.state, before, "the same state: presence counted from the sockets and the halls' stored phones");
  assert.equal(presenter.sent.length, sentBefore + 1, "a wake-up with nothing changed sends nothing of its own");

  // The next messages are handled as before: the hall's phone changes its vote, the direct phone syncs as itself.
  await talk.onMessage(`m\tc2\t${JSON.stringify({ type: "vote", poll: "p", option: 1 })}`, asConnection(link));
  await settle();
  assert.deepEqual(lastState(presenter).poll?.counts, [1, 2]);
  assert.match(link.sent.join("\n"), /#\tc2\t\{"type":"voted","poll":"p","option":1\}/, "the ack goes down the hall's link, to its phone");
  await talk.onMessage(JSON.stringify({ type: "sync" }), asConnection(phone));
  const mine = phone.messages().filter((m) => m.type === "snapshot").at(-1);
  assert.deepEqual(mine?.["you"], { role: "audience", pid: pids[0], votes: { p: 1 } });
  // The presenter is still a presenter: it drives.
  await talk.onMessage(JSON.stringify({ type: "goto", slide: 3, step: 0 }), asConnection(presenter));
  await settle();
  assert.equal(lastState(presenter).slide, 3);

  const storedPhones = () => [...platform.storage.keys()].filter((key) => key.startsWith("hall:")).sort();
  assert.deepEqual(storedPhones(), ["hall:0:c1", "hall:0:c2"], "one key per phone of the hall");

  // The hall's link closes: its phones leave after the grace period, as a reload would.
  talk.onClose(asConnection(link));
  link.closed = 1006;
  await new Promise((resolve) => setTimeout(resolve, 4_300));
  assert.equal(lastState(presenter).audience, 1);
  assert.deepEqual(storedPhones(), [], "the hall's phones are no longer stored");
});

test("a hall, woken over the same sockets: its phones, their limits and its link come back, and the next message goes up", async () => {
  const platform = new Platform();
  const pid = "a".repeat(38);
  let hall = new HallServer(platform.room(`${CODE}-0`));
  await hall.onStart();
  const phone = platform.socket("p1");
  await hall.onConnect(asConnection(phone), connect(`/parties/hall/${CODE}-0?role=audience&pid=${pid}`));
  await settle();
  assert.deepEqual(readUp(platform.links[0]!.sent.join("\n")), [{ op: "join", conn: "p1", pid, source: "local" }]);
  // A ping is answered by the hall itself, never sent up.
  hall.onMessage(JSON.stringify({ type: "ping", id: "x" }), asConnection(phone));
  assert.equal(phone.messages().at(-1)?.type, "pong");

  // Hibernation: the hall's memory goes (its link with it: an outgoing socket doesn't survive).
  hall = new HallServer(platform.room(`${CODE}-0`));
  await hall.onStart();
  await settle();
  assert.equal(platform.links.length, 2, "a woken hall with phones reaches the talk again");
  assert.deepEqual(readUp(platform.links[1]!.sent.join("\n")), [{ op: "join", conn: "p1", pid, source: "local" }], "and announces its phones");

  // The next message goes up the new link; the limit is the one a phone has after a quiet spell (full: 40 at once, then 20 a second).
  // Until the talk admits the phone again (its roll call's answer), its reactions go up as they came, for the talk to check.
  const react = JSON.stringify({ type: "react", counts: { "👏": 1 } });
  hall.onMessage(react, asConnection(phone));
  platform.links[1]!.listeners.get("message")!({ data: "+\tp1" });
  for (let i = 0; i < 39; i++) hall.onMessage(react, asConnection(phone));
  hall.onMessage(react, asConnection(phone));
  await settle();
  const up = readUp(platform.links[1]!.sent.join("\n")).filter((line) => line.op === "message" || line.op === "sum");
  assert.deepEqual(
    up.map((line) => (line.op === "sum" ? JSON.parse(line.json) : line)),
    [{ op: "message", conn: "p1", json: react }, { type: "react", counts: { "👏": 39 }, batches: 39 }],
    "a burst of 40 goes up (once admitted, summed in one line), as it would have before",
  );
  assert.deepEqual(phone.messages().at(-1), { type: "error", code: "rate_limited" }, "the 41st is refused in the hall");
  // What the talk sends down reaches the phone.
  platform.links[1]!.listeners.get("message")!({ data: `*\t{"type":"delta","seq":9,"now":1,"changes":{"slide":2}}` });
  assert.deepEqual(phone.messages().at(-1), { type: "delta", seq: 9, now: 1, changes: { slide: 2 } });
});

/** The presenter's latest state, folded from what it was sent. */
function lastState(socket: Socket): PublicState {
  let state = {} as PublicState;
  for (const message of socket.messages()) {
    if (message.type === "snapshot") state = message["state"] as PublicState;
    if (message.type === "delta") state = { ...state, ...(message["changes"] as Partial<PublicState>) };
  }
  return state;
}
