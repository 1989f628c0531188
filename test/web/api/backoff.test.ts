// Reconnect delays: exponential, capped, jittered within bounds, and strict about bad input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffCeiling, defaultBackoff, reconnectDelay, type BackoffPolicy } from '../../../web/src/api/backoff';

const policyArb: fc.Arbitrary<BackoffPolicy> = fc
  .record({
    initialMs: fc.integer({ min: 1, max: 5_000 }),
    extra: fc.integer({ min: 0, max: 120_000 }),
    factor: fc.double({ min: 1, max: 4, noNaN: true }),
    jitter: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ initialMs, extra, factor, jitter }) => ({ initialMs, maxMs: initialMs + extra, factor, jitter }));
const attemptArb = fc.integer({ min: 1, max: 200 });
const randomArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('reconnectDelay', () => {
  it('doubles from 500 ms and stops at 30 s with the default policy and no jitter draw', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => reconnectDelay(attempt, 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('takes at most the jitter share off the ceiling', () => {
    expect(reconnectDelay(3, 0.999, defaultBackoff)).toBe(Math.round(2000 * (1 - 0.5 * 0.999)));
  });

  it('stays between the jittered floor and the ceiling, never above maxMs', () => {
    fc.assert(
      fc.property(policyArb, attemptArb, randomArb, (policy, attempt, random) => {
        const delay = reconnectDelay(attempt, random, policy);
        const ceiling = backoffCeiling(attempt, policy);
        expect(delay).toBeLessThanOrEqual(Math.round(ceiling));
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling * (1 - policy.jitter)));
        expect(delay).toBeLessThanOrEqual(policy.maxMs);
      }),
    );
  });

  it('never lowers the ceiling from one attempt to the next', () => {
    fc.assert(
      fc.property(policyArb, attemptArb, (policy, attempt) => {
        expect(backoffCeiling(attempt + 1, policy)).toBeGreaterThanOrEqual(backoffCeiling(attempt, policy));
      }),
    );
  });

  it('rejects impossible inputs with a message naming them', () => {
    expect(() => reconnectDelay(0, 0.5)).toThrow('attempt must be an integer >= 1, got 0');
    expect(() => reconnectDelay(1.5, 0.5)).toThrow('attempt must be an integer >= 1, got 1.5');
    expect(() => reconnectDelay(1, 1)).toThrow('random must be in [0, 1), got 1');
    expect(() => reconnectDelay(1, Number.NaN)).toThrow('random must be in [0, 1), got NaN');
    expect(() => reconnectDelay(1, 0.5, { initialMs: 0, maxMs: 10, factor: 0.5, jitter: 2 })).toThrow(
      'invalid backoff policy: initialMs must be > 0, got 0; factor must be >= 1, got 0.5; jitter must be in [0, 1], got 2',
    );
  });
});
