// SLA policies (versioned), business calendars, escalation policies and SLA clocks over HTTP:
// viewers read, operators write.
import { z } from 'zod';
import { businessCalendarInput } from '../../core/sla/business-calendar';
import { escalationPolicyInput } from '../../core/sla/escalation-policy';
import { slaPolicyInput } from '../../core/sla/policy';
import type { Runtime } from '../../engine/runtime';
import { clocksAtRisk, ticketSla } from '../../engine/sla-views';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

// Responses are documented by their summaries; their shapes are the services' types.
const item = z.unknown();
const list = z.object({ items: z.array(item) });
const idParams = z.object({ id: z.string().min(1).max(64) });
const withId = <T extends z.ZodType>(schema: T) => z.intersection(z.object({ id: z.string() }), schema);
const readErrors = { 404: problemSchema, ...authErrors };
const writeErrors = { 404: problemSchema, 409: problemSchema, ...authErrors };

export function registerSlaRoutes(app: App, runtime: Runtime): void {
  const cfg = runtime.sla.config;
  const actor = (req: Parameters<typeof principalOf>[0]) => principalOf(req).name;

  app.get('/api/sla-policies', { schema: { tags: ['sla'], summary: 'SLA policies (current versions; the default first)', response: { 200: list, ...authErrors } } }, async () => ({ items: await cfg.listPolicies() }));
  app.get('/api/sla-policies/:id', {
    schema: { tags: ['sla'], summary: 'One SLA policy, its current or a given version, and its version list', params: idParams, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }), response: { 200: item, ...readErrors } },
  }, async (req) => cfg.getPolicy(req.params.id, req.query.version));
  app.post('/api/sla-policies', {
    config: { auth: 'operator' },
    schema: { tags: ['sla'], summary: 'Create an SLA policy (version 1)', body: withId(slaPolicyInput), response: { 201: item, ...writeErrors } },
  }, async (req, reply) => {
    const { id, ...rest } = req.body as { id: string } & Record<string, unknown>;
    return reply.code(201).send(await cfg.savePolicy(id, rest, actor(req), false));
  });
  app.put('/api/sla-policies/:id', {
    config: { auth: 'operator' },
    schema: { tags: ['sla'], summary: 'Write the next version of an SLA policy (running tickets keep theirs)', params: idParams, body: slaPolicyInput, response: { 200: item, ...writeErrors } },
  }, async (req) => cfg.savePolicy(req.params.id, req.body, actor(req), true));

  app.get('/api/business-calendars', { schema: { tags: ['sla'], summary: 'Business-hours calendars', response: { 200: list, ...authErrors } } }, async () => ({ items: await cfg.listCalendars() }));
  app.get('/api/business-calendars/:id', { schema: { tags: ['sla'], summary: 'One business calendar', params: idParams, response: { 200: item, ...readErrors } } }, async (req) => cfg.getCalendar(req.params.id));
  app.post('/api/business-calendars', {
    config: { auth: 'operator' },
    schema: { tags: ['sla'], summary: 'Create a business calendar (time zone, weekly hours, holidays)', body: withId(businessCalendarInput), response: { 201: item, ...writeErrors } },
  }, async (req, reply) => {
    const { id, ...rest } = req.body as { id: string } & Record<string, unknown>;
    return reply.code(201).send(await cfg.saveCalendar(id, rest, actor(req), false));
  });
  app.put('/api/business-calendars/:id', {
    config: { auth: 'operator' },
    schema: { tags: ['sla'], summary: 'Replace a business calendar', params: idParams, body: businessCalendarInput, response: { 200: item, ...writeErrors } },
  }, async (req) => cfg.saveCalendar(req.params.id, req.body, actor(req), true));

  app.get('/api/escalation-policies', { schema: { tags: ['sla'], summary: 'Escalation policies (levels after the breach, repeats)', response: { 200: list, ...authErrors } } }, async () => ({ items: await cfg.listEscalationPolicies() }));
  app.get('/api/escalation-policies/:id', { schema: { tags: ['sla'], summary: 'One escalation policy', params: idParams, response: { 200: item, ...readErrors } } }, async (req) => cfg.getEscalationPolicy(req.params.id));
  app.post('/api/escalation-policies', {
    config: { auth: 'operator' },
    schema: { tags: ['sla'], summary: 'Create an escalation policy', body: withId(escalationPolicyInput), response: { 201: item, ...writeErrors } },
  }, async (req, reply) => {
    const { id, ...rest } = req.body as { id: string } & Record<string, unknown>;
    return reply.code(201).send(await cfg.saveEscalationPolicy(id, rest, actor(req), false));
  });
  app.put('/api/escalation-policies/:id', {
    config: { auth: 'operator' },
    schema: { tags: ['sla'], summary: 'Replace an escalation policy', params: idParams, body: escalationPolicyInput, response: { 200: item, ...writeErrors } },
  }, async (req) => cfg.saveEscalationPolicy(req.params.id, req.body, actor(req), true));

  app.get('/api/sla/clocks', {
    schema: { tags: ['sla'], summary: 'Open SLA clocks, soonest breach first, with business time used and left', querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }), response: { 200: z.object({ open: z.number(), items: z.array(item) }), ...authErrors } },
  }, async (req) => clocksAtRisk(runtime.db, runtime.clock.now().getTime(), req.query.limit));

  app.get('/api/tickets/:id/sla', {
    schema: { tags: ['sla'], summary: "A ticket's SLA clocks and alerts", params: z.object({ id: z.string().min(1).max(100) }), response: { 200: item, ...readErrors } },
  }, async (req) => {
    await runtime.tickets.get(req.params.id);
    return ticketSla(runtime.db, req.params.id, runtime.clock.now().getTime());
  });
}
