/**
 * The WebSocket frame header of RFC 6455 §5.2, bit by bit. Pure: no React, no DOM, so the
 * diagram, the live demos and the unit tests share exactly the same rules.
 *
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-------+-+-------------+-------------------------------+
 *  |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
 *  |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
 *  |N|V|V|V|       |S|             |   (if payload len==126/127)   |
 *  | |1|2|3|       |K|             |                               |
 *  +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
 *  |     Extended payload length continued, if payload len == 127  |
 *  + - - - - - - - - - - - - - - - +-------------------------------+
 *  |                               |Masking-key, if MASK set to 1  |
 *  +-------------------------------+-------------------------------+
 */
import { defaultLocale, htmlLang, type Locale } from "../i18n/locales.ts";
import { diagramsStrings } from "./strings.ts";

/** Opcodes defined by RFC 6455 §5.2, with their names as the talk says them in a language. */
export function opcodeNames(locale: Locale = defaultLocale): ReadonlyMap<number, string> {
  return new Map(Object.entries(diagramsStrings[locale].frame.opcodes).map(([opcode, name]) => [Number(opcode), name]));
}

/** The opcodes' names in Portuguese, the talk's own language. */
export const OPCODE_NAMES = opcodeNames();

/** Largest payload length a frame can declare: the 64-bit length's top bit must be 0. */
export const MAX_PAYLOAD_LENGTH = 2 ** 63;

export interface FrameHeaderInput {
  /** Payload size in bytes: an integer, 0 ≤ n < 2^63. */
  payloadLength: number;
  /** Client-to-server frames are masked (RFC 6455 §5.3). Default false. */
  masked?: boolean;
  /** Default 0x1 (text). */
  opcode?: number;
  /** Default true: the last (here, the only) fragment of the message. */
  fin?: boolean;
  /** The 32-bit masking key, if known (e.g. 0x37fa213d in §5.7). Unknown bits are "x". */
  maskingKey?: number;
}

export type FieldId = "fin" | "rsv" | "opcode" | "mask" | "payloadLength" | "extendedLength" | "maskingKey";

export interface HeaderField {
  id: FieldId;
  /** The field's name as drawn (RFC names for flags, the page's language for the rest). */
  name: string;
  /** Offset of the field's first bit from the start of the frame. */
  start: number;
  /** Width in bits. */
  bits: number;
  /** The field's bits for this frame, most significant first: "0"/"1", or "x" where unknown. */
  value: string;
  /** What the value means, in the page's language (e.g. "texto", "= 5"). */
  note: string;
}

/** A piece of a field that fits in one row of the drawing (long fields wrap across rows). */
export interface HeaderSegment {
  /** Index of the field in `headerLayout()`'s result. */
  field: number;
  /** Column (bit offset inside the row) where the segment starts. */
  column: number;
  bits: number;
  /** This segment's slice of the field's bits. */
  value: string;
  /** Which piece of the field this is, and how many pieces it has. */
  part: number;
  parts: number;
}

function checkLength(payloadLength: number): void {
  if (!Number.isInteger(payloadLength) || payloadLength < 0 || payloadLength >= MAX_PAYLOAD_LENGTH) {
    throw new RangeError(`payloadLength must be an integer from 0 to 2^63 - 1, got ${String(payloadLength)}`);
  }
}

function bitString(value: number | bigint, width: number): string {
  return BigInt(value).toString(2).padStart(width, "0");
}

/** Bytes of header for a payload of this size: 2, 4 or 10, plus 4 for the masking key (2..14). */
export function headerSize(payloadLength: number, masked = false): number {
  checkLength(payloadLength);
  const extended = payloadLength <= 125 ? 0 : payloadLength <= 0xffff ? 2 : 8;
  return 2 + extended + (masked ? 4 : 0);
}

/**
 * The header's fields in wire order, with their bits for this frame, named in `locale`. Throws
 * RangeError on invalid input.
 */
