import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineColumnAt, parseJsonText } from '../../../src/core/shared/json-text';

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('names the line and column of a mistake on a later line', () => {
    const r = parseJsonText('{\n  "a": 1,\n  "b": }\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBe(3);
      expect(r.column).toBe(8);
    }
  });

  it('puts a truncated document at its end', () => {
    const text = '{"a": [1, 2';
    const r = parseJsonText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.position).toBe(text.length);
  });

  it('agrees with JSON.parse on whether text is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(parseJsonText(text).ok).toBe(valid);
      }),
    );
  });
});

describe('lineColumnAt', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
