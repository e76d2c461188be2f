/**
 * What one client can hold in a room: a few connections per participant, and a bounded number per
 * source address (a conference behind one NAT fits; one script can't exhaust the server's open
 * files). Refusals are `connection_limit` and close 4029, which clients don't retry.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { CLOSE_CODES, errorMessage } from "../../src/room/errors.ts";
import { CONNECTIONS_PER_PARTICIPANT } from "../../src/party/peers.ts";
import { TestSocket } from "./client.ts";
import { joinAsAudience, participant, roomSocketUrl, roomWithPresenter, settled } from "./rooms.ts";
import { startPartyServer, type PartyServer } from "./server.ts";

const PER_SOURCE = 6;
let server: PartyServer;
before(async () => {
  // All of loopback is one source here; a small cap shows the rule without thousands of sockets.
  server = await startPartyServer({ vars: { CONNECTIONS_PER_SOURCE: String(PER_SOURCE) } });
});
after(async () => {
  await server.dispose();
});

async function refused(code: string, query: string, detail: string): Promise<void> {
  const socket = await TestSocket.open(roomSocketUrl(server, code, query));
  const closed = await socket.closed;
  assert.equal(closed.code, CLOSE_CODES.tooMany, query);
  assert.deepEqual(socket.frames.map((frame) => JSON.parse(frame) as unknown), [errorMessage("connection_limit", { detail })]);
}

test(`one participant holds at most ${CONNECTIONS_PER_PARTICIPANT} connections; one source at most the room's cap`, async () => {
  const { room, presenter } = await roomWithPresenter(server);
  const tabs = await Promise.all(Array.from({ length: CONNECTIONS_PER_PARTICIPANT }, () => joinAsAudience(server, room.code, "many-tabs-01")));
  await refused(room.code, `role=audience&pid=${await participant(server, room.code, "many-tabs-01")}`, "per_participant");
  // A tab closed frees its place.
  await tabs[0]![0].close();
  await settled(presenter, { audience: 1 });
  const [again] = await joinAsAudience(server, room.code, "many-tabs-01");

  // Presenter + 4 tabs = 5 from this source; one more phone fits, the next doesn't, whoever it is.
  const [other] = await joinAsAudience(server, room.code, "another-one-02");
  await refused(room.code, `role=audience&pid=${await participant(server, room.code, "a-third-one-03")}`, "per_source");
  await refused(room.code, "role=screen", "per_source"); // before its key, too
  for (const socket of [again, other, ...tabs.slice(1).map(([tab]) => tab), presenter]) await socket.close();
});
