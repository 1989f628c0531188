// Metrics over HTTP: the definitions, CSV history import (preview, then ?commit=true), baseline and
// measured snapshots, and before/after comparisons with ROI. Reads need viewer, writes operator.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { METRIC_DEFINITIONS, ROI_DEFINITION } from '../../core/metrics';
import { AppError } from '../../core/shared/error-codes';
import { liveInput, snapshotInput } from '../../engine/metrics-service';
import type { MetricSnapshot } from '../../store/metric-snapshots-repo';
import type { Runtime } from '../../engine/runtime';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

const TAGS = ['metrics'];
const errors = { ...authErrors, 404: problemSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema };
const snapshotId = z.string().regex(/^ms_[0-9a-f]{16}$/, 'a snapshot id looks like ms_0123456789abcdef');
const snapshotSchema = z.looseObject({ id: z.string(), kind: z.enum(['baseline', 'measured']), source: z.string(), figures: z.looseObject({}) });
const previewSchema = z.looseObject({ importId: z.string().nullable(), committed: z.boolean(), total: z.number(), valid: z.number(), invalid: z.number(), errors: z.array(z.looseObject({ message: z.string() })) });

/** Interfaces have no index signature; a spread copy fits the open response schemas. */
const plain = (s: MetricSnapshot) => ({ ...s, figures: { ...s.figures } });

export function registerMetricsRoutes(root: App, runtime: Runtime): void {
  // An encapsulated scope, so the text/csv parser applies to these routes only.
  void root.register(async (scope) => registerInScope(scope.withTypeProvider<ZodTypeProvider>(), runtime));
}

function registerInScope(app: App, runtime: Runtime): void {
  const metrics = runtime.metrics;
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.get('/api/metrics/definitions', {
    config: { auth: 'viewer' },
    schema: { tags: TAGS, summary: 'What each metric means: name, formula in words, unit, direction; and the ROI formula', response: { 200: z.object({ items: z.array(z.looseObject({ key: z.string() })), roi: z.looseObject({}) }), ...authErrors } },
  }, async () => ({ items: METRIC_DEFINITIONS.map((d) => ({ ...d })), roi: { ...ROI_DEFINITION } }));

  app.post('/api/ticket-imports', {
    config: { auth: 'operator' },
    schema: {
      tags: TAGS,
      summary: 'Import historical tickets from CSV (text/csv): answers a preview with line-numbered errors; with ?commit=true stores the valid rows',
      body: z.string().describe('text/csv: created, first response, resolved, priority, assignee, escalations, reopens (Zendesk and Jira export names accepted)'),
      querystring: z.object({ commit: z.enum(['true', 'false']).default('false') }),
      response: { 200: previewSchema, 201: previewSchema, ...errors },
    },
  }, async (req, reply) => {
    if (typeof req.body !== 'string') throw new AppError('OW_UNSUPPORTED_MEDIA_TYPE', 'Send the CSV as the request body with content-type text/csv');
    const out = await metrics.importHistory(req.body, { commit: req.query.commit === 'true', actor: principalOf(req) });
    return reply.code(out.committed ? 201 : 200).send({ ...out, errors: out.errors.map((e) => ({ ...e })) });
  });

  app.get('/api/ticket-imports', {
    config: { auth: 'viewer' },
    schema: { tags: TAGS, summary: 'Imports of ticket history, newest first', response: { 200: z.object({ items: z.array(z.looseObject({ id: z.string() })) }), ...authErrors } },
  }, async () => ({ items: (await metrics.listImports()).map((i) => ({ ...i })) }));

  app.post('/api/metrics/snapshots', {
    config: { auth: 'operator' },
    schema: {
      tags: TAGS,
      summary: 'Capture a baseline or a measurement (metrics.baselined / metrics.measured) from imported history or live tickets',
      body: snapshotInput.extend({ kind: z.enum(['baseline', 'measured']) }),
      response: { 201: snapshotSchema, ...errors },
    },
  }, async (req, reply) => {
    const { kind, ...input } = req.body;
    const actor = principalOf(req);
    const snap = kind === 'baseline' ? await metrics.captureBaseline({ ...input, actor }) : await metrics.measure({ ...input, actor });
    return reply.code(201).send(plain(snap));
  });

  app.get('/api/metrics/snapshots', {
    config: { auth: 'viewer' },
    schema: {
      tags: TAGS,
      summary: 'Metric snapshots, newest first',
      querystring: z.object({ kind: z.enum(['baseline', 'measured']).optional(), workspaceId: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(50) }),
      response: { 200: z.object({ items: z.array(snapshotSchema) }), ...authErrors },
    },
  }, async (req) => ({ items: (await metrics.listSnapshots(req.query)).map(plain) }));

  app.get('/api/metrics/live', {
    config: { auth: 'viewer' },
    schema: {
      tags: TAGS,
      summary: 'MTTR, first response, SLA breach rate and re-escalation rate of the live tickets now (created in the window when given), overall and per priority; nothing stored',
      querystring: liveInput,
      response: { 200: z.object({ at: z.string(), windowStart: z.string().nullable(), windowEnd: z.string().nullable(), figures: z.looseObject({}) }), ...errors },
    },
  }, async (req) => {
    const out = await metrics.live(req.query);
    return { ...out, figures: { ...out.figures } };
  });

  app.get('/api/metrics/snapshots/:id', {
    config: { auth: 'viewer' },
    schema: { tags: TAGS, summary: 'One metric snapshot', params: z.object({ id: snapshotId }), response: { 200: snapshotSchema, ...errors } },
  }, async (req) => plain(await metrics.getSnapshot(req.params.id)));

  app.get('/api/metrics/compare', {
    config: { auth: 'viewer' },
    schema: {
      tags: TAGS,
      summary: 'Before/after of two snapshots with % improvement per metric and priority; ROI when cost per hour and implementation cost are given',
      querystring: z.object({
        baseline: snapshotId,
        measured: snapshotId,
        costPerHour: z.coerce.number().nonnegative().max(1e6).optional(),
        implementationCost: z.coerce.number().nonnegative().max(1e12).optional(),
      }),
      response: { 200: z.looseObject({ baseline: snapshotSchema, measured: snapshotSchema, comparison: z.looseObject({}), roi: z.looseObject({}).nullable() }), ...errors },
    },
  }, async (req) => {
    const { baseline, measured, ...opts } = req.query;
    const c = await metrics.compare(baseline, measured, opts);
    return { baseline: plain(c.baseline), measured: plain(c.measured), comparison: { ...c.comparison }, roi: c.roi ? { ...c.roi } : null };
  });
}
