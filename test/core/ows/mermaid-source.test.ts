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

  it('prepares any text exactly as the array-based definition it replaced', () => {
    const pieces = ['---\n', 'title: x\n', '%%{init: {"a": 1}}%%', '%%{', '}%%', '%% c', '%%', '\n', '\r', '\r\n', ' ', 'A->>B: m', '#59;', '#x;', '#', ';', '😀', 'é', 'sequenceDiagram'];
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 30 })), (text) => {
        expect(prepareSource(text)).toBe(referencePrepare(text));
      }),
      { numRuns: 2000 },
    );
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

/** The earlier implementation (one UTF-16 unit per array cell), kept as the oracle of the faster one. */
function referencePrepare(text: string): string {
  const blank = (chars: string[], start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  const chars = text.split('').map((c) => (c === '\r' ? '\n' : c));
  let prepared = chars.join('');
  const front = /^-{3}\s*\n[\s\S]*?\n-{3}\s*\n/.exec(prepared);
  if (front) blank(chars, 0, front[0].length);
  for (const m of prepared.matchAll(/%%\{[\s\S]*?(?:\}%%|$)/g)) blank(chars, m.index, m.index + m[0].length);
  prepared = chars.join('');
  for (const m of prepared.matchAll(/^[^\S\n]*%%(?!\{)[^\n]+$/gm)) blank(chars, m.index, m.index + m[0].length);
  prepared = chars.join('');
  for (const m of prepared.matchAll(/#\w+;/g)) for (let i = m.index; i < m.index + m[0].length; i++) chars[i] = '\uE000';
  return chars.join('') + '\n';
}
