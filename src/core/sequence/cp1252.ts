// Windows-1252 as a byte ↔ character table: what a UTF-8 text turns into when it is read
// as Windows-1252, and how to get the original bytes back.

// 0x80–0x9F; null marks the five bytes Windows-1252 leaves undefined.
const high: ReadonlyArray<number | null> = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
];

/** Bytes that a Windows-1252 decoder cannot show (undefined) or that were dropped as invisible (soft hyphen). */
export const droppedBytes: ReadonlyArray<number> = [0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xad];

const byteOfChar = new Map<number, number>();
for (let b = 0; b < 0x100; b++) {
  const mapped = b >= 0x80 && b < 0xa0 ? high[b - 0x80] : b;
  // Undefined bytes are also accepted as the C1 controls some decoders produce for them.
  byteOfChar.set(mapped ?? b, b);
}

/** The Windows-1252 byte that shows as this code point, or undefined if none does. */
export function cp1252ByteOf(codePoint: number): number | undefined {
  return byteOfChar.get(codePoint);
}

/** The character a Windows-1252 decoder shows for a byte ('' for the undefined ones). */
export function cp1252CharOf(byte: number): string {
  if (byte >= 0x80 && byte < 0xa0) {
    const cp = high[byte - 0x80];
    return cp === null || cp === undefined ? '' : String.fromCodePoint(cp);
  }
  return String.fromCodePoint(byte);
}

/** UTF-8 bytes of a string (no TextEncoder: the core stays free of platform APIs). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/**
 * What a lossy Windows-1252 reading of UTF-8 text shows: undefined bytes and soft hyphens
 * vanish. Used to describe the damage (and by tests to produce it).
 */
export function misdecodeAsCp1252(text: string, options: { dropInvisible?: boolean } = {}): string {
  const drop = options.dropInvisible ?? true;
  let out = '';
  for (const b of utf8Bytes(text)) {
    if (b === 0xad && !drop) out += '\u00ad';
    else if (b === 0xad) continue;
    else out += cp1252CharOf(b);
  }
  return out;
}
