import { test } from "node:test";
import assert from "node:assert/strict";
import {
  MAX_PAYLOAD_LENGTH,
  OPCODE_NAMES,
  opcodeNames,
  headerHex,
  headerLayout,
  headerRows,
  headerSize,
  type HeaderField,
} from "../../src/diagrams/frameHeader.ts";

function field(fields: readonly HeaderField[], id: HeaderField["id"]): HeaderField {
  const found = fields.find((candidate) => candidate.id === id);
  assert.ok(found, `missing field ${id}`);
  return found;
}

function ids(fields: readonly HeaderField[]): string[] {
  return fields.map((candidate) => candidate.id);
}

/** Every field starts where the previous one ended, and the value has exactly `bits` bits. */
function assertContiguous(fields: readonly HeaderField[]): void {
  let start = 0;
  for (const candidate of fields) {
    assert.equal(candidate.start, start, `${candidate.id} starts at bit ${String(start)}`);
    assert.equal(
      candidate.value.length,
      candidate.bits,
      `${candidate.id} has ${String(candidate.bits)} bits`,
    );
    assert.match(candidate.value, /^[01x]+$/);
    start += candidate.bits;
  }
}

test("headerSize: 2, 4 or 10 bytes by length class, plus 4 when masked", () => {
  const cases: [number, number][] = [
    [0, 2],
    [1, 2],
    [125, 2],
    [126, 4],
    [127, 4],
    [65535, 4],
    [65536, 10],
    [2 ** 32, 10],
    [Number.MAX_SAFE_INTEGER, 10],
    [2 ** 62, 10],
  ];
  for (const [length, size] of cases) {
    assert.equal(headerSize(length), size, `unmasked, ${String(length)} bytes`);
    assert.equal(headerSize(length, false), size, `masked: false, ${String(length)} bytes`);
    assert.equal(headerSize(length, true), size + 4, `masked, ${String(length)} bytes`);
  }
});

test("headerLayout: the 7-bit length holds 0..125 itself", () => {
  for (const length of [0, 5, 125]) {
    const fields = headerLayout({ payloadLength: length });
    assert.deepEqual(ids(fields), ["fin", "rsv", "opcode", "mask", "payloadLength"]);
    assertContiguous(fields);
    assert.equal(field(fields, "payloadLength").value, length.toString(2).padStart(7, "0"));
  }
  assert.equal(field(headerLayout({ payloadLength: 0 }), "payloadLength").value, "0000000");
  assert.equal(field(headerLayout({ payloadLength: 125 }), "payloadLength").value, "1111101");
});

test("headerLayout: 126..65535 is 126 then a 16-bit length", () => {
  for (const length of [126, 300, 65535]) {
    const fields = headerLayout({ payloadLength: length });
    assert.deepEqual(ids(fields), ["fin", "rsv", "opcode", "mask", "payloadLength", "extendedLength"]);
    assertContiguous(fields);
    assert.equal(field(fields, "payloadLength").value, "1111110");
    const extended = field(fields, "extendedLength");
    assert.equal(extended.bits, 16);
    assert.equal(extended.start, 16);
    assert.equal(extended.value, length.toString(2).padStart(16, "0"));
  }
  assert.equal(field(headerLayout({ payloadLength: 65535 }), "extendedLength").value, "1".repeat(16));
});

test("headerLayout: 65536 and up is 127 then a 64-bit length", () => {
  const fields = headerLayout({ payloadLength: 65536 });
  assert.deepEqual(ids(fields), ["fin", "rsv", "opcode", "mask", "payloadLength", "extendedLength"]);
  assertContiguous(fields);
  assert.equal(field(fields, "payloadLength").value, "1111111");
  const extended = field(fields, "extendedLength");
  assert.equal(extended.bits, 64);
  assert.equal(extended.value, `${"0".repeat(47)}1${"0".repeat(16)}`);
  assert.match(extended.note, /65\.536/);
});

test("headerLayout: a large length is exact in 64 bits, most significant bit 0", () => {
  const length = 2 ** 62 + 2 ** 40 + 7;
  const extended = field(headerLayout({ payloadLength: length }), "extendedLength");
  assert.equal(extended.value, BigInt(length).toString(2).padStart(64, "0"));
  assert.equal(extended.value[0], "0");
  assert.equal(BigInt(`0b${extended.value}`), BigInt(length));
  assert.equal(
    field(headerLayout({ payloadLength: Number.MAX_SAFE_INTEGER }), "extendedLength").value,
    `${"0".repeat(11)}${"1".repeat(53)}`,
  );
});

