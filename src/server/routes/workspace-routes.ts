// The operator workspace over HTTP, thin over the workspace service: assign a pattern to a team,
// list, detail with stage history, steps, the Jira CSV, the results report and the case study.
import type { FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { historyEntrySchema, stageSchema, stepSchema, workspaceSchema } from '../../core/workspace/workspace-schema';
import type { Runtime } from '../../engine/runtime';
import type { WorkspaceDetail } from '../../engine/workspace-service';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

/** The service validates bodies itself, so every error comes back at once with its JSON pointer. */
const serviceValidatesBody: typeof validatorCompiler = (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route));

const TAGS = ['workspaces'];
const idParam = z.object({ id: z.string().min(1).max(64) });
const readErrors = { ...authErrors, 404: problemSchema };
const writeErrors = { ...readErrors, 409: problemSchema };
const text = z.string();

const journeySchema = z.object({
  steps: z.array(z.object({ stage: stageSchema, label: z.string(), beat: z.string(), event: z.string(), status: z.enum(['done', 'current', 'next', 'later']), at: z.string().nullable() })),
  next: z.object({ step: stepSchema, blockers: z.array(z.string()) }).nullable(),
  allowed: z.array(stepSchema),
  window: z.object({ endsAt: z.string(), elapsed: z.boolean(), daysLeft: z.number() }).nullable(),
});

export const workspaceDetailSchema = z.object({
  workspace: workspaceSchema,
  history: z.array(historyEntrySchema),
  journey: journeySchema,
  reportAvailable: z.boolean(),
  integrations: z.object({ metrics: z.boolean(), escalationMode: z.boolean() }),
});

const reportSchema = z.object({
  title: z.string(),
  results: z.object({
    rows: z.array(z.object({ metric: z.string(), segment: z.string(), before: z.number().nullable(), after: z.number().nullable(), improvementPercent: z.number().nullable() })),
    roi: z.object({ hoursSaved: z.number(), savings: z.number(), implementationCost: z.number(), multiple: z.number().nullable(), net: z.number(), currency: z.string() }).nullable(),
  }),
  charts: z.array(z.object({ metric: z.string(), svg: z.string() })),
});

function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

function detail(d: WorkspaceDetail) {
  return d;
}

export function registerWorkspaceRoutes(root: App, runtime: Runtime): void {
  void root.register(async (scope) => registerInScope(scope.withTypeProvider<ZodTypeProvider>(), runtime));
}

function registerInScope(app: App, runtime: Runtime): void {
  app.setValidatorCompiler(serviceValidatesBody);
  const workspaces = runtime.workspaces;

  app.get('/api/workspaces', {
    schema: {
      tags: TAGS,
      summary: 'Workspaces, most recently changed first, with their stage',
      querystring: z.object({ stage: stageSchema.optional(), pattern: z.string().max(80).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
      response: { 200: z.object({ items: z.array(workspaceSchema.extend({ updatedAt: z.string() })) }), ...authErrors },
    },
  }, async (req) => ({
    items: await workspaces.list({ ...(req.query.stage ? { stage: req.query.stage } : {}), ...(req.query.pattern ? { patternSlug: req.query.pattern } : {}), ...(req.query.limit ? { limit: req.query.limit } : {}) }),
  }));

  app.post('/api/workspaces', {
    config: { auth: 'operator' },
    schema: {
      tags: TAGS,
      summary: 'Assign a pattern to a team (pattern.assigned)',
      description: 'Body: { team, owner, patternSlug, patternVersion?, stabilizationDays? (14), client?: { name, aliases?, label?, terms?: [{ from, to }] } }.',
      body: z.unknown(),
      response: { 201: workspaceDetailSchema, ...readErrors },
    },
  }, async (req, reply) => {
    const created = await workspaces.create(req.body, principalOf(req).name);
    return reply.code(201).header('location', `/api/workspaces/${created.workspace.id}`).send(detail(created));
  });

  app.get('/api/workspaces/:id', {
    schema: { tags: TAGS, summary: 'A workspace: state, stage history, where it stands in the journey and what blocks the next step', params: idParam, response: { 200: workspaceDetailSchema, ...readErrors } },
  }, async (req) => detail(await workspaces.get(req.params.id)));

  app.post('/api/workspaces/:id/steps/:step', {
    config: { auth: 'operator' },
    schema: {
      tags: TAGS,
      summary: 'Take one step of the journey; refused with 409 naming what is missing and the allowed steps',
      description:
        'Steps: kickoff { owners? }, owners { owners: { itemId: name | null } }, export {}, baseline { source: import|live|manual, importId?, windowStart?, windowEnd?, figures? }, shadow {}, production { stabilizationDays? }, measure { windowStart?, windowEnd?, figures?, force?, reason? }, report { implementationCost?, costPerHour?, currency? }, lessons { lessons: [text] }.',
      params: z.object({ id: idParam.shape.id, step: z.string().max(40) }),
      body: z.unknown(),
      response: { 200: workspaceDetailSchema, ...writeErrors },
    },
  }, async (req) => detail(await workspaces.step(req.params.id, req.params.step, req.body ?? {}, principalOf(req).name)));

  app.get('/api/workspaces/:id/checklist.csv', {
    schema: { tags: TAGS, summary: "The checklist as CSV for Jira's importer, with each item's owner as Assignee", params: idParam, response: { 200: text.describe('text/csv'), ...writeErrors } },
  }, async (req, reply) => {
    const { filename, csv } = await workspaces.checklistCsv(req.params.id, originOf(req));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
  });

  app.get('/api/workspaces/:id/report', {
    schema: { tags: TAGS, summary: 'The results: before/after rows per metric and priority, ROI, charts as SVG', params: idParam, response: { 200: reportSchema, ...writeErrors } },
  }, async (req) => {
    const { title, results, charts } = await workspaces.report(req.params.id);
    return { title, results, charts };
  });

  for (const format of ['md', 'html'] as const) {
    app.get(`/api/workspaces/:id/report.${format}`, {
      schema: { tags: TAGS, summary: `The results report as ${format === 'md' ? 'Markdown' : 'a printable HTML page'}`, params: idParam, response: { 200: text.describe(format === 'md' ? 'text/markdown' : 'text/html'), ...writeErrors } },
    }, async (req, reply) => {
      const report = await workspaces.report(req.params.id);
      const type = format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8';
      // The HTML page carries no script; a strict policy keeps it that way when opened from the API.
      if (format === 'html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      return reply.type(type).header('content-disposition', `${format === 'md' ? 'attachment' : 'inline'}; filename="results-${req.params.id}.${format}"`).send(format === 'md' ? report.markdown : report.html);
    });
  }

  app.get('/api/workspaces/:id/case-study.md', {
    schema: { tags: TAGS, summary: "The anonymized case study (challenge, solution, results, before/after diagrams with the client's terms; never the client's name)", params: idParam, response: { 200: text.describe('text/markdown'), ...readErrors } },
  }, async (req, reply) => reply.type('text/markdown; charset=utf-8').header('content-disposition', `attachment; filename="case-study-${req.params.id}.md"`).send(await workspaces.caseStudy(req.params.id)));
}
