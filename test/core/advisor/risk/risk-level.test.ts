import { describe, it, expect } from 'vitest';
import { riskLevel } from '../../../../src/core/advisor/risk/risk-level';

describe('riskLevel', () => {
  it('bands every score of the 5×5 matrix', () => {
    const bands = new Map<number, string>();
    for (let p = 1; p <= 5; p++) for (let i = 1; i <= 5; i++) bands.set(p * i, riskLevel(p * i));
    expect(Object.fromEntries(bands)).toEqual({
      1: 'low', 2: 'low', 3: 'low', 4: 'low',
      5: 'medium', 6: 'medium', 8: 'medium', 9: 'medium',
      10: 'high', 12: 'high', 15: 'high', 16: 'high',
      20: 'critical', 25: 'critical',
    });
  });
});
