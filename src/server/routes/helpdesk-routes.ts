// The technical help desk over HTTP: search, the client view, the Issue Detective, the playbook
// library and a ticket created from a finding (operators).
import { z } from 'zod';
import { findingSchema, SUBJECT_KINDS } from '../../core/helpdesk/finding';
import { RESULT_TYPES } from '../../core/helpdesk/search-rank';
import { findingTicketInput, HelpdeskService } from '../../engine/helpdesk-service';
import { PlaybookLibrary } from '../../engine/playbook-library';
import type { Runtime } from '../../engine/runtime';
import { principalOf } from '../auth';
import { authErrors, eventSchema, problemSchema } from '../schemas';
import type { App } from '../types';

const errors = { ...authErrors, 404: problemSchema } as const;

const resultSchema = z.object({ type: z.enum(RESULT_TYPES), id: z.string(), name: z.string(), detail: z.string(), link: z.string(), score: z.number(), matched: z.enum(['id', 'name', 'other']) });
const clockSchema = z.object({ metric: z.string(), status: z.string(), fraction: z.number(), warningFraction: z.number(), remainingMs: z.number(), breachAt: z.string().nullable(), breachedAt: z.string().nullable(), warnedAt: z.string().nullable() });
const clientSchema = z.object({
  clientId: z.string(),
  name: z.string().nullable(),
  journeys: z.array(z.object({ journeyId: z.string(), definitionId: z.string(), currentStage: z.string(), status: z.string(), startedAt: z.string(), stageStartedAt: z.string(), completedStages: z.array(z.string()) })),
  failures: z.array(z.object({ id: z.string(), journeyId: z.string().nullable(), name: z.string(), handler: z.string(), lastError: z.string().nullable(), totalAttempts: z.number(), deadLetteredAt: z.string().nullable(), finishedAt: z.string().nullable() })),
  tickets: z.array(z.object({ id: z.string(), subject: z.string(), status: z.string(), priority: z.string(), createdAt: z.string(), sla: z.enum(['breached', 'at_risk', 'on_track', 'met', 'none']), clocks: z.array(clockSchema) })),
  events: z.array(eventSchema),
  findingCount: z.number(),
});
const playbookSummary = z.object({ id: z.string(), title: z.string(), appliesTo: z.array(z.string()), summary: z.string(), stepCount: z.number() });

export function registerHelpdeskRoutes(app: App, runtime: Runtime): void {
  const helpdesk = new HelpdeskService(runtime.db, runtime.clock, runtime.tickets);
  const playbooks = new PlaybookLibrary();

  app.get('/api/helpdesk/search', {
    schema: {
      tags: ['helpdesk'],
      summary: 'Search clients, journeys, tickets, support agents and task agents by id or name, best match first',
      querystring: z.strictObject({ q: z.string().trim().min(1, 'give something to search for').max(200), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ query: z.string(), items: z.array(resultSchema) }), ...authErrors },
    },
  }, async (req) => ({ query: req.query.q, items: await helpdesk.search(req.query.q, req.query.limit) }));

  app.get('/api/helpdesk/clients/:id', {
    schema: { tags: ['helpdesk'], summary: "A client's journeys, failures, SLA state of its tickets and recent events", params: z.object({ id: z.string().min(1).max(200) }), response: { 200: clientSchema, ...errors } },
  }, async (req) => helpdesk.client(req.params.id));

  app.get('/api/helpdesk/detective', {
    schema: {
      tags: ['helpdesk'],
      summary: 'Issue Detective: findings about a journey, task, client or ticket, each with its explanation, evidence and playbook',
      querystring: z.strictObject({ kind: z.enum(SUBJECT_KINDS), id: z.string().trim().min(1).max(200) }),
      response: { 200: z.object({ subject: z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string() }), findings: z.array(findingSchema) }), ...errors },
    },
  }, async (req) => ({ subject: { kind: req.query.kind, id: req.query.id }, findings: await helpdesk.detective({ kind: req.query.kind, id: req.query.id }) }));

  app.post('/api/helpdesk/findings/tickets', {
    config: { auth: 'operator' },
    schema: {
      tags: ['helpdesk'],
      summary: 'Create a ticket in the escalation runtime from a finding: subject, explanation and evidence, playbook link, priority from severity',
      body: findingTicketInput,
      response: { 201: z.object({ ticket: z.object({ id: z.string(), subject: z.string(), priority: z.string(), clientId: z.string().nullable(), status: z.string() }), finding: findingSchema }), ...errors },
    },
  }, async (req, reply) => {
    const { ticket, finding } = await helpdesk.ticketFromFinding(req.body, principalOf(req).name);
    return reply.code(201).send({ ticket: { id: ticket.id, subject: ticket.subject, priority: ticket.priority, clientId: ticket.clientId, status: ticket.status }, finding });
  });

  app.get('/api/playbooks', {
    schema: { tags: ['helpdesk'], summary: 'The playbook library (optionally those for one finding kind)', querystring: z.strictObject({ kind: z.string().max(60).optional() }), response: { 200: z.object({ items: z.array(playbookSummary) }), ...authErrors } },
  }, async (req) => ({ items: await playbooks.list(req.query.kind) }));

  app.get('/api/playbooks/:id', {
    schema: { tags: ['helpdesk'], summary: 'One playbook: steps, Markdown and its safe HTML', params: z.object({ id: z.string().min(1).max(100) }), response: { 200: playbookSummary.extend({ steps: z.array(z.string()), markdown: z.string(), html: z.string() }), ...errors } },
  }, async (req) => playbooks.get(req.params.id));
}
