// Inbound webhook signatures, checked in constant time: Zendesk signs base64 HMAC-SHA256 of
// timestamp + raw body; Jira (and GitHub-style senders) sign `sha256=<hex>` of the raw body.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a Zendesk timestamp may be before the request counts as a replay. */
export const ZENDESK_MAX_AGE_MS = 5 * 60_000;

function safeEqual(a: Buffer, b: Buffer): boolean {
  // timingSafeEqual needs equal lengths; comparing against itself keeps the time independent of where they differ.
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

export function zendeskSignature(secret: string, timestamp: string, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(timestamp, 'utf8').update(rawBody).digest('base64');
}

export function jiraSignature(secret: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifyZendesk(secret: string, rawBody: Buffer, signature: string | undefined, timestamp: string | undefined, nowMs: number): SignatureCheck {
  if (!signature) return { ok: false, reason: 'missing X-Zendesk-Webhook-Signature header' };
  if (!timestamp) return { ok: false, reason: 'missing X-Zendesk-Webhook-Signature-Timestamp header' };
  const at = Date.parse(timestamp);
  if (Number.isNaN(at)) return { ok: false, reason: 'X-Zendesk-Webhook-Signature-Timestamp is not a timestamp' };
  if (Math.abs(nowMs - at) > ZENDESK_MAX_AGE_MS) return { ok: false, reason: 'the signature timestamp is more than 5 minutes away from now (stale or replayed)' };
  const expected = Buffer.from(zendeskSignature(secret, timestamp, rawBody), 'utf8');
  return safeEqual(expected, Buffer.from(signature, 'utf8')) ? { ok: true } : { ok: false, reason: 'the signature does not match the body' };
}

export function verifyJira(secret: string, rawBody: Buffer, signature: string | undefined): SignatureCheck {
  if (!signature) return { ok: false, reason: 'missing X-Hub-Signature header' };
  const expected = Buffer.from(jiraSignature(secret, rawBody), 'utf8');
  return safeEqual(expected, Buffer.from(signature.trim().toLowerCase(), 'utf8')) ? { ok: true } : { ok: false, reason: 'the signature does not match the body' };
}
