// Slack incoming webhook: POSTs a Block Kit message; a 429 answer's Retry-After is passed back so the
// delivery waits exactly as long as Slack asked.
import { parseRetryAfter } from '../core/sla/retry-backoff';
import { describeFailure, httpResult, SEND_TIMEOUT_MS, type ChannelResult } from './channel-result';

export async function postSlackMessage(webhookUrl: string, message: { text: string; blocks: unknown[] }, now: number): Promise<ChannelResult> {
  try {
    const res = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    return await httpResult(res, now, parseRetryAfter);
  } catch (err) {
    return { ok: false, httpStatus: null, error: describeFailure(err), retryAfterMs: null };
  }
}
