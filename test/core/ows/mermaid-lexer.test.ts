import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/ows/mermaid-lexer';
import { prepareSource } from '../../../src/core/ows/mermaid-source';

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
