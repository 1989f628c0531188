// Typed client for system status, the audit search and CSV export, and context observability (issue 7).
import { z } from 'zod/mini';
import { api, buildUrl, type ApiClient } from './client';
import { auditListSchema, eventListSchema } from './types';
import { queueDetailSchema } from './queues';

const checkStatus = z.enum(['ok', 'warn', 'fail']);
export const statusSchema = z.object({
  status: checkStatus,
  at: z.string(),
  checks: z.array(z.object({ name: z.string(), status: checkStatus, latencyMs: z.number(), detail: z.string() })),
  workers: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), host: z.string(), pid: z.number(), startedAt: z.string(), heartbeatAt: z.string(), ageMs: z.number(), alive: z.boolean() })),
  history: z.array(z.object({ at: z.string(), status: checkStatus, checks: z.array(z.object({ name: z.string(), status: checkStatus, latencyMs: z.number() })) })),
});
export type SystemStatus = z.infer<typeof statusSchema>;

export interface AuditSearch {
  actor?: string;
  action?: string;
  target?: string;
  since?: string;
  until?: string;
  before?: number;
  limit?: number;
}

export const alertListSchema = z.object({
  items: z.array(z.object({ id: z.number(), topic: z.string(), key: z.nullable(z.string()), payload: z.record(z.string(), z.unknown()), createdAt: z.string(), severity: z.enum(['critical', 'warning', 'info']) })),
});
export type ContextAlerts = z.infer<typeof alertListSchema>;

export const contextMetricsSchema = z.object({
  context: z.object({ kind: z.string(), id: z.string() }),
  tasks: z.object({ byStatus: z.record(z.string(), z.number()), deadLetters: z.number(), attempts: z.number(), avgDurationMs: z.nullable(z.number()) }),
  journeys: z.nullable(z.object({ byStatus: z.record(z.string(), z.number()), stages: z.record(z.string(), z.number()) })),
  queue: z.nullable(queueDetailSchema),
});
export type ContextMetrics = z.infer<typeof contextMetricsSchema>;

const ctxPath = (kind: string, id: string, tail: string) => `/api/context/${encodeURIComponent(kind)}/${encodeURIComponent(id)}/${tail}`;

export function statusApi(client: ApiClient = api) {
  return {
    get: (signal?: AbortSignal) => client.request('/api/status', { schema: statusSchema, ...(signal ? { signal } : {}) }),
    audit: (q: AuditSearch, signal?: AbortSignal) => client.request('/api/audit/search', { query: { ...q }, schema: auditListSchema, ...(signal ? { signal } : {}) }),
    /** The CSV export's address with the same filters (a plain link: the browser downloads it with the session cookie). */
    auditCsvUrl: (q: AuditSearch) => buildUrl('', '/api/audit.csv', { ...q, before: undefined, limit: undefined }),
    contextEvents: (kind: string, id: string, signal?: AbortSignal) => client.request(ctxPath(kind, id, 'events'), { query: { limit: 100 }, schema: eventListSchema, ...(signal ? { signal } : {}) }),
    contextAlerts: (kind: string, id: string, signal?: AbortSignal) => client.request(ctxPath(kind, id, 'alerts'), { schema: alertListSchema, ...(signal ? { signal } : {}) }),
    contextMetrics: (kind: string, id: string, signal?: AbortSignal) => client.request(ctxPath(kind, id, 'metrics'), { schema: contextMetricsSchema, ...(signal ? { signal } : {}) }),
  };
}

export const status = statusApi();
