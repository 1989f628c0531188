import { describe, it, expect } from 'vitest';
import { parsePattern, parsePatternText } from '../../../src/core/ows/parse-pattern';
import { flagshipJson } from './pattern-fixtures';

function errorsOf(input: unknown) {
  const result = parsePattern(input);
  if (result.ok) throw new Error('expected the input to be rejected');
  return result.errors;
}

describe('parsePattern', () => {
  it('returns the typed pattern for a valid file', () => {
    const result = parsePattern(flagshipJson());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.library.slug).toBe('support-ticket-escalation-backlog');
  });

  it('reports every structural error at once, each with its JSON pointer', () => {
    const doc = flagshipJson() as { ows: Record<string, unknown> & { meta: Record<string, unknown> }; library: Record<string, unknown> };
    delete doc.ows.meta.author;
    doc.ows.meta.audience = ['everyone'];
    doc.library.maturity = 'Expert';
    doc.library.colour = 'blue';
    const errors = errorsOf(doc);
    expect(errors).toEqual([
      { pointer: '/ows/meta/author', message: 'is required (expected string)' },
      { pointer: '/ows/meta/audience/0', message: expect.stringMatching(/^must be one of "exec", .*\(got "everyone"\)$/) },
      { pointer: '/library/maturity', message: 'must be one of "Early", "Mid", "Advanced" (got "Expert")' },
      { pointer: '/library/colour', message: 'unknown property "colour" (not allowed here)' },
    ]);
  });

  it('escapes pointer segments as RFC 6901 requires', () => {
    const doc = flagshipJson();
    (doc.ows as Record<string, unknown>)['a/b~c'] = 1;
    expect(errorsOf(doc)).toEqual([{ pointer: '/ows/a~1b~0c', message: 'unknown property "a/b~c" (not allowed here)' }]);
  });

  it('describes wrong types by what was found, never as undefined or [object Object]', () => {
    const doc = flagshipJson() as { ows: Record<string, unknown>; library: Record<string, unknown> };
    doc.ows.actors = { not: 'a list' };
    doc.library.version = null;
    const messages = errorsOf(doc).map((e) => e.message);
    expect(messages).toContain('expected array, got an object');
    expect(messages).toContain('expected number, got null');
    for (const m of messages) expect(m).not.toMatch(/undefined|\[object Object\]/);
  });

  it('rejects something that is not an object at the root', () => {
    expect(errorsOf('pattern')).toEqual([{ pointer: '', message: 'expected object, got "pattern"' }]);
  });
});

describe('parsePatternText', () => {
  it('locates JSON syntax errors by line and column', () => {
    const result = parsePatternText('{\n  "ows": {},\n  "library": {,}\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^invalid JSON at line 3, column 15: /);
  });

  it('validates the parsed document', () => {
    const result = parsePatternText(JSON.stringify(flagshipJson()));
    expect(result.ok).toBe(true);
  });
});
