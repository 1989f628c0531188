import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fmt, pct, roundTime } from '../../../src/core/advisor/format-number';

describe('fmt and pct', () => {
  it('rounds without float noise or trailing zeros', () => {
    expect(fmt(0.1 + 0.2)).toBe('0.3');
    expect(fmt(2.5)).toBe('2.5');
    expect(fmt(3)).toBe('3');
    expect(fmt(-0.001)).toBe('0');
    expect(fmt(10.666, 1)).toBe('10.7');
    expect(pct(0.1234)).toBe('12.3%');
    expect(pct(1)).toBe('100%');
  });

  it('never prints NaN', () => {
    expect(fmt(Number.NaN)).toBe('n/a');
    expect(fmt(Infinity)).toBe('∞');
    expect(fmt(1e307)).toMatch(/^1\d{307}$/);
    fc.assert(fc.property(fc.double(), (x) => {
      expect(fmt(x)).not.toMatch(/NaN|e[+-]/);
    }));
  });
});

describe('roundTime', () => {
  it('makes sums of decimal estimates compare equal', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(roundTime(0.1 + 0.2)).toBe(0.3);
  });
});
