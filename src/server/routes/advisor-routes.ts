// The operations toolkit over HTTP: five stateless analyses (viewer: they change nothing) with
// Markdown/CSV exports, and saved toolkit documents with versions (operator writes).
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { kpiListSchema, okrSetSchema, riskRegisterSchema, routeInputSchema, taskSchema, valueStreamSchema } from '../../core/advisor';
import { isoDateSchema } from '../../core/advisor/kpi/iso-date';
import { KPI_TABLES, kpiExport, processExport, riskExport, routeExport, scheduleExport, type Export, type ExportFormat } from '../../engine/advisor-analyses';
import { documentIdSchema, saveDocumentInput, type DocumentAnalysisOptions } from '../../engine/advisor-service';
import type { Runtime } from '../../engine/runtime';
import { ADVISOR_DOCUMENT_KINDS } from '../../store/advisor-documents-repo';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

/**
 * The core validates analysis bodies itself, so every error (including rules across fields) comes
 * back at once with its pointer or line; Fastify only checks the query and path. The body schemas
 * below still document each request in the OpenAPI document.
 */
const coreValidatesBody: typeof validatorCompiler = (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route));

const format = z.enum(['json', 'md', 'csv']).default('json').describe('json (default), or a Markdown or CSV download');
const analysisResponse = z.looseObject({ explanation: z.array(z.string()) }).describe('The analysis; every result carries the explanation lines');
/** With ?format=md|csv the body is the report as text/markdown or text/csv instead. */
const analysisOrReport = z.union([analysisResponse, z.string().describe('text/markdown or text/csv, with ?format=md|csv')]);
const errors = { ...authErrors, 404: problemSchema, 409: problemSchema, 415: problemSchema };
const scheduleQuery = {
  people: z.coerce.number().int().min(1).max(1000).optional().describe('People working in parallel (required unless the body or document says)'),
  deadline: z.coerce.number().positive().optional().describe('Deadline in the estimate unit; an unreachable one is explained'),
  unit: z.enum(['points', 'days']).optional(),
};
const processQuery = {
  targetReduction: z.coerce.number().gt(0).lt(1).optional().describe('Lead-time cut the DMAIC report aims for (0.3 = 30%)'),
  horizon: z.string().max(200).optional(),
};
const kpiQuery = {
  asOf: isoDateSchema.optional().describe('Today for deadlines and OKR pace (default: the server date)'),
  table: z.enum(KPI_TABLES).optional().describe('Which table a CSV export holds'),
};

/** The part of a reply a download needs; Fastify sends a non-JSON string as it is, unserialised. */
interface DownloadReply {
  type(contentType: string): { header(name: string, value: string): { send(body: string): void } };
}

function download(reply: DownloadReply, out: Export, filename: string): void {
  reply.type(out.contentType).header('content-disposition', `attachment; filename="${filename}"`).send(out.body);
}

function send(reply: DownloadReply, fmt: 'json' | ExportFormat, json: { explanation: string[] }, exporter: (f: ExportFormat) => Export, name: string) {
  // The spread gives an anonymous object type, which fits the response's open object schema.
  if (fmt === 'json') return { ...json };
  download(reply, exporter(fmt), `${name}.${fmt}`);
  return undefined;
}

export function registerAdvisorRoutes(root: App, runtime: Runtime): void {
  // An encapsulated scope: its body validation and its text/csv parser apply to these routes only.
  void root.register(async (scope) => registerInScope(scope.withTypeProvider<ZodTypeProvider>(), runtime));
}

