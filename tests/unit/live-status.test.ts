import { test } from "node:test";
import assert from "node:assert/strict";
import { errorText } from "../../src/live/errors.ts";
import type { RoomSnapshot } from "../../src/live/room.ts";
import { describeStatus } from "../../src/live/status.ts";
import { liveStrings } from "../../src/live/strings.ts";
import { ERROR_CODES, errorMessage } from "../../src/room/errors.ts";
import { initialState } from "../../src/room/state.ts";

function online(audience: number, presenterOnline: boolean): RoomSnapshot {
  const state = { ...initialState("K7M2Q"), audience, presenterOnline };
  return { status: "online", view: { seq: 1, state }, clockOffset: 0, error: null, you: null };
}
const link = (status: RoomSnapshot["status"], error: RoomSnapshot["error"] = null): RoomSnapshot => ({
  status,
  view: null,
  clockOffset: 0,
  error,
  you: null,
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
