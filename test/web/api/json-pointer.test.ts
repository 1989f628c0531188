// JSON pointers for response-validation errors, per RFC 6901.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toJsonPointer } from '../../../web/src/api/json-pointer';

// RFC 6901 §4 evaluation order: split on "/", then ~1 → "/" before ~0 → "~".
function decode(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

describe('toJsonPointer', () => {
  it('writes the RFC 6901 examples', () => {
    expect(toJsonPointer([])).toBe('');
    expect(toJsonPointer(['items', 0, 'role'])).toBe('/items/0/role');
    expect(toJsonPointer(['a/b'])).toBe('/a~1b');
    expect(toJsonPointer(['m~n'])).toBe('/m~0n');
  });

  it('round-trips any path of strings and indexes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.nat())), (path) => {
        expect(decode(toJsonPointer(path))).toEqual(path.map(String));
      }),
    );
  });
});
