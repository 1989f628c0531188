// Generic webhook signed like Stripe's and Slack's: X-OW-Timestamp (seconds) and
// X-OW-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">, so receivers can reject replays and forgeries.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseRetryAfter } from '../core/sla/retry-backoff';
import { describeFailure, httpResult, SEND_TIMEOUT_MS, type ChannelResult } from './channel-result';

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers (and tests): constant-time check of signature and a timestamp within the tolerance. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string, nowMs: number, toleranceS = 300): boolean {
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(nowMs / 1000 - ts) > toleranceS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function postSignedWebhook(url: string, secret: string, payload: unknown, now: number): Promise<ChannelResult> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now / 1000));
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ow-timestamp': timestamp, 'x-ow-signature': signWebhook(secret, timestamp, body) },
      body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    return await httpResult(res, now, parseRetryAfter);
  } catch (err) {
    return { ok: false, httpStatus: null, error: describeFailure(err), retryAfterMs: null };
  }
}
