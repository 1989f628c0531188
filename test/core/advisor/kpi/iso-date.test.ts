import { describe, it, expect } from 'vitest';
import { daysBetween, isoDateSchema } from '../../../../src/core/advisor/kpi/iso-date';

describe('isoDateSchema', () => {
  it('accepts real calendar dates only', () => {
    expect(isoDateSchema.safeParse('2026-02-28').success).toBe(true);
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2026-02-30').error?.issues[0]?.message).toBe('not a real calendar date');
    expect(isoDateSchema.safeParse('06/01/2026').error?.issues[0]?.message).toBe('a date must look like 2026-01-31');
  });
});

describe('daysBetween', () => {
  it('counts calendar days in UTC, across month ends and leap days', () => {
    expect(daysBetween('2026-01-06', '2026-04-04')).toBe(88);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});
