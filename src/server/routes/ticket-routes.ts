// Tickets over HTTP (create, update, status, comment, assign, escalate, list, detail with routing decisions),
// the routing queue and the escalation mode switch; also registers support agents and intake webhooks.
import { z } from 'zod';
import { PRIORITIES, ROUTING_STRATEGIES, TIERS } from '../../core/routing/types';
import { assignInput, changeStatusInput, commentInput, createTicketInput, escalateInput, TICKET_SOURCES, TICKET_STATUSES, updateTicketInput } from '../../core/tickets/ticket';
import { ESCALATION_MODES, escalationModeInput, routerSettingsInput } from '../../engine/escalation-mode';
import type { Runtime } from '../../engine/runtime';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';
import { registerIntakeRoutes } from './intake-routes';
import { registerSupportAgentRoutes } from './support-agent-routes';

export const ticketSchema = z.object({
  id: z.string(),
  seq: z.number(),
  source: z.enum(TICKET_SOURCES),
  externalId: z.string().nullable(),
  subject: z.string(),
  description: z.string(),
  requester: z.string(),
  clientId: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  tier: z.enum(TIERS),
  requiredSkills: z.array(z.object({ skill: z.string(), mandatory: z.boolean(), weight: z.number() })),
  assigneeId: z.string().nullable(),
  queuedAt: z.string().nullable().describe('set while waiting for an agent with capacity'),
  slaDueAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  escalationCount: z.number(),
  reopenCount: z.number(),
  reopenedAfterEscalation: z.boolean(),
  slaPolicyId: z.string().nullable(),
  slaPolicyVersion: z.number().nullable(),
  version: z.number(),
});

const candidateSchema = z.object({ agentId: z.string(), load: z.number(), max: z.number(), spare: z.number(), score: z.number(), eligible: z.boolean(), reason: z.string() });
export const routingDecisionSchema = z.object({
  id: z.number(),
  ticketId: z.string(),
  strategy: z.enum(ROUTING_STRATEGIES),
  mode: z.enum(['production', 'shadow']),
  candidates: z.array(candidateSchema),
  chosenAgentId: z.string().nullable(),
  reason: z.string(),
  decidedAt: z.string(),
});
const commentSchema = z.object({ ticketId: z.string(), seq: z.number(), author: z.string(), public: z.boolean(), body: z.string(), createdAt: z.string() });
const settingsSchema = z.object({ mode: z.enum(ESCALATION_MODES), strategy: z.enum(ROUTING_STRATEGIES), defaultMaxConcurrent: z.number(), idleTimeoutMinutes: z.number() });

const idParams = z.object({ id: z.string().regex(/^T-\d{1,18}$/, 'a ticket id looks like T-42') });
const notFound = { 404: problemSchema, ...authErrors };
const actor = (req: Parameters<typeof principalOf>[0]) => principalOf(req).name;

