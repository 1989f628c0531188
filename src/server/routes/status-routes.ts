// System status and the audit viewer's API: health with every check's latency, workers with their
// last heartbeat and a history of samples; the audit log searched by actor, action, target and time
// range, and exported as formula-safe CSV with the same filters.
import { z } from 'zod';
import { auditCsv } from '../../core/ops/audit-csv';
import type { Runtime } from '../../engine/runtime';
import { searchAudit } from '../../store/ops-audit-repo';
import { auditEntrySchema, authErrors } from '../schemas';
import type { App } from '../types';

const checkStatus = z.enum(['ok', 'warn', 'fail']);
const statusSchema = z.object({
  status: checkStatus,
  at: z.string(),
  checks: z.array(z.object({ name: z.string(), status: checkStatus, latencyMs: z.number(), detail: z.string() })),
  workers: z.array(z.object({ id: z.string(), name: z.string(), host: z.string(), pid: z.number(), kind: z.string(), startedAt: z.string(), heartbeatAt: z.string(), stoppedAt: z.string().nullable(), ageMs: z.number(), alive: z.boolean() })),
  history: z.array(z.object({ at: z.string(), status: checkStatus, checks: z.array(z.object({ name: z.string(), status: checkStatus, latencyMs: z.number() })) })),
});

const auditFilters = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(200).optional().describe('An action or action prefix, e.g. task.'),
  target: z.string().max(500).optional(),
  since: z.iso.datetime({ offset: true }).optional().describe('From this instant (inclusive), ISO 8601'),
  until: z.iso.datetime({ offset: true }).optional().describe('Up to this instant (exclusive), ISO 8601'),
});

const date = (s: string | undefined) => (s === undefined ? undefined : new Date(s));

export function registerStatusRoutes(app: App, runtime: Runtime): void {
  app.get('/api/status', {
    config: { auth: 'viewer' },
    schema: { tags: ['health'], summary: 'Health of the system: database, migrations, workers and registered checks with their latency; workers with their last heartbeat; recent samples (computed at most once a second)', response: { 200: statusSchema, ...authErrors } },
  }, async (_req, reply) => {
    // Computed at most once a second and shared; a browser may reuse it for that second too.
    reply.header('cache-control', 'private, max-age=1');
    return runtime.health.sharedReport(1_000);
  });

  app.get('/api/audit/search', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['audit'],
      summary: 'The audit log filtered by actor, action (prefix), target and time range, newest first',
      querystring: auditFilters.extend({ before: z.coerce.number().int().min(1).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...authErrors },
    },
  }, async (req) => ({ items: await searchAudit(runtime.db, { ...req.query, since: date(req.query.since), until: date(req.query.until) }) }));

  app.get('/api/audit.csv', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['audit'],
      summary: 'The audit log as CSV with the same filters (cells that would run as spreadsheet formulas are prefixed with an apostrophe)',
      querystring: auditFilters.extend({ limit: z.coerce.number().int().min(1).max(50_000).default(10_000) }),
      response: { 200: z.string(), ...authErrors },
    },
  }, async (req, reply) => {
    const items = await searchAudit(runtime.db, { ...req.query, since: date(req.query.since), until: date(req.query.until) });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"').send(auditCsv(items));
  });
}
