import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { formatNumber, mdCell, mdInline, mdParagraphs, mdTable, personWeeks } from '../../../src/core/ows/markdown-text';

describe('Markdown text', () => {
  it('neutralises HTML, links, images and block markers', () => {
    expect(mdInline('<b>hi</b>')).toBe('&lt;b>hi&lt;/b>');
    expect(mdInline('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(mdInline('# title')).toBe('\\# title');
    expect(mdInline('- item')).toBe('\\- item');
    expect(mdInline('1. first')).toBe('1\\. first');
    expect(mdInline('> quote')).toBe('\\> quote');
    expect(mdInline('---')).toBe('\\---');
    expect(mdInline('&amp; stays text')).toBe('&amp;amp; stays text');
    expect(mdInline('R&D, 1.5 person-weeks, -10 %')).toBe('R&D, 1.5 person-weeks, -10 %');
  });

  it('renders any text as one paragraph whose only elements are inline formatting', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        fc.pre(/\S/.test(text));
        const html = marked.parse(`x ${mdInline(text)}`, { async: false });
        expect(html.startsWith('<p>')).toBe(true);
        expect(html.trimEnd().endsWith('</p>')).toBe(true);
        const inner = html.slice(3).replace(/<\/p>\s*$/, '');
        const tags = [...inner.matchAll(/<\/?([a-z][a-z0-9]*)/gi)].map((m) => m[1]?.toLowerCase());
        for (const tag of tags) expect(['code', 'em', 'strong', 'del', 'br']).toContain(tag);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps paragraphs and table rows intact', () => {
    expect(mdParagraphs('one\n\n\ntwo\nlines')).toBe('one\n\ntwo lines');
    expect(mdCell('a | b\nc')).toBe('a \\| b c');
    expect(mdTable(['A', 'B'], [['1', '2']])).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |');
  });

  it('formats numbers and effort without locale surprises', () => {
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(1 / 3)).toBe('0.33');
    expect(personWeeks(1)).toBe('1 person-week');
    expect(personWeeks(0.5)).toBe('0.5 person-weeks');
  });
});

/** mdInline as it was before its fast paths: every rewrite on every call. The oracle of the faster one. */
function referenceInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\\/g, '\\\\')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[[\]]/g, (c) => `\\${c}`)
    .replace(/^(#{1,6}|[-+*])(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-*_])(?=(?:\s*[-*_]){2,}\s*$)/, '\\$1');
}

describe('mdInline fast paths', () => {
  it('escapes exactly as the full sequence of rewrites, whatever the text', () => {
    const pieces = ['a', 'Word', ' ', '  ', '\t', '\n', '\u00a0', '\u000b', '\u0085', '\u1680', '\u180e', '\u2005', '\u200b', '\u2028', '\u202f', '\u3000', '\ufeff', '#', '##', '-', '+', '*', '_', '>', '1', '12.', '3)', '.', ')', '\\', '&', '&amp;', '&#59;', '<', '[', ']', '|', '`', 'é', '😀'];
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')), fc.string({ maxLength: 40 })), (text) => {
        expect(mdInline(text)).toBe(referenceInline(text));
      }),
      { numRuns: 4000 },
    );
  });
});
