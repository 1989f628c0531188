import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findJsonSyntaxError, lineColumnAt } from '../../../src/core/sequence/json-syntax';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('accepts every JSON text JSON.stringify produces (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with JSON.parse on arbitrary and corrupted texts (property)', () => {
    const corrupted = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', '"', ':', 'x', ' ', '\n', '\\', ']'))
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value, null, 1);
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + 1);
      });
    fc.assert(
      fc.property(fc.oneof(fc.string(), corrupted), (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('points at the offending character', () => {
    expect(findJsonSyntaxError('{"a": [1, 2,, 3]}')).toMatchObject({ line: 1, column: 13 });
    expect(findJsonSyntaxError('{\n  "a": tru\n}')).toMatchObject({ line: 2, column: 8 });
    expect(findJsonSyntaxError('{"a": 1}\n{"b": 2}')).toMatchObject({ line: 2, column: 1 });
    expect(findJsonSyntaxError('')?.message).toMatch(/end of input/);
    expect(findJsonSyntaxError('{"a": "line\nbreak"}')?.message).toMatch(/control character/);
  });
});

describe('lineColumnAt', () => {
  it('counts columns in characters, not UTF-16 units', () => {
    expect(lineColumnAt('👨‍💼x\n', 5)).toEqual({ line: 1, column: 4 });
    expect(lineColumnAt('a\nbc', 3)).toEqual({ line: 2, column: 2 });
  });
});
