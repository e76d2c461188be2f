import { headerHex, headerLayout, headerRows, headerSize, type HeaderField } from "./frameHeader.ts";
import { stepAttribute } from "./motion.tsx";
import { htmlLang, type Locale } from "../i18n/locales.ts";
import { useLocale, useStrings, withLocale } from "../i18n/react.tsx";
import { diagramsStrings } from "./strings.ts";
import "./diagrams.css";
import "./FrameHeader.css";

export type { FieldId, HeaderField } from "./frameHeader.ts";

export interface FrameHeaderProps {
  /** Payload size in bytes (0 ≤ n < 2^63): picks the 7-bit, 16-bit or 64-bit length. */
  payloadLength: number;
  /** Client-to-server frames are masked: adds MASK = 1 and the 32-bit masking key. Default false. */
  masked?: boolean;
  /** Default 1 (text). 0 continuation, 1 text, 2 binary, 8 close, 9 ping, 10 pong. */
  opcode?: number;
  /** Default true. */
  fin?: boolean;
  /** The masking key as a 32-bit number, to show its bits (e.g. 0x37fa213d); unknown bits show as x. */
  maskingKey?: number;
  caption?: string;
  /**
   * When set, the fields appear one per step from this step (field i at stepFields + i), and the
   * size line with the last field. Otherwise everything is shown from the start.
   */
  stepFields?: number;
}

type Texts = (typeof diagramsStrings)[Locale]["frame"];

function bytes(t: Texts, locale: Locale, count: number): string {
  return t.bytes(new Intl.NumberFormat(htmlLang[locale]).format(count), count === 1);
}

/**
 * The RFC 6455 §5.2 header drawn bit by bit. It needs no animation of its own: with `stepFields`
 * the deck reveals the fields ([data-step]). Rows of 32 bits like the RFC; 16 on narrow screens.
 * An island on a slide, and drawn inside the wire inspector's island too.
 */
export default withLocale(FrameHeaderFigure);

function FrameHeaderFigure({
  payloadLength,
  masked = false,
  opcode = 0x1,
  fin = true,
  maskingKey,
  caption,
  stepFields,
}: FrameHeaderProps) {
  const locale = useLocale();
  const t = useStrings(diagramsStrings).frame;
  const fields = headerLayout(
    maskingKey === undefined
      ? { payloadLength, masked, opcode, fin }
      : { payloadLength, masked, opcode, fin, maskingKey },
    locale,
  );
  const size = headerSize(payloadLength, masked);
  const hex = headerHex(fields);
  const fieldStep = (index: number): number | undefined =>
    stepFields === undefined ? undefined : stepAttribute(stepFields + index);
  const lastStep = fieldStep(fields.length - 1);

  return (
    <figure className="diagram frame">
      <div className="frame__drawing" aria-hidden="true">
        <BitGrid fields={fields} rowBits={32} fieldStep={fieldStep} />
        <BitGrid fields={fields} rowBits={16} fieldStep={fieldStep} />
      </div>
      <p className="diagram__note frame__total" data-step={lastStep}>
        {t.header} <strong>{bytes(t, locale, size)}</strong>
        <span className="frame__sep"> · </span>
        {t.payload} {bytes(t, locale, payloadLength)}
        {hex.includes("??") ? null : (
          <>
            <span className="frame__sep"> · </span>
            <code className="frame__hex">{hex.join(" ")}</code>
          </>
        )}
      </p>
      <div className="sr-only">
        <p>{t.description}</p>
        <ul>
          {fields.map((field, index) => (
            <li key={field.id} data-step={fieldStep(index)}>
              {describe(t, field)}
            </li>
          ))}
        </ul>
      </div>
      {caption ? <figcaption className="diagram__caption">{caption}</figcaption> : null}
    </figure>
  );
}

function describe(t: Texts, field: HeaderField): string {
  const value = /x/.test(field.value) ? t.bits(field.bits) : field.value;
  return `${field.name}: ${value} (${field.note})`;
}

function BitGrid({
  fields,
  rowBits,
  fieldStep,
}: {
  fields: readonly HeaderField[];
  rowBits: number;
  fieldStep: (index: number) => number | undefined;
}) {
  const t = useStrings(diagramsStrings).frame;
  const rows = headerRows(fields, rowBits);
  const columns = Array.from({ length: rowBits }, (_, bit) => bit);
  return (
    <div
      className={`frame__grid frame__grid--${String(rowBits)}`}
      style={{ gridTemplateColumns: `repeat(${String(rowBits)}, minmax(0, 1fr))` }}
    >
      {columns.map((bit) => (
        <span
          key={`t${String(bit)}`}
          className="frame__ruler frame__ruler--tens"
          style={{ gridColumn: bit + 1, gridRow: 1 }}
        >
          {bit % 10 === 0 ? String(bit / 10) : ""}
        </span>
      ))}
      {columns.map((bit) => (
        <span key={`u${String(bit)}`} className="frame__ruler" style={{ gridColumn: bit + 1, gridRow: 2 }}>
          {String(bit % 10)}
        </span>
      ))}
      {rows.map((segments, row) =>
        segments.map((segment) => {
          const field = fields[segment.field];
          if (!field) return null;
          const narrow = segment.bits === 1;
          return (
            <div
              key={`${String(row)}-${String(segment.column)}`}
              className={`frame__field frame__field--${field.id}${narrow ? " frame__field--flag" : ""}${
                segment.part > 0 ? " frame__field--cont" : ""
              }${segment.part < segment.parts - 1 ? " frame__field--more" : ""}`}
              data-step={fieldStep(segment.field)}
              style={{
                gridRow: row + 3,
                gridColumn: `${String(segment.column + 1)} / span ${String(segment.bits)}`,
              }}
            >
              <span className="frame__name">{segment.part > 0 ? `${field.name} ${t.cont}` : field.name}</span>
              <span
                className="frame__bits"
                style={{ gridTemplateColumns: `repeat(${String(segment.bits)}, 1fr)` }}
              >
                {Array.from(segment.value, (bit, index) => (
                  <span key={index} className={bit === "x" ? "frame__bit frame__bit--unknown" : "frame__bit"}>
                    {bit}
                  </span>
                ))}
              </span>
              {!narrow && segment.part === segment.parts - 1 ? (
                <span className="frame__note">{field.note}</span>
              ) : null}
            </div>
          );
        }),
      )}
    </div>
  );
}
