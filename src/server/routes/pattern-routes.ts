// The pattern library over HTTP, thin over the pattern service: search, pages and versions, downloads,
// statement of work, white-label, validation (no write), publication (operator), our JSON Schema.
import type { FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PATTERN_SCHEMA_PATH, patternJsonSchema } from '../../core/ows/export-json-schema';
import { PATTERN_PAGE_PATH } from '../../core/ows/checklist';
import { AppError } from '../../core/shared/error-codes';
import { formatLocations, zodIssuesToLocations } from '../../core/shared/zod-errors';
import type { PatternDetail, PublishOutcome } from '../../engine/pattern-service';
import type { Runtime } from '../../engine/runtime';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';
import {
  anyJsonBody,
  checklistJsonSchema,
  detailSchema,
  gateProblemSchema,
  listQuery,
  listSchema,
  publishResultSchema,
  scorecardFileSchema,
  slugParam,
  sowResultSchema,
  validationSchema,
  versionQuery,
  whiteLabelBody,
  whiteLabelSchema,
} from './pattern-schemas';

/** The service validates bodies itself, so every error comes back at once with its JSON pointer. */
const serviceValidatesBody: typeof validatorCompiler = (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route));

const TAGS = ['patterns'];
const slugOnly = z.object({ slug: slugParam });
const readErrors = { ...authErrors, 404: problemSchema };
const text = z.string();

/** Links in checklists and articles point at the server the request reached. */
function originOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

function detailBody(d: PatternDetail) {
  return {
    ...d.record,
    latestVersion: d.latestVersion,
    pattern: { ...d.pattern },
    sections: d.sections,
    scorecard: d.scorecard,
    gates: d.gates,
    references: d.references,
    versions: d.versions,
    components: d.pattern.library.components,
  };
}

function publishBody(p: PublishOutcome) {
  return { ...p.record, status: p.status, totalScore: p.totalScore, maxScore: p.maxScore };
}

function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = zodIssuesToLocations(parsed.error.issues);
  throw new AppError('OW_VALIDATION', `The ${what} is not valid:\n${formatLocations(errors)}`, errors);
}

export function registerPatternRoutes(root: App, runtime: Runtime): void {
  // The catalog loads in the background; what it skipped (and why) goes to the server log.
  void runtime.patterns
    .catalogLoaded()
    .then((report) => {
      for (const s of report?.skipped ?? []) root.log.warn({ file: s.file, failures: s.failures }, `catalog pattern ${s.file} skipped: ${s.failures.map((f) => `${f.pointer ?? ''} ${f.message}`.trim()).join('; ')}`);
      if (report && report.loaded.length > 0) root.log.info({ loaded: report.loaded.length, skipped: report.skipped.length }, `loaded ${report.loaded.length} catalog patterns`);
    })
    .catch((err: unknown) => root.log.error({ err }, 'the pattern catalog could not be loaded'));
  void root.register(async (scope) => registerInScope(scope.withTypeProvider<ZodTypeProvider>(), runtime));
}

