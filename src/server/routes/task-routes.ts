// Tasks over HTTP: list (dead letters included) and read, enqueue standalone task graphs,
// complete a human task, retry or cancel a task (each with a reason, kept in the audit log); and
// the handlers ("agents") tasks run on, with webhook registration (admin: the server will POST to that URL).
import { z } from 'zod';
import type { Runtime } from '../../engine/runtime';
import { CancelTaskInput, CompleteTaskInput, EnqueueInput, RetryTaskInput, TaskListQuery, WebhookHandlerInput } from '../../engine/task-inputs';
import { handlerInfoSchema, taskSchema, webhookHandlerSchema } from '../../engine/task-schemas';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

const idParams = z.object({ id: z.string().min(1).max(500).describe('The task id, URL-encoded (journey task ids contain /)') });
const errors = { 404: problemSchema, 409: problemSchema, 422: problemSchema, ...authErrors } as const;

export function registerTaskRoutes(app: App, runtime: Runtime): void {
  const t = runtime.journeys.tasks;

  app.get('/api/tasks', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['tasks'],
      summary: 'List tasks, newest first; status=dead_lettered lists the dead letters, waiting_for_person the human tasks ready for someone',
      querystring: TaskListQuery,
      response: { 200: z.object({ items: z.array(taskSchema), nextBefore: z.number().int().nullable() }), ...authErrors },
    },
  }, async (req) => {
    const items = await t.list(req.query);
    return { items, nextBefore: items.length === req.query.limit ? (items.at(-1)?.seq ?? null) : null };
  });

  app.post('/api/tasks', {
    config: { auth: 'operator' },
    schema: {
      tags: ['tasks'],
      summary: 'Enqueue a graph of standalone tasks (dependsOn names keys of the batch); unknown handlers and cycles are refused with pointers, nothing stored',
      body: EnqueueInput,
      response: { 201: z.object({ items: z.array(taskSchema) }), ...errors },
    },
  }, async (req, reply) => reply.code(201).send({ items: await t.enqueue(req.body, principalOf(req).name) }));

  app.get('/api/tasks/:id', {
    config: { auth: 'viewer' },
    schema: { tags: ['tasks'], summary: 'One task', params: idParams, response: { 200: taskSchema, ...errors } },
  }, async (req) => t.get(req.params.id));

  app.post('/api/tasks/:id/complete', {
    config: { auth: 'operator' },
    schema: {
      tags: ['tasks'],
      summary: 'Complete (or decline, outcome=failed) a human task that is waiting for a person; output.metrics are reported to its journey',
      params: idParams,
      body: CompleteTaskInput,
      response: { 200: taskSchema, ...errors },
    },
  }, async (req) => t.complete(req.params.id, req.body, principalOf(req).name));

  app.post('/api/tasks/:id/retry', {
    config: { auth: 'operator' },
    schema: {
      tags: ['tasks'],
      summary: 'Run a failed (dead-lettered) or cancelled task again with a fresh retry budget; the reason (1–500 characters) is recorded in the audit log',
      params: idParams,
      body: RetryTaskInput,
      response: { 200: taskSchema, ...errors },
    },
  }, async (req) => t.retryWithReason(req.params.id, req.body, principalOf(req).name));

  app.post('/api/tasks/:id/cancel', {
    config: { auth: 'operator', destructive: true },
    schema: {
      tags: ['tasks'],
      summary: 'Cancel a pending or running task; the reason (1–500 characters) is recorded in the audit log',
      params: idParams,
      body: CancelTaskInput,
      response: { 200: taskSchema, ...errors },
    },
  }, async (req) => t.cancel(req.params.id, req.body, principalOf(req).name));

  app.get('/api/task-handlers', {
    config: { auth: 'viewer' },
    schema: { tags: ['tasks'], summary: 'The handler names tasks may use, and what runs each (built-in, webhook, simulated agent)', response: { 200: z.object({ items: z.array(handlerInfoSchema) }), ...authErrors } },
  }, async () => ({ items: await t.handlerList() }));

  app.post('/api/task-handlers', {
    config: { auth: 'admin' },
    schema: {
      tags: ['tasks'],
      summary: 'Register (or replace) a webhook handler: tasks with this handler name are POSTed, signed with HMAC-SHA256 (X-OW-Signature), to the URL',
      body: WebhookHandlerInput,
      response: { 201: webhookHandlerSchema, ...errors },
    },
  }, async (req, reply) => reply.code(201).send(await t.registerWebhook(req.body, principalOf(req).name)));

  app.delete('/api/task-handlers/:name', {
    config: { auth: 'admin', destructive: true },
    schema: { tags: ['tasks'], summary: 'Remove a webhook handler', params: z.object({ name: z.string().min(1).max(200) }), response: { 204: z.null(), ...errors } },
  }, async (req, reply) => {
    await t.removeWebhook(req.params.name, principalOf(req).name);
    return reply.code(204).send(null);
  });
}
