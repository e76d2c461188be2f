import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MAX_SCALE,
  MIN_SCALE,
  exchangeLayout,
  type ExchangeMessage,
} from "../../src/diagrams/exchangeLayout.ts";

test("rows: direction and default kinds", () => {
  const { rows } = exchangeLayout([
    { from: "client", label: "GET /" },
    { from: "server", label: "200 OK", detail: "text/html", step: 2 },
  ]);
  assert.deepEqual(
    rows.map((row) => [row.from, row.to, row.kind, row.step, row.detail]),
    [
      ["client", "server", "request", undefined, undefined],
      ["server", "client", "response", 2, "text/html"],
    ],
  );
});

test("rows: step 0 means shown from the start; invalid steps throw", () => {
  assert.equal(exchangeLayout([{ from: "client", label: "a", step: 0 }]).rows[0]?.step, undefined);
  assert.throws(() => exchangeLayout([{ from: "client", label: "a", step: -1 }]), RangeError);
  assert.throws(() => exchangeLayout([{ from: "client", label: "a", step: 1.5 }]), RangeError);
});

test("websocket: the open connection starts at the first frame", () => {
  const messages: ExchangeMessage[] = [
    { from: "client", label: "GET /chat", step: 1 },
    { from: "server", label: "101 Switching Protocols", step: 2 },
    { from: "server", label: "oi", kind: "frame", step: 3 },
    { from: "client", label: "olá", kind: "frame", step: 4 },
  ];
  const layout = exchangeLayout(messages, "websocket");
  assert.equal(layout.tubeFrom, 2);
  assert.equal(layout.tubeStep, 3);
  assert.equal(exchangeLayout(messages, "http").tubeFrom, null, "plain HTTP draws no connection");
  assert.equal(exchangeLayout(messages.slice(0, 2), "websocket").tubeFrom, null, "no frame, no connection");
});

test("held, written as a server row after the request (long polling)", () => {
  const { held } = exchangeLayout([
    { from: "client", label: "GET /novidades", step: 1 },
    { from: "server", label: "segurando…", kind: "held", step: 2 },
    { from: "server", label: "200 OK", step: 3 },
    { from: "client", label: "GET /novidades", step: 4 },
    { from: "server", label: "segurando…", kind: "held", step: 5 },
  ]);
  assert.deepEqual(held, [
    { from: 0, through: 1, to: 2, step: 2, answerStep: 3 },
    { from: 3, through: 4, to: null, step: 5, answerStep: undefined },
  ]);
});

test("held, written on the client's request itself", () => {
  const { held, rows } = exchangeLayout([
    { from: "client", label: "GET /novidades", kind: "held" },
    { from: "client", label: "POST /log" },
    { from: "server", label: "200 OK", step: 1 },
  ]);
  assert.equal(rows[0]?.to, "server");
  assert.deepEqual(held, [{ from: 0, through: 0, to: 2, step: undefined, answerStep: 1 }]);
});

test("scale: fewer messages are bigger; always within bounds", () => {
  const make = (count: number, detail: boolean): ExchangeMessage[] =>
    Array.from({ length: count }, (_, index) => ({
      from: index % 2 === 0 ? "client" : "server",
      label: `m${String(index)}`,
      ...(detail ? { detail: "detalhe" } : {}),
    }));
  const two = exchangeLayout(make(2, true));
  const six = exchangeLayout(make(6, true));
  assert.ok(two.scale > six.scale);
  for (let count = 1; count <= 12; count++) {
    for (const detail of [false, true]) {
      for (const caption of [false, true]) {
        const { scale } = exchangeLayout(make(count, detail), "websocket", caption);
        assert.ok(scale >= MIN_SCALE && scale <= MAX_SCALE, `${String(count)} messages: ${String(scale)}`);
      }
    }
  }
  assert.ok(
    exchangeLayout(make(4, true), "http", true).scale <= exchangeLayout(make(4, true), "http", false).scale,
  );
});

test("compact: only when many messages with details would not fit otherwise", () => {
  const many: ExchangeMessage[] = Array.from({ length: 9 }, (_, index) => ({
    from: index % 2 === 0 ? "client" : "server",
    label: `m${String(index)}`,
    detail: "detalhe",
  }));
  assert.equal(exchangeLayout(many.slice(0, 2)).compact, false);
  assert.equal(exchangeLayout(many).compact, true);
  assert.equal(
    exchangeLayout(many.map(({ from, label }) => ({ from, label }))).compact,
    false,
    "nothing to move without details",
  );
});