function registerInScope(app: App, runtime: Runtime): void {
  app.setValidatorCompiler(serviceValidatesBody);
  const patterns = runtime.patterns;

  app.get('/api/patterns', {
    schema: { tags: TAGS, summary: 'Search the library: ranked full text, facet filters, sort, paging, facet counts', querystring: listQuery, response: { 200: listSchema, ...authErrors } },
  }, async (req) => patterns.search(req.query));

  // Routes that count a reference answer GET only: a HEAD request (link checkers) is not a reader.
  app.get('/api/patterns/:slug', {
    exposeHeadRoute: false,
    schema: { tags: TAGS, summary: 'A pattern page: the latest version with scorecard, gates, article sections and versions (records a view)', params: slugOnly, response: { 200: detailSchema, ...readErrors } },
  }, async (req) => detailBody(await patterns.detail(req.params.slug, { view: true })));

  app.get('/api/patterns/:slug/versions', {
    schema: { tags: TAGS, summary: 'Every stored version of a pattern, newest first', params: slugOnly, response: { 200: z.object({ items: z.array(detailSchema.shape.versions.element) }), ...readErrors } },
  }, async (req) => ({ items: await patterns.versions(req.params.slug) }));

  app.get('/api/patterns/:slug/versions/:version', {
    schema: {
      tags: TAGS,
      summary: 'One stored version of a pattern (records nothing)',
      params: z.object({ slug: slugParam, version: z.coerce.number().int().min(1) }),
      response: { 200: detailSchema, ...readErrors },
    },
  }, async (req) => detailBody(await patterns.detail(req.params.slug, { version: req.params.version })));

  app.get('/api/patterns/:slug/article.md', {
    exposeHeadRoute: false,
    schema: { tags: TAGS, summary: 'ARTICLE.md as a download (records an article download)', params: slugOnly, querystring: versionQuery, response: { 200: text.describe('text/markdown'), ...readErrors } },
  }, async (req, reply) => {
    const article = await patterns.article(req.params.slug, originOf(req), req.query.version);
    return reply.type('text/markdown; charset=utf-8').header('content-disposition', 'attachment; filename="ARTICLE.md"').send(article);
  });

  for (const kind of ['as-is', 'orchestrated'] as const) {
    app.get(`/api/patterns/:slug/mermaid/${kind}`, {
      schema: { tags: TAGS, summary: `The ${kind === 'as-is' ? 'As-Is' : 'Orchestrated'} Mermaid sequence diagram`, params: slugOnly, querystring: versionQuery, response: { 200: text.describe('text/plain'), ...readErrors } },
    }, async (req, reply) => reply.type('text/plain; charset=utf-8').send(await patterns.mermaid(req.params.slug, kind, req.query.version)));
  }

  const checklistTypes = { md: 'text/markdown; charset=utf-8', csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
  for (const format of ['md', 'csv', 'json'] as const) {
    app.get(`/api/patterns/:slug/checklist.${format}`, {
      exposeHeadRoute: false,
      schema: {
        tags: TAGS,
        summary: `The implementation checklist as ${format === 'csv' ? "CSV for Jira's importer (Summary, Description, Issue Type, Labels, Priority)" : format === 'md' ? 'Markdown' : 'JSON'} (records a checklist export)`,
        params: slugOnly,
        querystring: versionQuery,
        response: { 200: format === 'json' ? checklistJsonSchema : text.describe(checklistTypes[format]), ...readErrors },
      },
    }, async (req, reply) => {
      const { slug } = req.params;
      const disposition = `attachment; filename="${slug}-checklist.${format}"`;
      if (format === 'json') {
        const body = await patterns.checklist(slug, 'json', originOf(req), req.query.version);
        return reply.header('content-disposition', disposition).send(body);
      }
      const body = await patterns.checklist(slug, format, originOf(req), req.query.version);
      return reply.type(checklistTypes[format]).header('content-disposition', disposition).send(body);
    });
  }

  app.get('/api/patterns/:slug/scorecard', {
    schema: { tags: TAGS, summary: 'The HQO scorecard (computed from the content) with the diagram-size scorecard', params: slugOnly, querystring: versionQuery, response: { 200: scorecardFileSchema, ...readErrors } },
  }, async (req) => ({ ...(await patterns.scorecard(req.params.slug, req.query.version)) }));

  app.post('/api/patterns/:slug/sow', {
    config: { auth: 'viewer' },
    schema: {
      tags: TAGS,
      summary: 'A statement of work from the checklist at the given rates (stores nothing)',
      description: 'Body: { dayRate, fteCount, bufferPercent? (25), currency? (USD), daysPerWeek? (5), clientName?, effortOverrides?, exclude? }.',
      params: slugOnly,
      querystring: versionQuery,
      body: z.record(z.string(), z.unknown()),
      response: { 200: sowResultSchema, ...readErrors },
    },
  }, async (req) => patterns.sow(req.params.slug, req.body, req.query.version));

  app.post('/api/patterns/:slug/white-label', {
    config: { auth: 'viewer' },
    schema: {
      tags: TAGS,
      summary: "The client's names applied to both diagrams, the article and the checklist, with a budget report per diagram (stores nothing)",
      params: slugOnly,
      querystring: versionQuery,
      body: whiteLabelBody,
      response: { 200: whiteLabelSchema, ...readErrors },
    },
  }, async (req) => {
    const body = parseBody(z.strictObject({ terms: z.unknown() }), req.body, 'white-label request');
    return patterns.whiteLabel(req.params.slug, body.terms, originOf(req), req.query.version);
  });

  app.post('/api/patterns/validate', {
    config: { auth: 'viewer' },
    schema: { tags: TAGS, summary: 'Run every gate on a pattern file and report each failure (stores nothing)', body: anyJsonBody, response: { 200: validationSchema, ...authErrors } },
  }, async (req) => patterns.validate(req.body));

  app.post('/api/patterns', {
    config: { auth: 'operator' },
    schema: {
      tags: TAGS,
      summary: 'Publish a pattern as the next version of its slug, behind the schema, budget and HQO gates',
      body: anyJsonBody,
      response: { 200: publishResultSchema, 201: publishResultSchema, 422: gateProblemSchema, ...authErrors },
    },
  }, async (req, reply) => {
    const outcome = await patterns.publish(req.body, principalOf(req));
    return reply.code(outcome.status === 'published' ? 201 : 200).header('location', `/api/patterns/${outcome.record.slug}`).send(publishBody(outcome));
  });

  app.put('/api/patterns/:slug', {
    config: { auth: 'operator' },
    schema: {
      tags: TAGS,
      summary: "Publish a new version of the pattern named in the URL (the document's library.slug must match)",
      params: slugOnly,
      body: anyJsonBody,
      response: { 200: publishResultSchema, 201: publishResultSchema, 422: gateProblemSchema, ...authErrors },
    },
  }, async (req, reply) => {
    const outcome = await patterns.publish(req.body, principalOf(req), { expectedSlug: req.params.slug });
    return reply.code(outcome.status === 'published' ? 201 : 200).send(publishBody(outcome));
  });

  app.get(PATTERN_SCHEMA_PATH, {
    config: { auth: 'public' },
    schema: { tags: TAGS, summary: 'The JSON Schema (2020-12) of a pattern file', response: { 200: z.record(z.string(), z.unknown()) } },
  }, async (req) => patternJsonSchema(`${originOf(req)}${PATTERN_SCHEMA_PATH}`));

  // Checklists and articles exported before links pointed at the portal say <origin>/patterns/<slug>:
  // those keep working by redirecting to the pattern's page in the library.
  app.get('/patterns/:slug', { config: { auth: 'public' }, schema: { hide: true, params: slugOnly } }, async (req, reply) =>
    reply.redirect(`${PATTERN_PAGE_PATH}/${req.params.slug}`, 302),
  );
}
