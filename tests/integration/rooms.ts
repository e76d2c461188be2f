/** Rooms and their members on a test server: what most integration tests start with. */
import assert from "node:assert/strict";
import { newRoomCode } from "../../src/room/codes.ts";
import { PRESENCE_GRACE_MS } from "../../src/room/presence.ts";
import { screenKeyOf } from "../../src/room/secret.ts";
import type { ParticipantIssued, RoomCreated, SnapshotMessage } from "../../src/room/wire.ts";
import type { PublicState } from "../../src/room/state.ts";
import { TestSocket } from "./client.ts";
import type { PartyServer } from "./server.ts";
import { until } from "./support.ts";

export async function createRoom(server: PartyServer): Promise<RoomCreated> {
  const response = await fetch(`${server.origin}/parties/main/${newRoomCode()}`, { method: "POST" });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as RoomCreated;
}

export function roomSocketUrl(server: PartyServer, code: string, query: string): string {
  return `${server.wsOrigin}/parties/main/${code}?${query}`;
}

/** A connection that proves its role with a key in its first frame (keys never ride in a URL). */
export async function joinWithKey(server: PartyServer, code: string, role: "presenter" | "screen", key: string, options?: { answerProbes: boolean }): Promise<TestSocket> {
  const socket = await TestSocket.open(roomSocketUrl(server, code, `role=${role}`), options);
  socket.send({ type: "auth", key });
  return socket;
}

export async function joinAsPresenter(server: PartyServer, room: RoomCreated, options?: { answerProbes: boolean }): Promise<[TestSocket, SnapshotMessage]> {
  const socket = await joinWithKey(server, room.code, "presenter", room.key, options);
  return [socket, await socket.nextOfType("snapshot")];
}

const issued = new Map<string, Promise<string>>();

/**
 * The participant id room `code` issued for the phone the test calls `name` (asked once: the same
 * name is the same person, as a phone keeps its id).
 */
export function participant(server: PartyServer, code: string, name: string): Promise<string> {
  const key = `${server.port}/${code}/${name}`;
  let pid = issued.get(key);
  if (!pid) {
    pid = fetch(`${server.origin}/parties/main/${code}/participants`, { method: "POST" }).then(async (response) => {
      assert.equal(response.status, 201, await response.clone().text());
      return ((await response.json()) as ParticipantIssued).pid;
    });
    issued.set(key, pid);
  }
  return pid;
}

/** The phone the test calls `name`, with the id the room issued it. */
export async function joinAsAudience(server: PartyServer, code: string, name: string): Promise<[TestSocket, SnapshotMessage]> {
  const pid = await participant(server, code, name);
  const socket = await TestSocket.open(roomSocketUrl(server, code, `role=audience&pid=${pid}`));
  return [socket, await socket.nextOfType("snapshot")];
}

/** The projector's view, with the key the presenter's page derives for it: follows the room, gets the presenters' reports, is not counted, cannot drive. */
export async function joinAsScreen(server: PartyServer, room: RoomCreated): Promise<[TestSocket, SnapshotMessage]> {
  const socket = await joinWithKey(server, room.code, "screen", await screenKeyOf(room.key));
  return [socket, await socket.nextOfType("snapshot")];
}

/** A new room with its presenter connected. */
export async function roomWithPresenter(server: PartyServer): Promise<{ room: RoomCreated; presenter: TestSocket }> {
  const room = await createRoom(server);
  const [presenter] = await joinAsPresenter(server, room);
  return { room, presenter };
}

/** `count` phones joining at once, as `${prefix}0000`, `${prefix}0001`, … */
export function joinPhones(server: PartyServer, code: string, count: number, prefix = "phone-"): Promise<Array<[TestSocket, SnapshotMessage]>> {
  return Promise.all(Array.from({ length: count }, (_, i) => joinAsAudience(server, code, `${prefix}${String(i).padStart(4, "0")}`)));
}

/** A fresh snapshot, asked for over the socket. */
export async function sync(socket: TestSocket): Promise<SnapshotMessage> {
  socket.send({ type: "sync" });
  return socket.nextOfType("snapshot");
}

/** Syncs until presence shows `expected` (presence trails joins by ~100 ms, leaves by the grace period); returns that snapshot. */
export async function settled(socket: TestSocket, expected: Partial<Pick<PublicState, "audience" | "presenterOnline">>): Promise<SnapshotMessage> {
  let snapshot: SnapshotMessage | undefined;
  await until(
    async () => {
      const { state } = (snapshot = await sync(socket));
      return Object.entries(expected).every(([key, value]) => state[key as keyof typeof expected] === value);
    },
    { stepMs: 50, timeoutMs: PRESENCE_GRACE_MS + 3_000, what: `presence to reach ${JSON.stringify(expected)}` },
  );
  return snapshot!;
}