function registerInScope(app: App, runtime: Runtime): void {
  const advisor = runtime.advisor;
  app.setValidatorCompiler(coreValidatesBody);
  // Work breakdowns may be posted as CSV text (id,name,estimate,depends_on).
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post('/api/advisor/route', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['advisor'],
      summary: 'Route an operational problem to a skill: scores with matched phrases, clarifying questions, plan, library problem types',
      body: routeInputSchema,
      querystring: z.object({ format }),
      response: { 200: analysisOrReport, ...errors },
    },
  }, async (req, reply) => {
    const result = await advisor.route(req.body);
    return send(reply, req.query.format, result, (f) => routeExport(result, f), 'advice');
  });

  app.post('/api/advisor/process', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['advisor'],
      summary: 'Value-stream analysis (lead time, efficiency, bottleneck, wastes) with a DMAIC report',
      body: valueStreamSchema,
      querystring: z.object({ format, ...processQuery }),
      response: { 200: analysisOrReport, ...errors },
    },
  }, async (req, reply) => {
    const { format: f, ...options } = req.query;
    const result = advisor.process(req.body, options);
    return send(reply, f, result, (x) => processExport(result, x), 'process');
  });

  app.post('/api/advisor/schedule', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['advisor'],
      summary: 'Critical path and a resource-levelled schedule for N people; body: JSON tasks, {tasks, people, …}, or text/csv',
      body: z.union([z.array(taskSchema), z.object({ tasks: z.array(taskSchema), people: z.number().int().optional(), deadline: z.number().optional() }), z.string().describe('text/csv')]),
      querystring: z.object({ format, ...scheduleQuery }),
      response: { 200: analysisOrReport, ...errors },
    },
  }, async (req, reply) => {
    const { format: f, ...overrides } = req.query;
    const run = advisor.schedule(req.body, overrides);
    return send(reply, f, run.analysis, (x) => scheduleExport(run, x), 'schedule');
  });

  app.post('/api/advisor/risk', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['advisor'],
      summary: 'Risk register: probability × impact, 5×5 heat map, strategies, key risk indicators (live bindings resolved where possible)',
      body: riskRegisterSchema,
      querystring: z.object({ format }),
      response: { 200: analysisOrReport, ...errors },
    },
  }, async (req, reply) => {
    const result = await advisor.risk(req.body);
    return send(reply, req.query.format, result, (x) => riskExport(result, x), 'risks');
  });

  app.post('/api/advisor/kpi', {
    config: { auth: 'viewer' },
    schema: {
      tags: ['advisor'],
      summary: 'KPIs against SMART, balanced scorecard with trends, OKR progress; live bindings resolved or reported as not yet resolvable',
      body: z.union([kpiListSchema, z.object({ kpis: kpiListSchema.optional(), objectives: okrSetSchema.shape.objectives.optional() })]),
      querystring: z.object({ format, ...kpiQuery }),
      response: { 200: analysisOrReport, ...errors },
    },
  }, async (req, reply) => {
    const { format: f, asOf, table } = req.query;
    const result = await advisor.kpi(req.body, asOf);
    return send(reply, f, result, (x) => kpiExport(result, x, table), 'kpis');
  });

  const documentInfo = z.object({
    id: z.string(),
    version: z.number().int(),
    kind: z.enum(ADVISOR_DOCUMENT_KINDS),
    name: z.string(),
    summary: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
  });

  app.get('/api/advisor/documents', {
    schema: {
      tags: ['advisor'],
      summary: 'Saved toolkit documents, latest version of each',
      querystring: z.object({ kind: z.enum(ADVISOR_DOCUMENT_KINDS).optional() }),
      response: { 200: z.object({ items: z.array(documentInfo) }), ...authErrors },
    },
  }, async (req) => ({ items: await advisor.list(req.query.kind) }));

  app.post('/api/advisor/documents', {
    config: { auth: 'operator' },
    schema: {
      tags: ['advisor'],
      summary: 'Save a toolkit document; an existing id gets a new version. Invalid content stores nothing',
      body: saveDocumentInput,
      response: { 201: documentInfo.extend({ content: z.unknown() }), ...errors },
    },
  }, async (req, reply) => reply.code(201).send(await advisor.save(req.body, principalOf(req))));

  app.get('/api/advisor/documents/:id', {
    schema: {
      tags: ['advisor'],
      summary: 'A toolkit document with its versions and analysis; ?format=md|csv downloads the analysis report',
      params: z.object({ id: documentIdSchema }),
      querystring: z.object({ version: z.coerce.number().int().min(1).optional(), format, ...scheduleQuery, ...processQuery, ...kpiQuery }),
      response: {
        200: z.union([
          z.object({
            document: documentInfo.extend({ content: z.unknown() }),
            versions: z.array(documentInfo),
            analysis: analysisResponse.nullable(),
            analysisNote: z.string().nullable(),
          }),
          z.string().describe('text/markdown or text/csv, with ?format=md|csv'),
        ]),
        ...errors,
      },
    },
  }, async (req, reply) => {
    const { version, format: f, ...rest } = req.query;
    const options: DocumentAnalysisOptions = rest;
    if (f === 'json') {
      const detail = await advisor.get(req.params.id, version, options);
      return { ...detail, analysis: detail.analysis === null ? null : { ...detail.analysis } };
    }
    const out = await advisor.export(req.params.id, version, f, options);
    download(reply, out, out.filename);
    return reply;
  });
}
