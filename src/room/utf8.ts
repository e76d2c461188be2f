/**
 * UTF-8 length of a string without encoding it: frame limits are in bytes, and a flood of
 * large frames should not cost an allocation each. Counting stops once `stopAfter` is passed.
 */
export function utf8Length(text: string, stopAfter = Infinity): number {
  // Every UTF-16 code unit is at least one UTF-8 byte, so a long string is over the limit at once.
  if (text.length > stopAfter) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one code point above U+FFFF
      i++;
    } else bytes += 3; // the rest of the BMP, and lone surrogates (sent as U+FFFD)
  }
  return bytes;
}
