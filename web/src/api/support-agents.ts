// Typed client for support agents (issue 6): the people who handle tickets, with load and capacity.
import { z } from 'zod/mini';
import { api, type ApiClient } from './client';

export const supportAgentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  tier: z.string(),
  status: z.enum(['online', 'away', 'offline']),
  skills: z.array(z.object({ skill: z.string(), level: z.number() })),
  load: z.number(),
  capacity: z.number(),
});
export type SupportAgent = z.infer<typeof supportAgentSchema>;
const listSchema = z.object({ items: z.array(supportAgentSchema), defaultMaxConcurrent: z.number() });

export function supportAgentApi(client: ApiClient = api) {
  return {
    list: (signal?: AbortSignal) => client.request('/api/support-agents', { schema: listSchema, ...(signal ? { signal } : {}) }),
    setStatus: (id: string, status: SupportAgent['status']) => client.request(`/api/support-agents/${encodeURIComponent(id)}/status`, { method: 'POST', body: { status }, schema: supportAgentSchema }),
  };
}

export const supportAgents = supportAgentApi();
