// The requests the task API accepts (zod), shared by the HTTP routes and the CLI.
import { z } from 'zod';
import { RetryPolicySchema } from '../core/work/retry-policy';
import { KEY_PATTERN } from '../core/work/unit-template';
import { HumanDueSchema } from '../core/work/unit-of-work';
import { operatorReason } from './journey-inputs';

export const TaskStatusFilter = z.enum(['pending', 'running', 'completed', 'failed', 'cancelled', 'dead_lettered', 'ready', 'waiting_for_person']);

export const TaskListQuery = z.strictObject({
  status: TaskStatusFilter.optional(),
  journey: z.string().min(1).optional(),
  handler: z.string().min(1).optional(),
  kind: z.enum(['automated', 'human']).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type TaskListQuery = z.output<typeof TaskListQuery>;

export const NewTaskInput = z.strictObject({
  /** Names the task within the batch; dependsOn refers to these keys. */
  key: z.string().regex(KEY_PATTERN, 'a task key is lowercase letters, digits, - and _'),
  name: z.string().min(1).max(200).optional(),
  handler: z.string().min(1).max(200),
  kind: z.enum(['automated', 'human']).default('automated'),
  input: z.record(z.string(), z.unknown()).default({}),
  dependsOn: z.array(z.string().min(1)).default([]),
  retry: RetryPolicySchema.prefault({}),
  /** Enqueueing the same key again is a no-op that returns the existing task. */
  idempotencyKey: z.string().min(1).max(300).optional(),
  /** JSON Schema the handler's result must satisfy. */
  outputSchema: z.record(z.string(), z.unknown()).optional(),
  /** Not before this instant (ISO-8601). */
  runAt: z.iso.datetime({ offset: true }).optional(),
  /** Human tasks: how long a person has once the task is ready (default 14 days); then it fails as timed out. */
  dueInMs: HumanDueSchema.optional(),
});

export const EnqueueInput = z.strictObject({ tasks: z.array(NewTaskInput).min(1, 'send at least one task').max(1000) });

export const CompleteTaskInput = z.strictObject({
  /** `failed` when the person declines (e.g. the demo was not approved). */
  outcome: z.enum(['completed', 'failed']).default('completed'),
  output: z.record(z.string(), z.unknown()).default({}),
  reason: z.string().trim().min(1).max(2000).optional(),
});

export const CancelTaskInput = z.strictObject({ reason: operatorReason('a cancellation') });

/** An operator's retry of a failed or cancelled task says why (kept in the audit entry). */
export const RetryTaskInput = z.strictObject({ reason: operatorReason('a retry') });

export const WebhookHandlerInput = z.strictObject({
  name: z.string().min(1).max(200),
  url: z.url({ protocol: /^https?$/, error: 'a webhook URL is http:// or https://' }),
  /** Shared secret for the HMAC-SHA256 signature; at least 16 characters. */
  secret: z.string().min(16, 'a signing secret has at least 16 characters').max(500),
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000),
  description: z.string().max(500).default(''),
});
