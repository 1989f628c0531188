import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeRuleByRule } from '../../../src/core/ows/mermaid-lexer';
import { prepareSource } from '../../../src/core/ows/mermaid-source';
import { diagramText, mutatedDiagramText } from './mermaid-arbitraries';
import { EDGE_CASES, REFERENCE_DIAGRAMS } from './mermaid-corpus';

const types = (text: string) => {
  const prepared = prepareSource(text);
  return tokenize(prepared, 0).tokens.map((t) => `${t.type}:${prepared.slice(t.start, t.end).replace(/\n/g, '⏎')}`);
};

describe('tokenize', () => {
  it('reads a declared id up to ` as `, then the rest of the line as the label', () => {
    expect(types('participant Smart Router as SR one')).toEqual(['participant:participant', 'ACTOR:Smart Router', 'AS:as', 'REST_OF_LINE:SR one', 'NEWLINE:⏎', 'NEWLINE:', 'EOF:']);
  });

  it('ends a declaration without `as` itself, as Mermaid does', () => {
    expect(types('activate A')).toEqual(['activate:activate', 'ACTOR:A', 'NEWLINE:', 'NEWLINE:⏎', 'NEWLINE:', 'EOF:']);
  });

  it('reads message names with inner dashes but stops at cross and async arrows', () => {
    expect(types('my-svc-xB: t')).toEqual(['ACTOR:my-svc', 'SOLID_CROSS:-x', 'ACTOR:B', 'TXT:: t', 'NEWLINE:⏎', 'NEWLINE:', 'EOF:']);
    expect(types('A<<-->>+B:t')).toEqual(['ACTOR:A', 'BIDIRECTIONAL_DOTTED_ARROW:<<-->>', 'PLUS:+', 'ACTOR:B', 'TXT::t', 'NEWLINE:⏎', 'NEWLINE:', 'EOF:']);
  });

  it('treats `;` as a line end and `#` as a comment, except in entity codes', () => {
    expect(types('A->>B: x #59; y # note;')).toEqual(['ACTOR:A', 'SOLID_ARROW:->>', 'ACTOR:B', 'TXT:: x \uE000\uE000\uE000\uE000 y ', 'NEWLINE:⏎', 'NEWLINE:', 'EOF:']);
  });

  it('stops where no rule of the current state matches', () => {
    const prepared = prepareSource('participant A:b');
    expect(tokenize(prepared, 0).error).toEqual({ offset: 12, state: 'ID' });
  });
});

describe('tokenize with one combined regex per state', () => {
  const same = (text: string) => {
    const prepared = prepareSource(text);
    expect(tokenize(prepared, 0)).toEqual(tokenizeRuleByRule(prepared, 0));
  };

  it('yields the tokens and errors of the rule-by-rule loop on the corpus', () => {
    for (const text of [...Object.values(EDGE_CASES), ...REFERENCE_DIAGRAMS]) same(text);
  });

  it('yields the tokens and errors of the rule-by-rule loop on generated, mutated and arbitrary text', () => {
    const pieces = ['participant ', 'actor ', ' as ', 'A', '->>', '-x', '--)', ':', ';', '#', '%%', '@{', '}', '\n', ' ', 'Note over ', 'alt ', 'end', 'accDescr {', 'title ', '42 ', '+', '-', 'é'];
    fc.assert(
      fc.property(
        fc.oneof(diagramText, mutatedDiagramText, fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')), fc.string({ maxLength: 60 })),
        same,
      ),
      { numRuns: 600 },
    );
  });
});
