// The HTTP webhook handler: POSTs the task as JSON, signed with HMAC-SHA256 of the exact body
// (`X-OW-Signature: sha256=<hex>`, with `X-OW-Timestamp`), and takes the JSON object it answers
// as the task's output. A non-2xx answer, a body that is not a JSON object or a timeout fails the attempt.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TaskHandlerContext, TaskOutput } from './handler-types';

export const SIGNATURE_HEADER = 'x-ow-signature';
export const TIMESTAMP_HEADER = 'x-ow-timestamp';
/** Answers larger than this are refused: an agent's result is data, not a download. */
const MAX_ANSWER_BYTES = 1_048_576;

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Constant-time check of a signature header against the body, for receivers (and our tests). */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface WebhookTarget {
  name: string;
  url: string;
  secret: string;
  timeoutMs: number;
}

/** The JSON a webhook receives: the task, and when it was sent (covered by the signature). */
export function webhookBody(ctx: TaskHandlerContext, sentAt: Date): string {
  return JSON.stringify({
    task: {
      id: ctx.taskId,
      name: ctx.name,
      handler: ctx.agent,
      journeyId: ctx.journeyId,
      unitId: ctx.unitId,
      stage: ctx.stage,
      attempt: ctx.attempt,
      idempotencyKey: ctx.idempotencyKey,
      input: ctx.input,
    },
    sentAt: sentAt.toISOString(),
  });
}

export async function callWebhook(target: WebhookTarget, ctx: TaskHandlerContext): Promise<TaskOutput> {
  const sentAt = ctx.now();
  const body = webhookBody(ctx, sentAt);
  const timeout = AbortSignal.timeout(target.timeoutMs);
  let res: Response;
  try {
    res = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': 'orchestration-wisdom-worker',
        [SIGNATURE_HEADER]: signBody(target.secret, body),
        [TIMESTAMP_HEADER]: String(Math.floor(sentAt.getTime() / 1000)),
        'idempotency-key': ctx.idempotencyKey,
      },
      body,
      redirect: 'error',
      signal: AbortSignal.any([ctx.signal, timeout]),
    });
  } catch (err) {
    if (timeout.aborted) throw new Error(`webhook ${target.name} did not answer within ${target.timeoutMs} ms`);
    if (ctx.signal.aborted) throw ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('aborted');
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`webhook ${target.name} could not be reached at ${new URL(target.url).origin}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw new Error(`webhook ${target.name} did not answer within ${target.timeoutMs} ms`);
  }
  if (Buffer.byteLength(text) > MAX_ANSWER_BYTES) throw new Error(`webhook ${target.name} answered more than ${MAX_ANSWER_BYTES} bytes`);
  if (!res.ok) throw new Error(`webhook ${target.name} answered HTTP ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}`);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`webhook ${target.name} answered HTTP ${res.status} with a body that is not JSON: ${text.slice(0, 120)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`webhook ${target.name} answered ${Array.isArray(parsed) ? 'an array' : typeof parsed}; the result must be a JSON object`);
  }
  return parsed as TaskOutput;
}