export function registerTicketRoutes(app: App, runtime: Runtime): void {
  app.get('/api/tickets', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['tickets'],
      summary: 'List tickets, newest first',
      querystring: z.object({
        status: z.enum(TICKET_STATUSES).optional(),
        priority: z.enum(PRIORITIES).optional(),
        assignee: z.string().max(100).optional(),
        client: z.string().max(100).optional(),
        queued: z.enum(['true', 'false']).optional().describe('only tickets waiting (true) or not waiting (false) for capacity'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.coerce.number().int().min(1).optional().describe('seq to page from (older than)'),
      }),
      response: { 200: z.object({ items: z.array(ticketSchema) }), ...authErrors },
    },
  }, async (req) => {
    const q = req.query;
    const items = await runtime.tickets.list({ status: q.status, priority: q.priority, assigneeId: q.assignee, clientId: q.client, queued: q.queued === undefined ? undefined : q.queued === 'true', limit: q.limit, beforeSeq: q.before });
    return { items };
  });

  app.post('/api/tickets', {
    config: { auth: 'operator' },
    schema: { tags: ['tickets'], summary: 'Create a ticket; it is routed at once or queued when nobody has capacity', body: createTicketInput, response: { 201: ticketSchema, ...authErrors } },
  }, async (req, reply) => reply.code(201).send(await runtime.tickets.create(req.body, actor(req))));

  app.get('/api/tickets/:id', {
    config: { auth: 'viewer' },
    schema: { tags: ['tickets'], summary: 'A ticket with its comments and routing decisions (newest first)', params: idParams, response: { 200: z.object({ ticket: ticketSchema, comments: z.array(commentSchema), routing: z.array(routingDecisionSchema) }), ...notFound } },
  }, async (req) => runtime.tickets.detail(req.params.id));

  app.patch('/api/tickets/:id', {
    config: { auth: 'operator' },
    schema: { tags: ['tickets'], summary: 'Change subject, description, requester, client, priority or skills', params: idParams, body: updateTicketInput, response: { 200: ticketSchema, ...notFound } },
  }, async (req) => runtime.tickets.update(req.params.id, req.body, actor(req)));

  app.post('/api/tickets/:id/status', {
    config: { auth: 'operator' },
    schema: { tags: ['tickets'], summary: 'Move the status (solved → open is a reopen); solving frees capacity for queued tickets', params: idParams, body: changeStatusInput, response: { 200: ticketSchema, 409: problemSchema, ...notFound } },
  }, async (req) => runtime.tickets.changeStatus(req.params.id, req.body, actor(req)));

  app.post('/api/tickets/:id/comments', {
    config: { auth: 'operator' },
    schema: { tags: ['tickets'], summary: 'Comment; the first public comment by a support agent is the first response', params: idParams, body: commentInput, response: { 201: z.object({ ticket: ticketSchema, comment: commentSchema }), ...notFound } },
  }, async (req, reply) => reply.code(201).send(await runtime.tickets.comment(req.params.id, req.body, actor(req))));

  app.post('/api/tickets/:id/assign', {
    config: { auth: 'operator' },
    schema: { tags: ['tickets'], summary: 'Assign to a support agent by hand (null unassigns)', params: idParams, body: assignInput, response: { 200: ticketSchema, 409: problemSchema, ...notFound } },
  }, async (req) => runtime.tickets.assign(req.params.id, req.body, actor(req)));

  app.post('/api/tickets/:id/escalate', {
    config: { auth: 'operator' },
    schema: { tags: ['tickets'], summary: 'Escalate one tier up (or to toTier) and re-route', params: idParams, body: escalateInput, response: { 200: ticketSchema, 409: problemSchema, ...notFound } },
  }, async (req) => runtime.tickets.escalate(req.params.id, { reason: req.body.reason, toTier: req.body.toTier, actor: actor(req) }));

  app.post('/api/tickets/:id/routing', {
    config: { auth: 'operator' },
    schema: { tags: ['tickets'], summary: 'Route the ticket again now', params: idParams, body: z.strictObject({ reason: z.string().trim().min(1).max(500) }), response: { 200: ticketSchema, 409: problemSchema, ...notFound } },
  }, async (req) => runtime.tickets.reroute(req.params.id, { reason: req.body.reason, actor: actor(req) }));

  app.get('/api/tickets/:id/routing', {
    config: { auth: 'viewer' },
    schema: { tags: ['tickets'], summary: 'The routing decisions of a ticket, newest first', params: idParams, response: { 200: z.object({ items: z.array(routingDecisionSchema) }), ...notFound } },
  }, async (req) => ({ items: (await runtime.tickets.detail(req.params.id)).routing }));

  app.get('/api/routing/queue', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['tickets'],
      summary: 'Tickets waiting for capacity, in the order they will be routed (priority, SLA deadline, age)',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: { 200: z.object({ items: z.array(ticketSchema) }), ...authErrors },
    },
  }, async (req) => ({ items: await runtime.tickets.queue(req.query.limit) }));

  app.get('/api/escalation/mode', {
    config: { auth: 'viewer' },
    schema: { tags: ['tickets'], summary: 'Escalation mode (off, shadow, production) and router settings', response: { 200: settingsSchema, ...authErrors } },
  }, async () => runtime.escalation.get());

  app.put('/api/escalation/mode', {
    config: { auth: 'operator' },
    schema: { tags: ['tickets'], summary: 'Switch the escalation mode; shadow records decisions without assigning', body: escalationModeInput, response: { 200: settingsSchema, ...authErrors } },
  }, async (req) => runtime.escalation.setMode(req.body, actor(req)));

  app.put('/api/escalation/router', {
    config: { auth: 'operator' },
    schema: { tags: ['tickets'], summary: 'Router settings: strategy, default maximum of concurrent tickets, idle timeout (minutes)', body: routerSettingsInput, response: { 200: settingsSchema, ...authErrors } },
  }, async (req) => runtime.escalation.setRouter(req.body, actor(req)));

  registerSupportAgentRoutes(app, runtime);
  registerIntakeRoutes(app, runtime);
}
