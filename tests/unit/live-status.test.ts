import { test } from "node:test";
import assert from "node:assert/strict";
import { errorText } from "../../src/live/errors.ts";
import { socketProtocol, type RoomSnapshot } from "../../src/live/room.ts";
import { describeStatus } from "../../src/live/status.ts";
import { liveStrings } from "../../src/live/strings.ts";
import { ERROR_CODES, errorMessage } from "../../src/room/errors.ts";
import { initialState } from "../../src/room/state.ts";

function online(audience: number, presenterOnline: boolean): RoomSnapshot {
  const state = { ...initialState("K7M2Q"), audience, presenterOnline };
  return { status: "online", view: { seq: 1, state }, clockOffset: 0, error: null, you: null, stuck: null };
}
const link = (status: RoomSnapshot["status"], error: RoomSnapshot["error"] = null, stuck: RoomSnapshot["stuck"] = null): RoomSnapshot => ({
  status,
  view: null,
  clockOffset: 0,
  error,
  you: null,
  stuck,
});

test("the presenter sees how many people are in the room, in each language", () => {
  assert.deepEqual(describeStatus(online(3, true), "presenter", "pt-br"), { tone: "ok", text: "Ao vivo · 3 pessoas" });
  assert.deepEqual(describeStatus(online(1, true), "presenter", "pt-br"), { tone: "ok", text: "Ao vivo · 1 pessoa" });
  assert.deepEqual(describeStatus(online(3, true), "presenter", "en"), { tone: "ok", text: "Live · 3 people" });
  assert.deepEqual(describeStatus(online(1, true), "presenter", "en"), { tone: "ok", text: "Live · 1 person" });
  assert.equal(describeStatus(online(0, true), "presenter", "en").text, "Live · 0 people");
});

test("the audience tells its own trouble from the presenter's", () => {
  assert.deepEqual(describeStatus(online(2, true), "audience", "pt-br"), { tone: "ok", text: "Ao vivo" });
  assert.deepEqual(describeStatus(online(2, false), "audience", "pt-br"), { tone: "warn", text: "Apresentador offline" });
  assert.deepEqual(describeStatus(link("offline"), "audience", "pt-br"), { tone: "bad", text: "Você está offline" });
  assert.deepEqual(describeStatus(online(2, true), "screen", "en"), { tone: "ok", text: "Live" });
  assert.deepEqual(describeStatus(online(2, false), "audience", "en"), { tone: "warn", text: "Presenter offline" });
  assert.deepEqual(describeStatus(link("offline"), "audience", "en"), { tone: "bad", text: "You're offline" });
});

test("connecting and reconnecting wait, in each language", () => {
  assert.deepEqual(describeStatus(link("connecting"), "audience", "pt-br"), { tone: "wait", text: "Conectando…" });
  assert.deepEqual(describeStatus(link("reconnecting"), "presenter", "pt-br"), { tone: "wait", text: "Reconectando…" });
  assert.deepEqual(describeStatus(link("connecting"), "audience", "en"), { tone: "wait", text: "Connecting…" });
  assert.deepEqual(describeStatus(link("reconnecting"), "presenter", "en"), { tone: "wait", text: "Reconnecting…" });
});

test("a link stuck for 10 s says why in words: the phone's network, the server, or a blocked WebSocket", () => {
  const noServer = (local: boolean) => link("reconnecting", null, { reason: "no_server", local });
  assert.deepEqual(describeStatus(noServer(true), "audience", "pt-br"), {
    tone: "bad",
    text: "O celular não alcança o computador de quem apresenta: mesma rede Wi-Fi?",
  });
  assert.equal(describeStatus(noServer(true), "audience", "en").text, "The phone can't reach the presenter's computer: same Wi-Fi network?");
  assert.match(describeStatus(noServer(false), "audience", "pt-br").text, /^Sem resposta do servidor da sala/);
  // The presenter's laptop and the projector window run beside the server under npm start.
  assert.match(describeStatus(noServer(true), "presenter", "pt-br").text, /npm start/);
  assert.match(describeStatus(noServer(true), "screen", "en").text, /npm start/);
  assert.doesNotMatch(describeStatus(noServer(false), "presenter", "en").text, /npm start/);
  const blocked = link("connecting", null, { reason: "no_socket", local: true });
  assert.match(describeStatus(blocked, "audience", "pt-br").text, /bloqueia o WebSocket/);
  assert.match(describeStatus(blocked, "presenter", "en").text, /blocks the WebSocket/);
  // Offline is the device's own trouble, and says so first.
  assert.equal(describeStatus(link("offline", null, { reason: "no_server", local: true }), "audience", "en").text, "You're offline");
});

test("the socket's scheme follows the page's, whatever the host", () => {
  assert.equal(socketProtocol("http:"), "ws");
  assert.equal(socketProtocol("https:"), "wss");
});

test("a refusal says why, in the person's language", () => {
  const wrongKey = link("refused", errorMessage("unauthorized"));
  assert.deepEqual(describeStatus(wrongKey, "presenter", "pt-br"), { tone: "bad", text: "Chave de apresentação inválida" });
  assert.deepEqual(describeStatus(wrongKey, "presenter", "en"), { tone: "bad", text: "Invalid presenter key" });
  assert.match(describeStatus(wrongKey, "screen", "pt-br").text, /^Esta tela do projetor não tem a chave da sala/);
  assert.match(describeStatus(wrongKey, "screen", "en").text, /^This projector window lacks the room's key/);
  const guesser = link("refused", errorMessage("rate_limited", { detail: "wrong_keys" }));
  assert.match(describeStatus(guesser, "presenter", "pt-br").text, /^Chaves erradas demais/);
  assert.equal(describeStatus(link("refused"), "audience", "pt-br").text, "A sala recusou a conexão");
  assert.equal(describeStatus(link("refused"), "audience", "en").text, "The room refused the connection");
});

test("server errors are told by their code, in the page's language", () => {
  const full = errorMessage("bad_request", { detail: "method" });
  assert.equal(errorText(full, "pt-br"), "Requisição inválida");
  assert.equal(errorText(full, "en"), "Invalid request");
  assert.equal(errorText(errorMessage("no_room"), "en"), "Room not found");
  // A newer server's code this page doesn't know: the code itself is better than nothing.
  assert.equal(errorText(JSON.parse('{"code":"slow_down_please"}'), "en"), "slow_down_please");
});

test("every error code has an English text that isn't the Portuguese one", () => {
  for (const code of ERROR_CODES) {
    const en = liveStrings.en.errors[code];
    assert.ok(en.length > 0, code);
    assert.notEqual(en, liveStrings["pt-br"].errors[code], code);
  }
});

test("the panel's position line reads naturally in each language", () => {
  assert.equal(liveStrings["pt-br"].panel.position(3, 20, 0, 0), "Slide 3 de 20");
  assert.equal(liveStrings["pt-br"].panel.position(3, 20, 1, 2), "Slide 3 de 20 · passo 1 de 2");
  assert.equal(liveStrings.en.panel.position(3, 20, 1, 2), "Slide 3 of 20 · step 1 of 2");
  assert.equal(liveStrings.en.join.noRoom("ZZZZZ"), "Couldn't find room ZZZZZ. Check the code.");
});
