import { describe, expect, it } from 'vitest';
import { hasProtoKey } from '../../../src/core/shared/proto-guard';

describe('hasProtoKey', () => {
  it('finds __proto__ and constructor.prototype at any depth', () => {
    expect(hasProtoKey(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toBe(true);
    expect(hasProtoKey(JSON.parse('[{"constructor":{"prototype":{}}}]'))).toBe(true);
    expect(hasProtoKey({ constructor: 'a string is fine', proto: 1 })).toBe(false);
  });
});
