// Timestamps and durations as the portal prints them; bad input is echoed, never "Invalid Date".
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDateTime, formatDuration, formatRelative } from '../../../web/src/format/format-time';

describe('formatDateTime', () => {
  it('shows an unparseable value as it came, never "Invalid Date"', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatDateTime('2026-01-02T03:04:05Z')).not.toMatch(/Invalid/);
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  it('says how long ago, in the largest whole unit', () => {
    expect(formatRelative('2026-06-01T11:59:58Z', now)).toBe('just now');
    expect(formatRelative('2026-06-01T11:59:30Z', now)).toBe('30 seconds ago');
    expect(formatRelative('2026-06-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-06-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-05-30T12:00:00Z', now)).toBe('2 days ago');
    expect(formatRelative('2026-06-01T12:10:00Z', now)).toBe('in 10 minutes');
    expect(formatRelative('garbage', now)).toBe('garbage');
  });
});

describe('formatDuration', () => {
  it('reads like "3 h 12 min"', () => {
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(5 * 60_000)).toBe('5 min');
    expect(formatDuration((3 * 60 + 12) * 60_000)).toBe('3 h 12 min');
    expect(formatDuration((2 * 24 + 5) * 3_600_000)).toBe('2 d 5 h');
    expect(formatDuration(-1)).toBe('unknown');
    expect(formatDuration(Number.NaN)).toBe('unknown');
  });

  it('never prints NaN or undefined for any number', () => {
    fc.assert(
      fc.property(fc.double(), (ms) => {
        expect(formatDuration(ms)).not.toMatch(/NaN|undefined|Infinity/);
      }),
    );
  });
});
