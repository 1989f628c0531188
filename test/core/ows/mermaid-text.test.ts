import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, displayLength } from '../../../src/core/ows/mermaid-text';

describe('cleanText', () => {
  it('trims, strips a wrap prefix and points its span at the text that is shown', () => {
    const raw = '  wrap:  Escalate now  ';
    const cleaned = cleanText(raw, 100);
    expect(cleaned).toEqual({ text: 'Escalate now', span: { start: 109, end: 121 }, wrap: true });
    expect(cleanText(':nowrap:x', 0)).toEqual({ text: 'x', span: { start: 8, end: 9 }, wrap: false });
    expect(cleanText('plain', 0)).toEqual({ text: 'plain', span: { start: 0, end: 5 } });
  });
});

describe('displayLength', () => {
  it('counts what a reader sees', () => {
    expect(displayLength('abc')).toBe(3);
    expect(displayLength('👨‍💼 Manager')).toBe(9);
    expect(displayLength('a #59; b')).toBe(5);
    expect(displayLength('one<br/>two<BR>three')).toBe(13);
  });
});

// The definition displayLength had before its fast path: entity codes and <br> count one, then
// grapheme clusters as Intl.Segmenter sees them.
const referenceSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
function referenceLength(text: string): number {
  const visible = text.replace(/#\w+;/g, '\u0001').replace(/<br\s*\/?>/gi, '\u0001');
  return [...referenceSegmenter.segment(visible)].length;
}

// Pieces that sit on either side of the fast path's ranges, or that join their neighbours:
// CR LF, combining marks, ZWJ emoji, flags, keycaps, Hangul jamo, Indic conjuncts, prepend marks.
const PIECES = [
  'a', 'Z', '7', ' ', '-', '>', ':', '\t', '\n', '\r', '\r\n', '\u0001', '\u000c', '\u000e', '\u00ad', 'é', 'ß', '\u02ff',
  '\u0300', 'e\u0301', '\u0345', '\u2010', '—', '’', '…', '\u2027', '\u2028', '\u2029', '\u202f', '‼', '\u205f', '\u2060',
  '€', '\u20c0', '\u20c1', '\u20d0', '\u20e3', '™', '\u214f', '\u2150', '→', '≤', '\u22ff', '\u2300', '⌚', '\u200c', '\u200d',
  '\ufe0f', '👨‍💼', '🧑🏽', '🇫🇷', '🇫', '#️⃣', 'ᄀ', 'ᅡ', 'ᆨ', '가', '각', 'क्ष', 'ि', '\u0600', '\u0e33', '\ud83d', '#59;', '#quot;', '<br>', '<BR />',
];

describe('displayLength fast path', () => {
  it('counts exactly as the grapheme segmenter over text mixing every kind of boundary', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(displayLength(text)).toBe(referenceLength(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts exactly as the segmenter over arbitrary Unicode and plain ASCII', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 60 })), (text) => {
        expect(displayLength(text)).toBe(referenceLength(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('still counts graphemes, not UTF-16 units, where the fast path does not apply', () => {
    expect(displayLength('Agent 🧑‍💻 Ops')).toBe(11);
    expect(displayLength('Cafe\u0301 → L2')).toBe(9);
    expect(displayLength('line\r\nbreak')).toBe(10);
    expect(displayLength('🇫🇷🇩🇪')).toBe(2);
  });
});
