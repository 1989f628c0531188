import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fenced, formatDuration, formatSlaTarget, slaWarning } from '../../../src/core/ows/article-format';

describe('article formatting', () => {
  it('says durations the way people do', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(90)).toBe('1 h 30 min');
    expect(formatSlaTarget({ targetMinutes: 2880, clock: 'calendar' })).toBe('2 days');
    expect(formatSlaTarget({ targetMinutes: 1440, clock: 'calendar' })).toBe('1 day');
    expect(formatSlaTarget({ targetMinutes: 240, clock: 'business-hours' })).toBe('4 business hours');
    expect(formatSlaTarget({ targetMinutes: 90, clock: 'business-hours' })).toBe('1 h 30 min of business time');
    expect(slaWarning({ name: 'x', targetMinutes: 240, warnAtPercent: 80, clock: 'business-hours', onBreach: 'escalate now' })).toBe('80 % (after 3 h 12 min)');
  });

  it('fences content so no backtick run inside can close the block', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (content) => {
        const block = fenced('mermaid', content);
        const fence = /^`+/.exec(block)?.[0] ?? '';
        const inner = block.slice(fence.length + 'mermaid\n'.length, block.length - fence.length);
        expect(inner.includes(fence)).toBe(false);
        expect(block.endsWith(`\n${fence}`)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
