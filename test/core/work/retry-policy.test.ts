import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_RETRY_POLICY,
  RetryPolicySchema,
  attemptDeadline,
  backoffCeilingMs,
  isAttemptTimedOut,
  nextAttempt,
  type RetryPolicy,
} from '../../../src/core/work/retry-policy';

const policyArb = fc
  .record({
    maxRetries: fc.integer({ min: 0, max: 20 }),
    baseDelayMs: fc.integer({ min: 0, max: 10_000 }),
    extra: fc.integer({ min: 0, max: 1_000_000 }),
    timeoutMs: fc.integer({ min: 1, max: 600_000 }),
  })
  .map(({ extra, ...p }): RetryPolicy => ({ ...p, maxDelayMs: p.baseDelayMs + extra }));
const randomArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('RetryPolicySchema', () => {
  it('fills defaults and rejects a base delay above the cap', () => {
    expect(RetryPolicySchema.parse({})).toEqual({ maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 60000, timeoutMs: 30000 });
    const bad = RetryPolicySchema.safeParse({ baseDelayMs: 5000, maxDelayMs: 100 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['baseDelayMs']);
    expect(RetryPolicySchema.safeParse({ maxRetries: -1 }).success).toBe(false);
    expect(RetryPolicySchema.safeParse({ retries: 2 }).success).toBe(false);
  });
});

describe('backoffCeilingMs', () => {
  it('doubles from the base delay and stops at the cap', () => {
    const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffCeilingMs(p, n))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffCeilingMs(p, 5000)).toBe(1000);
    expect(backoffCeilingMs({ ...p, baseDelayMs: 0 }, 5000)).toBe(0);
    expect(() => backoffCeilingMs(p, 0)).toThrow(/retryNumber/);
  });

  it('is monotone and never above maxDelayMs (property)', () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 1, max: 2000 }), (p, n) => {
        const a = backoffCeilingMs(p, n);
        const b = backoffCeilingMs(p, n + 1);
        expect(a).toBeLessThanOrEqual(b);
        expect(b).toBeLessThanOrEqual(p.maxDelayMs);
        expect(Number.isFinite(b)).toBe(true);
      }),
    );
  });
});

describe('nextAttempt', () => {
  const p: RetryPolicy = { maxRetries: 2, baseDelayMs: 1000, maxDelayMs: 10_000, timeoutMs: 5000 };

  it('retries with full jitter, then dead-letters with the reason and the last error', () => {
    expect(nextAttempt(p, 1, 0.5)).toEqual({ deadLetter: false, retryAfterMs: 500, retryNumber: 1, ceilingMs: 1000 });
    expect(nextAttempt(p, 2, 0.25)).toEqual({ deadLetter: false, retryAfterMs: 500, retryNumber: 2, ceilingMs: 2000 });
    expect(nextAttempt(p, 1, 0)).toMatchObject({ retryAfterMs: 0 });
    const dead = nextAttempt(p, 3, 0.5, 'HTTP 502 from handler');
    expect(dead).toEqual({ deadLetter: true, reason: 'gave up after 3 failed attempts (max retries 2); last error: HTTP 502 from handler' });
    expect(nextAttempt({ ...p, maxRetries: 0 }, 1, 0.1)).toEqual({ deadLetter: true, reason: 'gave up after 1 failed attempt (max retries 0)' });
  });

  it('rejects a random outside [0, 1) and a non-positive attempt', () => {
    expect(() => nextAttempt(p, 1, 1)).toThrow(/\[0, 1\)/);
    expect(() => nextAttempt(p, 1, -0.1)).toThrow(/random/);
    expect(() => nextAttempt(p, 1, Number.NaN)).toThrow(/random/);
    expect(() => nextAttempt(p, 0, 0.5)).toThrow(/failedAttempt/);
  });

  it('stays within [0, ceiling) while retries remain and dead-letters exactly after maxRetries (property)', () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 1, max: 30 }), randomArb, (policy, attempt, random) => {
        const next = nextAttempt(policy, attempt, random);
        if (attempt > policy.maxRetries) {
          expect(next.deadLetter).toBe(true);
          return;
        }
        if (next.deadLetter) throw new Error('dead-lettered too early');
        expect(next.ceilingMs).toBe(backoffCeilingMs(policy, attempt));
        expect(next.retryAfterMs).toBeGreaterThanOrEqual(0);
        expect(next.retryAfterMs).toBeLessThanOrEqual(policy.maxDelayMs);
        if (next.ceilingMs > 0) expect(next.retryAfterMs).toBeLessThan(next.ceilingMs);
        else expect(next.retryAfterMs).toBe(0);
      }),
    );
  });
});

describe('per-attempt timeout', () => {
  it('times out at start + timeoutMs', () => {
    const p = { ...DEFAULT_RETRY_POLICY, timeoutMs: 5000 };
    expect(attemptDeadline(p, 1_000)).toBe(6_000);
    expect(isAttemptTimedOut(p, 1_000, 5_999)).toBe(false);
    expect(isAttemptTimedOut(p, 1_000, 6_000)).toBe(true);
  });
});
