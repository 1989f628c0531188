// Typed client for the technical help desk (issue 7): search, the client view, the Issue Detective,
// playbooks and a ticket created from a finding.
import { z } from 'zod/mini';
import { api, type ApiClient } from './client';

export const searchResultSchema = z.object({ type: z.string(), id: z.string(), name: z.string(), detail: z.string(), link: z.string(), score: z.number(), matched: z.string() });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const evidenceSchema = z.object({ type: z.string(), id: z.string(), shows: z.string() });
export const findingSchema = z.object({
  kind: z.string(),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  title: z.string(),
  explanation: z.string(),
  evidence: z.array(evidenceSchema),
  playbookId: z.string(),
  about: z.object({ type: z.string(), id: z.string() }),
  clientId: z.nullable(z.string()),
});
export type Finding = z.infer<typeof findingSchema>;

const clockSchema = z.object({ metric: z.string(), status: z.string(), fraction: z.number(), remainingMs: z.number() });
export const clientViewSchema = z.object({
  clientId: z.string(),
  name: z.nullable(z.string()),
  journeys: z.array(z.object({ journeyId: z.string(), definitionId: z.string(), currentStage: z.string(), status: z.string(), startedAt: z.string(), stageStartedAt: z.string(), completedStages: z.array(z.string()) })),
  failures: z.array(z.object({ id: z.string(), journeyId: z.nullable(z.string()), name: z.string(), handler: z.string(), lastError: z.nullable(z.string()), totalAttempts: z.number(), deadLetteredAt: z.nullable(z.string()) })),
  tickets: z.array(z.object({ id: z.string(), subject: z.string(), status: z.string(), priority: z.string(), sla: z.string(), clocks: z.array(clockSchema) })),
  events: z.array(z.object({ id: z.number(), topic: z.string(), key: z.nullable(z.string()), createdAt: z.string() })),
  findingCount: z.number(),
});
export type ClientView = z.infer<typeof clientViewSchema>;

const playbookSummarySchema = z.object({ id: z.string(), title: z.string(), appliesTo: z.array(z.string()), summary: z.string(), stepCount: z.number() });
export type PlaybookSummary = z.infer<typeof playbookSummarySchema>;
const playbookSchema = z.extend(playbookSummarySchema, { steps: z.array(z.string()), html: z.string() });
export type Playbook = z.infer<typeof playbookSchema>;

export type SubjectKind = 'journey' | 'task' | 'client' | 'ticket';

export function helpdeskApi(client: ApiClient = api) {
  return {
    search: (q: string, signal?: AbortSignal) => client.request('/api/helpdesk/search', { query: { q }, schema: z.object({ items: z.array(searchResultSchema) }), signal }),
    client: (id: string, signal?: AbortSignal) => client.request(`/api/helpdesk/clients/${encodeURIComponent(id)}`, { schema: clientViewSchema, signal }),
    detective: (kind: SubjectKind, id: string, signal?: AbortSignal) => client.request('/api/helpdesk/detective', { query: { kind, id }, schema: z.object({ findings: z.array(findingSchema) }), signal }),
    playbooks: (signal?: AbortSignal) => client.request('/api/playbooks', { schema: z.object({ items: z.array(playbookSummarySchema) }), signal }),
    playbook: (id: string, signal?: AbortSignal) => client.request(`/api/playbooks/${encodeURIComponent(id)}`, { schema: playbookSchema, signal }),
    ticketFromFinding: (subject: { kind: SubjectKind; id: string }, f: Finding, baseUrl: string) =>
      client.request('/api/helpdesk/findings/tickets', { method: 'POST', body: { subject, findingKind: f.kind, aboutId: f.about.id, baseUrl }, schema: z.object({ ticket: z.object({ id: z.string(), priority: z.string() }) }) }),
  };
}

export const helpdesk = helpdeskApi();
