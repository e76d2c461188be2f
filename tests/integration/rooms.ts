/** Rooms and their members on a test server: what most integration tests start with. */
import assert from "node:assert/strict";
import { newRoomCode } from "../../src/room/codes.ts";
import type { RoomCreated, SnapshotMessage } from "../../src/room/wire.ts";
import { TestSocket } from "./client.ts";
import type { PartyServer } from "./server.ts";

export async function createRoom(server: PartyServer): Promise<RoomCreated> {
  const response = await fetch(`${server.origin}/parties/main/${newRoomCode()}`, { method: "POST" });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as RoomCreated;
}

export function roomSocketUrl(server: PartyServer, code: string, query: string): string {
  return `${server.wsOrigin}/parties/main/${code}?${query}`;
}

export async function joinAsPresenter(server: PartyServer, room: RoomCreated, options?: { answerProbes: boolean }): Promise<[TestSocket, SnapshotMessage]> {
  const socket = await TestSocket.open(roomSocketUrl(server, room.code, `role=presenter&key=${encodeURIComponent(room.key)}`), options);
  return [socket, await socket.nextOfType("snapshot")];
}

export async function joinAsAudience(server: PartyServer, code: string, pid: string): Promise<[TestSocket, SnapshotMessage]> {
  const socket = await TestSocket.open(roomSocketUrl(server, code, `role=audience&pid=${pid}`));
  return [socket, await socket.nextOfType("snapshot")];
}

/** The projector's view: follows the room, gets the presenters' reports, is not counted, cannot drive. */
export async function joinAsScreen(server: PartyServer, code: string): Promise<[TestSocket, SnapshotMessage]> {
  const socket = await TestSocket.open(roomSocketUrl(server, code, "role=screen"));
  return [socket, await socket.nextOfType("snapshot")];
}