export function headerLayout(input: FrameHeaderInput, locale: Locale = defaultLocale): HeaderField[] {
  const { payloadLength, masked = false, opcode = 0x1, fin = true, maskingKey } = input;
  checkLength(payloadLength);
  const t = diagramsStrings[locale].frame;
  const numberFormat = new Intl.NumberFormat(htmlLang[locale]);
  const opcodeName = opcodeNames(locale).get(opcode);
  if (!Number.isInteger(opcode) || opcodeName === undefined) {
    throw new RangeError(`unknown opcode ${String(opcode)}: expected 0x0, 0x1, 0x2, 0x8, 0x9 or 0xA`);
  }
  // §5.5: control frames (close, ping, pong) carry at most 125 bytes and are never fragmented.
  if (opcode >= 0x8 && (payloadLength > 125 || !fin)) {
    throw new RangeError(
      `a control frame (opcode ${String(opcode)}) must have FIN set and at most 125 bytes`,
    );
  }
  if (maskingKey !== undefined) {
    if (!masked) throw new RangeError("maskingKey given for an unmasked frame");
    if (!Number.isInteger(maskingKey) || maskingKey < 0 || maskingKey > 0xffffffff) {
      throw new RangeError(`maskingKey must be a 32-bit unsigned integer, got ${String(maskingKey)}`);
    }
  }

  const lengthCode = payloadLength <= 125 ? payloadLength : payloadLength <= 0xffff ? 126 : 127;
  const fields: Omit<HeaderField, "start">[] = [
    {
      id: "fin",
      name: "FIN",
      bits: 1,
      value: fin ? "1" : "0",
      note: fin ? t.final : t.moreFragments,
    },
    { id: "rsv", name: "RSV1-3", bits: 3, value: "000", note: t.reserved },
    { id: "opcode", name: "opcode", bits: 4, value: bitString(opcode, 4), note: opcodeName },
    {
      id: "mask",
      name: "MASK",
      bits: 1,
      value: masked ? "1" : "0",
      note: masked ? t.masked : t.unmasked,
    },
    {
      id: "payloadLength",
      name: t.payloadLength,
      bits: 7,
      value: bitString(lengthCode, 7),
      note:
        lengthCode === 126
          ? t.see16
          : lengthCode === 127
            ? t.see64
            : `= ${numberFormat.format(payloadLength)}`,
    },
  ];
  if (payloadLength > 125) {
    const bits = lengthCode === 126 ? 16 : 64;
    fields.push({
      id: "extendedLength",
      name: t.extendedLength,
      bits,
      value: bitString(payloadLength, bits),
      note: `= ${t.bytes(numberFormat.format(payloadLength), payloadLength === 1)}`,
    });
  }
  if (masked) {
    fields.push({
      id: "maskingKey",
      name: t.maskingKey,
      bits: 32,
      value: maskingKey === undefined ? "x".repeat(32) : bitString(maskingKey, 32),
      note:
        maskingKey === undefined
          ? t.randomKey
          : `0x${maskingKey.toString(16).padStart(8, "0")}`,
    });
  }

  let start = 0;
  return fields.map((field) => {
    const placed = { ...field, start };
    start += field.bits;
    return placed;
  });
}

/** Cuts the fields into rows of `rowBits` bits (32 like the RFC; 16 on narrow screens). */
export function headerRows(fields: readonly HeaderField[], rowBits = 32): HeaderSegment[][] {
  if (!Number.isInteger(rowBits) || rowBits < 1) throw new RangeError("rowBits must be a positive integer");
  const rows: HeaderSegment[][] = [];
  fields.forEach((field, index) => {
    const parts = Math.ceil(((field.start % rowBits) + field.bits) / rowBits);
    let offset = 0;
    for (let part = 0; offset < field.bits; part++) {
      const position = field.start + offset;
      const column = position % rowBits;
      const bits = Math.min(field.bits - offset, rowBits - column);
      const segment = {
        field: index,
        column,
        bits,
        value: field.value.slice(offset, offset + bits),
        part,
        parts,
      };
      (rows[Math.floor(position / rowBits)] ??= []).push(segment);
      offset += bits;
    }
  });
  return rows;
}

/** The header bytes as hex pairs ("81 85 …"), when every bit is known; unknown bytes are "??". */
export function headerHex(fields: readonly HeaderField[]): string[] {
  const bits = fields.map((field) => field.value).join("");
  const bytes: string[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = bits.slice(i, i + 8);
    bytes.push(/^[01]{8}$/.test(byte) ? Number.parseInt(byte, 2).toString(16).padStart(2, "0") : "??");
  }
  return bytes;
}
