import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLineIndex, columnOf, detectsSequenceDiagram, lineOf, prepareSource } from '../../../src/core/ows/mermaid-source';

describe('prepareSource', () => {
  it('blanks front matter, directives and comment lines but keeps every offset', () => {
    const text = '---\ntitle: x\n---\n%%{init: {"a": 1}}%%\n  %% note\nsequenceDiagram\nA->>B: a #59; b %% kept\n';
    const prepared = prepareSource(text);
    expect(prepared.length).toBe(text.length + 1);
    expect(prepared.split('\n').map((l) => l.trim())).toEqual(['', '', '', '', '', 'sequenceDiagram', 'A->>B: a \uE000\uE000\uE000\uE000 b %% kept', '', '']);
    expect(detectsSequenceDiagram(prepared)).toBe(true);
  });

  it('keeps the length of any text, emoji and Windows line endings included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(prepareSource(text).length).toBe(text.length + 1);
      }),
    );
  });

  it('detects the header only as written, after whitespace', () => {
    expect(detectsSequenceDiagram(prepareSource('\n  sequenceDiagram'))).toBe(true);
    expect(detectsSequenceDiagram(prepareSource('sequencediagram'))).toBe(false);
    expect(detectsSequenceDiagram(prepareSource('graph TD'))).toBe(false);
  });
});

describe('line index', () => {
  it('gives 1-based lines and columns for \\n, \\r\\n and \\r line ends', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const index = buildLineIndex(text);
    expect([0, 3, 4, 7, 10].map((o) => [lineOf(index, o), columnOf(index, o)])).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
      [3, 1],
      [4, 1],
    ]);
  });
});
