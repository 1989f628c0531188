// Retry schedule of a channel delivery: exponential backoff, or the receiver's Retry-After when it gives one.

export const MAX_DELIVERY_ATTEMPTS = 5;
const BASE_MS = 5_000;
const CAP_MS = 15 * 60_000;

/**
 * Delay before attempt `attempt + 1` after `attempt` failed (attempt counts from 1): 5 s, 10 s, 20 s, …
 * capped at 15 min; a Retry-After from the receiver wins (capped too). Null when no attempt is left.
 */
export function retryDelayMs(attempt: number, retryAfterMs?: number | null, maxAttempts = MAX_DELIVERY_ATTEMPTS): number | null {
  if (attempt >= maxAttempts) return null;
  if (retryAfterMs !== undefined && retryAfterMs !== null && retryAfterMs >= 0) return Math.min(retryAfterMs, CAP_MS);
  return Math.min(BASE_MS * 2 ** (attempt - 1), CAP_MS);
}

/** Parses an HTTP Retry-After value (delta seconds or an HTTP date) into ms from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
