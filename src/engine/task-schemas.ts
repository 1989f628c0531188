// The shapes of tasks and handlers as the API returns them (zod): the OpenAPI document, the
// portal and API clients read these.
import { z } from 'zod';

const instant = z.string().describe('ISO-8601 instant');

export const retryPolicySchema = z.object({ maxRetries: z.number().int(), baseDelayMs: z.number().int(), maxDelayMs: z.number().int(), timeoutMs: z.number().int() });

export const taskSchema = z.object({
  id: z.string().describe('journey/stage/visit/unit/task for journey tasks; also their idempotency key'),
  seq: z.number().int(),
  journeyId: z.string().nullable(),
  unitId: z.string().nullable(),
  stage: z.string().nullable(),
  key: z.string(),
  name: z.string(),
  handler: z.string().describe('What runs it'),
  agent: z.string().describe('The handler name the definition gave (differs when aliased)'),
  kind: z.enum(['automated', 'human']),
  status: z.enum(['pending', 'running', 'completed', 'failed', 'cancelled']),
  attempt: z.number().int().describe('Attempts since creation or the last manual retry'),
  totalAttempts: z.number().int(),
  maxRetries: z.number().int(),
  retry: retryPolicySchema,
  waitingOn: z.number().int().describe('Dependencies not yet completed'),
  dependants: z.number().int().describe('Tasks that depend on this one'),
  ready: z.boolean().describe('Pending and waiting on nothing: claimable (automated) or waiting for a person (human)'),
  dependsOn: z.array(z.string()).optional(),
  runAt: instant,
  leaseOwner: z.string().nullable(),
  leaseExpiresAt: instant.nullable(),
  dueAt: instant.nullable().describe('A ready human task: when it fails as timed out unless someone completes it (its dueInMs after it became ready; default 14 days)'),
  idempotencyKey: z.string(),
  input: z.record(z.string(), z.unknown()),
  output: z.record(z.string(), z.unknown()).nullable(),
  outputSchema: z.record(z.string(), z.unknown()).nullable(),
  emits: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: instant,
  readyAt: instant.nullable(),
  startedAt: instant.nullable().describe('First attempt started'),
  attemptStartedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  deadLetteredAt: instant.nullable(),
  updatedAt: instant,
});

export const handlerInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(['builtin', 'webhook', 'simulated', 'in-process']),
  description: z.string(),
});

export const webhookHandlerSchema = z.object({
  name: z.string(),
  url: z.string(),
  timeoutMs: z.number().int(),
  description: z.string(),
  createdAt: instant,
  createdBy: z.string(),
});
