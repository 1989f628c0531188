// Support agents over HTTP: list with loads, create, change, status; viewers read, operators write.
import { z } from 'zod';
import { agentStatusInput, createAgentInput, updateAgentInput } from '../../core/routing/agent-input';
import { AGENT_STATUSES, TIERS } from '../../core/routing/types';
import type { Runtime } from '../../engine/runtime';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

export const supportAgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  tier: z.enum(TIERS),
  skills: z.array(z.object({ skill: z.string(), level: z.number() })),
  maxConcurrent: z.number().nullable().describe('null = the default maximum'),
  status: z.enum(AGENT_STATUSES),
  schedule: z.object({ timeZone: z.string(), hours: z.array(z.object({ day: z.number(), start: z.string(), end: z.string() })) }).nullable(),
  load: z.number().describe('open tickets assigned now'),
  capacity: z.number().describe('the maximum in force (own or default)'),
  lastAssignedAt: z.string().nullable(),
  lastActiveAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

const idParams = z.object({ id: z.string().min(1).max(100) });

export function registerSupportAgentRoutes(app: App, runtime: Runtime): void {
  const withCapacity = async <T extends { maxConcurrent: number | null }>(agents: T[]) => {
    const { defaultMaxConcurrent } = await runtime.escalation.get();
    return agents.map((a) => ({ ...a, capacity: a.maxConcurrent ?? defaultMaxConcurrent }));
  };
  const one = async <T extends { maxConcurrent: number | null }>(agent: T) => ({ ...agent, capacity: agent.maxConcurrent ?? (await runtime.escalation.get()).defaultMaxConcurrent });

  app.get('/api/support-agents', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['support agents'],
      summary: 'List support agents with their current load and capacity',
      querystring: z.object({ tier: z.enum(TIERS).optional(), status: z.enum(AGENT_STATUSES).optional() }),
      response: { 200: z.object({ items: z.array(supportAgentSchema), defaultMaxConcurrent: z.number() }), ...authErrors },
    },
  }, async (req) => ({ items: await withCapacity(await runtime.supportAgents.list(req.query)), defaultMaxConcurrent: (await runtime.escalation.get()).defaultMaxConcurrent }));

  app.get('/api/support-agents/:id', {
    config: { auth: 'viewer' },
    schema: { tags: ['support agents'], summary: 'One support agent', params: idParams, response: { 200: supportAgentSchema, 404: problemSchema, ...authErrors } },
  }, async (req) => one(await runtime.supportAgents.get(req.params.id)));

  app.post('/api/support-agents', {
    config: { auth: 'operator' },
    schema: { tags: ['support agents'], summary: 'Add a support agent (an online agent takes queued tickets at once)', body: createAgentInput, response: { 201: supportAgentSchema, 409: problemSchema, ...authErrors } },
  }, async (req, reply) => reply.code(201).send(await one(await runtime.supportAgents.create(req.body, principalOf(req).name))));

  app.patch('/api/support-agents/:id', {
    config: { auth: 'operator' },
    schema: { tags: ['support agents'], summary: 'Change a support agent (tier, skills, maximum, schedule, status)', params: idParams, body: updateAgentInput, response: { 200: supportAgentSchema, 404: problemSchema, ...authErrors } },
  }, async (req) => one(await runtime.supportAgents.update(req.params.id, req.body, principalOf(req).name)));

  app.post('/api/support-agents/:id/status', {
    config: { auth: 'operator' },
    schema: {
      tags: ['support agents'],
      summary: 'Set online/away/offline: going away or offline re-routes the agent\'s open tickets, coming online takes queued ones',
      params: idParams,
      body: agentStatusInput,
      response: { 200: supportAgentSchema, 404: problemSchema, ...authErrors },
    },
  }, async (req) => one(await runtime.supportAgents.setStatus(req.params.id, req.body, principalOf(req).name)));
}
