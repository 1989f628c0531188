// Reconnect delays for the live stream: exponential growth with a cap, and jitter so a server restart
// does not bring every open portal back in the same millisecond.
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** Share of the delay that is randomised, 0 (none) to 1 (full jitter). */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5 };

/** The delay before retry number `attempt` (1 for the first retry); `random` is a draw in [0, 1). */
export function reconnectDelay(attempt: number, random: number, policy: BackoffPolicy = defaultBackoff): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`);
  }
  if (!(random >= 0 && random < 1)) throw new RangeError(`random must be in [0, 1), got ${random}`);
  checkPolicy(policy);
  return Math.round(backoffCeiling(attempt, policy) * (1 - policy.jitter * random));
}

/** The largest delay retry `attempt` can get: initialMs × factor^(attempt−1), capped at maxMs. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy = defaultBackoff): number {
  // Past the cap the power only overflows; stop growing once it is reached.
  let ceiling = policy.initialMs;
  for (let i = 1; i < attempt && ceiling < policy.maxMs; i += 1) ceiling *= policy.factor;
  return Math.min(ceiling, policy.maxMs);
}

function checkPolicy(policy: BackoffPolicy): void {
  const problems: string[] = [];
  if (!(policy.initialMs > 0)) problems.push(`initialMs must be > 0, got ${policy.initialMs}`);
  if (!(policy.maxMs >= policy.initialMs)) problems.push(`maxMs must be >= initialMs, got ${policy.maxMs}`);
  if (!(policy.factor >= 1)) problems.push(`factor must be >= 1, got ${policy.factor}`);
  if (!(policy.jitter >= 0 && policy.jitter <= 1)) problems.push(`jitter must be in [0, 1], got ${policy.jitter}`);
  if (problems.length > 0) throw new RangeError(`invalid backoff policy: ${problems.join('; ')}`);
}