test("headerLayout: masked frames get MASK = 1 and a 32-bit key after the length", () => {
  const small = headerLayout({ payloadLength: 5, masked: true });
  assert.deepEqual(ids(small), ["fin", "rsv", "opcode", "mask", "payloadLength", "maskingKey"]);
  assertContiguous(small);
  assert.equal(field(small, "mask").value, "1");
  const key = field(small, "maskingKey");
  assert.equal(key.start, 16);
  assert.equal(key.bits, 32);
  assert.equal(key.value, "x".repeat(32), "an unknown key is drawn as x");

  const medium = headerLayout({ payloadLength: 1000, masked: true });
  assert.deepEqual(ids(medium), [
    "fin",
    "rsv",
    "opcode",
    "mask",
    "payloadLength",
    "extendedLength",
    "maskingKey",
  ]);
  assert.equal(field(medium, "maskingKey").start, 32);

  const large = headerLayout({ payloadLength: 70000, masked: true });
  assertContiguous(large);
  assert.equal(field(large, "maskingKey").start, 80);
  const total = large.reduce((sum, candidate) => sum + candidate.bits, 0);
  assert.equal(total, 8 * headerSize(70000, true));
});

test("headerLayout: unmasked frames have MASK = 0 and no key", () => {
  const fields = headerLayout({ payloadLength: 5, masked: false });
  assert.equal(field(fields, "mask").value, "0");
  assert.equal(
    fields.find((candidate) => candidate.id === "maskingKey"),
    undefined,
  );
});

test("headerLayout: total bits always equal headerSize * 8", () => {
  for (const length of [0, 125, 126, 65535, 65536, 2 ** 40]) {
    for (const masked of [false, true]) {
      const fields = headerLayout({ payloadLength: length, masked });
      assertContiguous(fields);
      const total = fields.reduce((sum, candidate) => sum + candidate.bits, 0);
      assert.equal(
        total,
        8 * headerSize(length, masked),
        `${String(length)} bytes, masked ${String(masked)}`,
      );
    }
  }
});

test("RFC 6455 §5.7: a masked text frame 'Hello' starts 0x81 0x85 then the key", () => {
  const fields = headerLayout({ payloadLength: 5, masked: true, maskingKey: 0x37fa213d });
  assert.equal(field(fields, "fin").value, "1");
  assert.equal(field(fields, "rsv").value, "000");
  assert.equal(field(fields, "rsv").bits, 3);
  assert.equal(field(fields, "opcode").value, "0001");
  assert.equal(field(fields, "opcode").note, "texto");
  assert.equal(field(fields, "mask").value, "1");
  assert.equal(field(fields, "payloadLength").value, "0000101");
  assert.equal(field(fields, "maskingKey").value, "00110111111110100010000100111101");
  assert.deepEqual(headerHex(fields), ["81", "85", "37", "fa", "21", "3d"]);
  assert.equal(headerSize(5, true), 6);
});

test("RFC 6455 §5.7: an unmasked 'Hello' from the server is 0x81 0x05", () => {
  const fields = headerLayout({ payloadLength: 5 });
  assert.deepEqual(headerHex(fields), ["81", "05"]);
});

test("RFC 6455 §5.7: 256 bytes binary is 0x82 0x7E 0x01 0x00; 64 KiB is 0x82 0x7F + 8 bytes", () => {
  assert.deepEqual(headerHex(headerLayout({ payloadLength: 256, opcode: 0x2 })), ["82", "7e", "01", "00"]);
  assert.deepEqual(headerHex(headerLayout({ payloadLength: 65536, opcode: 0x2 })), [
    "82",
    "7f",
    "00",
    "00",
    "00",
    "00",
    "00",
    "01",
    "00",
    "00",
  ]);
});

test("headerHex: bytes of an unknown masking key are ??", () => {
  assert.deepEqual(headerHex(headerLayout({ payloadLength: 5, masked: true })), [
    "81",
    "85",
    "??",
    "??",
    "??",
    "??",
  ]);
});

test("opcodes: names and bits; FIN can be 0 for a fragment", () => {
  const expected: [number, string, string][] = [
    [0x0, "0000", "continuação"],
    [0x1, "0001", "texto"],
    [0x2, "0010", "binário"],
    [0x8, "1000", "fechar"],
    [0x9, "1001", "ping"],
    [0xa, "1010", "pong"],
  ];
  assert.equal(OPCODE_NAMES.size, expected.length);
  for (const [opcode, bits, name] of expected) {
    const fields = headerLayout({ payloadLength: 2, opcode });
    assert.equal(field(fields, "opcode").value, bits);
    assert.equal(field(fields, "opcode").note, name);
    assert.equal(OPCODE_NAMES.get(opcode), name);
  }
  const fragment = headerLayout({ payloadLength: 10, opcode: 0x1, fin: false });
  assert.equal(field(fragment, "fin").value, "0");
  assert.deepEqual(headerHex(fragment), ["01", "0a"]);
});

test("defaults: text, final, unmasked", () => {
  assert.deepEqual(
    headerLayout({ payloadLength: 3 }),
    headerLayout({ payloadLength: 3, opcode: 1, fin: true, masked: false }),
  );
});

