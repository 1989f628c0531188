import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { describeDependency, formatDependencyRef, parseDependencyRef } from '../../../../src/core/advisor/schedule/dependency-ref';

describe('parseDependencyRef', () => {
  it('reads a bare id as finish-to-start without lag', () => {
    expect(parseDependencyRef(' 5.1.0 ')).toEqual({ ok: true, ref: { id: '5.1.0', type: 'FS', lag: 0 } });
  });

  it('reads start-to-start and lags, case-insensitively', () => {
    expect(parseDependencyRef('a:ss')).toEqual({ ok: true, ref: { id: 'a', type: 'SS', lag: 0 } });
    expect(parseDependencyRef('a:FS+2.5')).toEqual({ ok: true, ref: { id: 'a', type: 'FS', lag: 2.5 } });
  });

  it('names what is wrong', () => {
    const empty = parseDependencyRef('  ');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.message).toContain('empty dependency');
    const type = parseDependencyRef('a:FF');
    expect(type.ok).toBe(false);
    if (!type.ok) expect(type.message).toContain('"FF" is unknown');
    const shape = parseDependencyRef('a b');
    expect(shape.ok).toBe(false);
    if (!shape.ok) expect(shape.message).toContain('"a b" is not a dependency');
  });

  it('formats back to text that parses to the same dependency', () => {
    const ref = fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/),
      type: fc.constantFrom('FS' as const, 'SS' as const),
      lag: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 }), fc.constantFrom(0.5, 1.25)),
    });
    fc.assert(fc.property(ref, (r) => {
      expect(parseDependencyRef(formatDependencyRef(r))).toEqual({ ok: true, ref: r });
    }));
  });

  it('describes a dependency in words', () => {
    expect(describeDependency({ id: 'a', type: 'FS', lag: 0 })).toBe('after a finishes');
    expect(describeDependency({ id: 'a', type: 'SS', lag: 2 })).toBe('once a has started + 2');
  });
});
