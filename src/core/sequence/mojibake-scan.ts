// Reads one line of suspected mojibake back into UTF-8: complete sequences decode, sequences
// that lost bytes become gaps listing every character that fits, anything else stays as is.
import { cp1252ByteOf, droppedBytes } from './cp1252';

export type Piece =
  | { kind: 'text'; text: string }
  /** A sequence that lost `missing` bytes; `candidates` are the characters it may have been. */
  | { kind: 'gap'; original: string; missing: number; candidates: string[] }
  /** Bytes that form no UTF-8 sequence; kept as the original characters. */
  | { kind: 'raw'; text: string };

export type LineScan = {
  pieces: Piece[];
  /** Complete multi-byte sequences. */
  valid: number;
  /** Sequences with missing bytes that some dropped byte can complete. */
  repairable: number;
  /** Bytes that fit no reading. */
  invalid: number;
};

const unassigned = /\p{Cn}|\p{Cs}/u;

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const isContinuation = (b: number) => b >= 0x80 && b <= 0xbf;

/** Decodes one complete UTF-8 sequence, or undefined if it is malformed or unassigned. */
export function decodeSequence(bytes: ReadonlyArray<number>): string | undefined {
  const [lead, b1, b2, b3] = bytes;
  if (lead === undefined || sequenceLength(lead) !== bytes.length) return undefined;
  if (!bytes.slice(1).every(isContinuation)) return undefined;
  let cp: number;
  if (bytes.length === 2) cp = ((lead & 31) << 6) | ((b1 as number) & 63);
  else if (bytes.length === 3) {
    if (lead === 0xe0 && (b1 as number) < 0xa0) return undefined;
    if (lead === 0xed && (b1 as number) > 0x9f) return undefined;
    cp = ((lead & 15) << 12) | (((b1 as number) & 63) << 6) | ((b2 as number) & 63);
  } else {
    if (lead === 0xf0 && (b1 as number) < 0x90) return undefined;
    if (lead === 0xf4 && (b1 as number) > 0x8f) return undefined;
    cp = ((lead & 7) << 18) | (((b1 as number) & 63) << 12) | (((b2 as number) & 63) << 6) | ((b3 as number) & 63);
  }
  const ch = String.fromCodePoint(cp);
  return unassigned.test(ch) ? undefined : ch;
}

// Every way to put `missing` dropped bytes among the surviving continuation bytes, order kept.
function insertions(present: ReadonlyArray<number>, missing: number): number[][] {
  if (missing === 0) return [[...present]];
  const out: number[][] = [];
  for (const dropped of droppedBytes) {
    // The first continuation byte is either lost (a dropped byte) or the first survivor.
    for (const rest of insertions(present, missing - 1)) out.push([dropped, ...rest]);
  }
  if (present.length > 0) {
    for (const rest of insertions(present.slice(1), missing)) out.push([present[0] as number, ...rest]);
  }
  return out;
}

/** Every character a truncated sequence may have been, in code point order. */
export function gapCandidates(lead: number, present: ReadonlyArray<number>, missing: number): string[] {
  const found = new Set<string>();
  for (const tail of insertions(present, missing)) {
    const ch = decodeSequence([lead, ...tail]);
    if (ch !== undefined) found.add(ch);
  }
  return [...found].sort((a, b) => (a.codePointAt(0) as number) - (b.codePointAt(0) as number));
}

/** The Windows-1252 bytes behind a line, or undefined if it holds a character no such byte shows. */
export function lineBytes(line: string): { bytes: number[]; chars: string[] } | undefined {
  const bytes: number[] = [];
  const chars: string[] = [];
  for (const ch of line) {
    const b = cp1252ByteOf(ch.codePointAt(0) as number);
    if (b === undefined) return undefined;
    bytes.push(b);
    chars.push(ch);
  }
  return { bytes, chars };
}

// A lost byte is believable when some of the sequence survived: a two-byte letter may lose its
// only continuation byte, longer sequences must keep at least one.
function mayHaveLost(length: number, present: number): boolean {
  return length === 2 ? present === 0 : present >= 1;
}

export function scanLine(line: string): LineScan | undefined {
  const decoded = lineBytes(line);
  if (!decoded) return undefined;
  const { bytes, chars } = decoded;
  const pieces: Piece[] = [];
  let text = '';
  let valid = 0;
  let repairable = 0;
  let invalid = 0;
  const flush = () => {
    if (text !== '') pieces.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      text += chars[i];
      i++;
      continue;
    }
    const length = sequenceLength(b);
    let present = 0;
    while (present < length - 1 && isContinuation(bytes[i + 1 + present] ?? 0)) present++;
    const run = bytes.slice(i, i + 1 + present);
    const original = chars.slice(i, i + 1 + present).join('');
    if (length > 0 && present === length - 1) {
      const ch = decodeSequence(run);
      if (ch !== undefined) {
        text += ch;
        valid++;
        i += run.length;
        continue;
      }
    } else if (length > 0 && mayHaveLost(length, present)) {
      const candidates = gapCandidates(b, run.slice(1), length - 1 - present);
      if (candidates.length > 0) {
        flush();
        pieces.push({ kind: 'gap', original, missing: length - 1 - present, candidates });
        repairable++;
        i += run.length;
        continue;
      }
    }
    flush();
    pieces.push({ kind: 'raw', text: chars[i] as string });
    invalid++;
    i++;
  }
  flush();
  return { pieces, valid, repairable, invalid };
}