test("invalid input throws RangeError", () => {
  const bad: [string, () => unknown][] = [
    ["negative length", () => headerLayout({ payloadLength: -1 })],
    ["fractional length", () => headerLayout({ payloadLength: 1.5 })],
    ["NaN length", () => headerLayout({ payloadLength: Number.NaN })],
    ["infinite length", () => headerLayout({ payloadLength: Number.POSITIVE_INFINITY })],
    ["length 2^63", () => headerLayout({ payloadLength: MAX_PAYLOAD_LENGTH })],
    ["length 2^64", () => headerLayout({ payloadLength: 2 ** 64 })],
    ["opcode 3 (reserved)", () => headerLayout({ payloadLength: 1, opcode: 3 })],
    ["opcode 0xB (reserved)", () => headerLayout({ payloadLength: 1, opcode: 0xb })],
    ["opcode 16", () => headerLayout({ payloadLength: 1, opcode: 16 })],
    ["opcode -1", () => headerLayout({ payloadLength: 1, opcode: -1 })],
    ["opcode 1.5", () => headerLayout({ payloadLength: 1, opcode: 1.5 })],
    ["control frame over 125 bytes", () => headerLayout({ payloadLength: 126, opcode: 0x9 })],
    ["fragmented control frame", () => headerLayout({ payloadLength: 0, opcode: 0x8, fin: false })],
    ["key on an unmasked frame", () => headerLayout({ payloadLength: 1, maskingKey: 1 })],
    ["key over 32 bits", () => headerLayout({ payloadLength: 1, masked: true, maskingKey: 2 ** 32 })],
    ["headerSize negative", () => headerSize(-5)],
    ["headerSize fractional", () => headerSize(0.5, true)],
    ["headerSize 2^63", () => headerSize(2 ** 63)],
  ];
  for (const [name, run] of bad) {
    assert.throws(run, RangeError, name);
  }
  assert.doesNotThrow(() => headerLayout({ payloadLength: 125, opcode: 0x8 }));
  assert.doesNotThrow(() => headerLayout({ payloadLength: 2 ** 63 - 2 ** 11 }), "largest double below 2^63");
});

test("headerRows: 32-bit rows like the RFC drawing, long fields split across rows", () => {
  const fields = headerLayout({ payloadLength: 65536, masked: true });
  const rows = headerRows(fields, 32);
  // 14 bytes: three full rows, then the key's second half (the payload would follow it).
  assert.deepEqual(
    rows.map((row) => row.reduce((sum, segment) => sum + segment.bits, 0)),
    [32, 32, 32, 16],
  );
  const extendedIndex = fields.findIndex((candidate) => candidate.id === "extendedLength");
  const pieces = rows.flat().filter((segment) => segment.field === extendedIndex);
  assert.deepEqual(
    pieces.map((segment) => [segment.column, segment.bits, segment.part, segment.parts]),
    [
      [16, 16, 0, 3],
      [0, 32, 1, 3],
      [0, 16, 2, 3],
    ],
  );
  assert.equal(pieces.map((segment) => segment.value).join(""), field(fields, "extendedLength").value);
  const keyIndex = fields.findIndex((candidate) => candidate.id === "maskingKey");
  const keyPieces = rows.flat().filter((segment) => segment.field === keyIndex);
  assert.deepEqual(
    keyPieces.map((segment) => [segment.column, segment.bits]),
    [
      [16, 16],
      [0, 16],
    ],
  );
});

test("headerRows: 16-bit rows for narrow screens; a 2-byte header is one row", () => {
  const small = headerRows(headerLayout({ payloadLength: 5 }), 16);
  assert.equal(small.length, 1);
  assert.deepEqual(
    small[0]?.map((segment) => [segment.column, segment.bits]),
    [
      [0, 1],
      [1, 3],
      [4, 4],
      [8, 1],
      [9, 7],
    ],
  );
  const rows = headerRows(headerLayout({ payloadLength: 65536, masked: true }), 16);
  assert.equal(rows.length, 7);
  assert.throws(() => headerRows([], 0), RangeError);
});

test("headerLayout in English: the same bits, the fields named and explained in English", () => {
  const fields = headerLayout({ payloadLength: 65536, masked: true }, "en");
  assert.deepEqual(headerHex(fields), headerHex(headerLayout({ payloadLength: 65536, masked: true })));
  assert.equal(field(fields, "opcode").note, "text");
  assert.equal(field(fields, "fin").note, "final frame");
  assert.equal(field(fields, "payloadLength").name, "payload length");
  assert.equal(field(fields, "extendedLength").note, "= 65,536 bytes");
  assert.equal(field(fields, "maskingKey").note, "random, picked by the client");
  assert.equal(field(headerLayout({ payloadLength: 65536 }, "pt-br"), "extendedLength").note, "= 65.536 bytes");
  assert.deepEqual([...opcodeNames("en").values()], ["continuation", "text", "binary", "close", "ping", "pong"]);
  assert.deepEqual([...opcodeNames("en").keys()], [...OPCODE_NAMES.keys()]);
});
