// Detects text that is UTF-8 read as Windows-1252 (mojibake such as "ðŸ‘¨â€ðŸ’¼" for 👨‍💼)
// and repairs it, restoring bytes the mis-decoding lost and reporting every guess it made.
import { chooseCandidate, type GapContext } from './repair-choice';
import { scanLine, type LineScan, type Piece } from './mojibake-scan';

export type RepairGuess = { line: number; chosen: string; alternatives: string[] };

export type RepairResult = { text: string; changed: boolean; guesses: RepairGuess[]; warnings: string[] };

const pictographic = /\p{Extended_Pictographic}/u;

function scanAll(text: string): LineScan[] | undefined {
  const scans: LineScan[] = [];
  for (const line of text.split('\n')) {
    const scan = scanLine(line);
    if (!scan) return undefined;
    scans.push(scan);
  }
  return scans;
}

// Real mojibake explains (nearly) every non-ASCII byte as part of a UTF-8 sequence, intact
// ones among them; genuine Windows-1252 text ("café", "«», °") leaves bytes unexplained.
// Lost bytes are bounded by the intact sequences so that a few capitals such as "Ñ" or "Ã"
// before plain letters (which read as damaged sequences) cannot tip correct text over.
function judge(scans: ReadonlyArray<LineScan>): boolean {
  let valid = 0;
  let repairable = 0;
  let invalid = 0;
  for (const s of scans) {
    valid += s.valid;
    repairable += s.repairable;
    invalid += s.invalid;
  }
  return valid >= 1 && repairable <= 2 * valid + 2 && invalid * 10 <= valid;
}

/** True when the text reads as UTF-8 that was decoded as Windows-1252. */
export function looksMisdecoded(text: string): boolean {
  const scans = scanAll(text);
  return scans !== undefined && judge(scans);
}

function firstChar(text: string): string {
  return Array.from(text.slice(0, 2))[0] ?? '';
}

function lastChar(text: string): string {
  const chars = Array.from(text.slice(-2));
  return chars[chars.length - 1] ?? '';
}

function neighbourAfter(next: Piece | undefined): string {
  if (!next) return '';
  if (next.kind === 'text') return firstChar(next.text);
  if (next.kind === 'gap' && next.candidates.every((c) => pictographic.test(c))) return next.candidates[0] ?? '';
  return '';
}

function wordsOf(pieces: ReadonlyArray<Piece>): string[] {
  const text = pieces.map((p) => (p.kind === 'text' ? p.text : ' ')).join('');
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1);
}

type LineRepair = { text: string; guesses: RepairGuess[]; restored: number; undecoded: number };

function repairLine(scan: LineScan, lineNumber: number): LineRepair {
  const words = wordsOf(scan.pieces);
  const guesses: RepairGuess[] = [];
  let out = '';
  let restored = 0;
  let undecoded = 0;
  scan.pieces.forEach((piece, i) => {
    if (piece.kind !== 'gap') {
      out += piece.text;
      if (piece.kind === 'raw') undecoded++;
      return;
    }
    const ctx: GapContext = { before: lastChar(out), after: neighbourAfter(scan.pieces[i + 1]), lineBefore: out, words };
    const choice = chooseCandidate(piece.candidates, ctx);
    out += choice.chosen;
    if (choice.determined) restored++;
    else guesses.push({ line: lineNumber, chosen: choice.chosen, alternatives: choice.alternatives });
  });
  return { text: out, guesses, restored, undecoded };
}

function codePoints(chars: ReadonlyArray<string>): string {
  return chars.map((c) => 'U+' + (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')).join(', ');
}

/** Repairs mis-decoded text; text that does not look mis-decoded comes back unchanged. */
export function repairEncoding(text: string): RepairResult {
  const scans = scanAll(text);
  if (!scans || !judge(scans)) return { text, changed: false, guesses: [], warnings: [] };
  const lines: string[] = [];
  const guesses: RepairGuess[] = [];
  const undecodedLines: number[] = [];
  let restored = 0;
  scans.forEach((scan, i) => {
    const repaired = repairLine(scan, i + 1);
    lines.push(repaired.text);
    guesses.push(...repaired.guesses);
    restored += repaired.restored;
    if (repaired.undecoded > 0) undecodedLines.push(i + 1);
  });
  const repairedText = lines.join('\n');
  const warnings = [
    'text was UTF-8 mis-decoded as Windows-1252 and has been repaired' +
      (restored + guesses.length > 0
        ? `; ${restored + guesses.length} character(s) had lost a byte: ${restored} restored from context, ${guesses.length} guessed`
        : ''),
  ];
  for (const g of guesses) {
    warnings.push(
      `line ${g.line}: guessed "${g.chosen}" (${codePoints([g.chosen])}) for a character that lost a byte; ` +
        `other candidates: ${g.alternatives.join(' ')}`,
    );
  }
  if (undecodedLines.length > 0) {
    warnings.push(`line(s) ${undecodedLines.join(', ')}: some characters are not UTF-8 sequences and were left as they were`);
  }
  return { text: repairedText, changed: repairedText !== text, guesses, warnings };
}
