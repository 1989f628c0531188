// Retry policy for tasks: how many retries, how long to back off between attempts (exponential
// with full jitter, so failing workers do not retry in lockstep) and when one attempt has timed out.
import { z } from 'zod';

export const RetryPolicySchema = z
  .object({
    maxRetries: z.number().int().min(0).max(100).default(3),
    baseDelayMs: z.number().int().min(0).default(1_000),
    maxDelayMs: z.number().int().min(0).default(60_000),
    timeoutMs: z.number().int().positive().default(30_000),
  })
  .strict()
  .refine((p) => p.baseDelayMs <= p.maxDelayMs, {
    message: 'baseDelayMs must not exceed maxDelayMs',
    path: ['baseDelayMs'],
  });

export type RetryPolicy = z.output<typeof RetryPolicySchema>;
export type RetryPolicyInput = z.input<typeof RetryPolicySchema>;

export const DEFAULT_RETRY_POLICY: RetryPolicy = RetryPolicySchema.parse({});

export type NextAttempt =
  | { deadLetter: false; retryAfterMs: number; retryNumber: number; ceilingMs: number }
  | { deadLetter: true; reason: string };

/** The upper bound of the wait before retry number `retryNumber` (1-based): base·2^(n−1), capped at maxDelayMs. */
export function backoffCeilingMs(policy: RetryPolicy, retryNumber: number): number {
  if (!Number.isInteger(retryNumber) || retryNumber < 1) {
    throw new RangeError(`retryNumber must be an integer >= 1, got ${String(retryNumber)}`);
  }
  if (policy.baseDelayMs === 0) return 0;
  // 2^1100 is Infinity; Math.min keeps the cap finite.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
}

/**
 * What to do after attempt number `failedAttempt` (1-based) failed: retry after a delay drawn
 * uniformly from [0, ceiling) using the injected `random` in [0, 1), or dead-letter the task.
 */
export function nextAttempt(policy: RetryPolicy, failedAttempt: number, random: number, lastError?: string): NextAttempt {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1) {
    throw new RangeError(`failedAttempt must be an integer >= 1, got ${String(failedAttempt)}`);
  }
  if (!(random >= 0 && random < 1)) {
    throw new RangeError(`random must be a number in [0, 1), got ${String(random)}`);
  }
  if (failedAttempt > policy.maxRetries) {
    const tries = failedAttempt === 1 ? '1 failed attempt' : `${failedAttempt} failed attempts`;
    const cause = lastError !== undefined && lastError !== '' ? `; last error: ${lastError}` : '';
    return { deadLetter: true, reason: `gave up after ${tries} (max retries ${policy.maxRetries})${cause}` };
  }
  const ceilingMs = backoffCeilingMs(policy, failedAttempt);
  return { deadLetter: false, retryAfterMs: Math.floor(random * ceilingMs), retryNumber: failedAttempt, ceilingMs };
}

/** The instant (epoch ms) after which an attempt started at `startedAtMs` counts as timed out. */
export function attemptDeadline(policy: RetryPolicy, startedAtMs: number): number {
  return startedAtMs + policy.timeoutMs;
}

export function isAttemptTimedOut(policy: RetryPolicy, startedAtMs: number, nowMs: number): boolean {
  return nowMs >= attemptDeadline(policy, startedAtMs);
}
