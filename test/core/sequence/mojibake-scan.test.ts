import { describe, it, expect } from 'vitest';
import { decodeSequence, gapCandidates, scanLine } from '../../../src/core/sequence/mojibake-scan';
import { misdecodeAsCp1252, utf8Bytes } from '../../../src/core/sequence/cp1252';

describe('mojibake scan', () => {
  it('decodes well-formed sequences and rejects malformed or unassigned ones', () => {
    expect(decodeSequence(utf8Bytes('💼'))).toBe('💼');
    expect(decodeSequence([0xe0, 0x80, 0x80])).toBeUndefined(); // overlong
    expect(decodeSequence([0xed, 0xa0, 0x80])).toBeUndefined(); // surrogate
    expect(decodeSequence([0xcd, 0xb8])).toBeUndefined(); // U+0378 is unassigned
  });

  it('lists every character a sequence that lost one byte may have been', () => {
    // E2 80 _ : the zero-width joiner, the right double quote and the other U+20xx with a dropped byte.
    const afterE280 = gapCandidates(0xe2, [0x80], 1);
    expect(afterE280).toEqual(expect.arrayContaining(['\u200d', '\u201d', '\u2010']));
    expect(afterE280.every((c) => utf8Bytes(c).length === 3)).toBe(true);
    // 🏢 (F0 9F 8F A2) read back as F0 9F A2: the byte may be missing before or after A2.
    expect(gapCandidates(0xf0, [0x9f, 0xa2], 1)).toEqual(expect.arrayContaining(['🏢', '🐢', '🍢']));
    // Two lost bytes: 🏁 is F0 9F 8F 81.
    expect(gapCandidates(0xf0, [0x9f], 2)).toContain('🏁');
  });

  it('counts intact, damaged and undecodable sequences of a line', () => {
    const scan = scanLine(misdecodeAsCp1252('✅ 👨‍💼 ok'));
    expect(scan).toMatchObject({ valid: 3, repairable: 1, invalid: 0 });
    expect(scanLine('café')).toMatchObject({ valid: 0, invalid: 1 });
    expect(scanLine('→ not Windows-1252')).toBeUndefined();
  });
});
