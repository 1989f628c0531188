// Sequence documents over HTTP: publish a new version (operator), list them, and read one as JSON,
// as the generated Markdown (byte for byte the core renderer's) or as the standalone HTML page.
import type { FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import { musicalSequenceSchema } from '../../core/sequence/schema';
import { AppError } from '../../core/shared/error-codes';
import type { Runtime } from '../../engine/runtime';
import type { PublishedSequence, SequenceDetail } from '../../engine/sequence-service';
import { principalOf } from '../auth';
import { authErrors, problemSchema } from '../schemas';
import type { App } from '../types';

const issueSchema = z.object({ severity: z.enum(['error', 'warning']), pointer: z.string(), message: z.string() });

const versionInfoSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  sourcePath: z.string().nullable(),
  movements: z.number().int(),
  beats: z.number().int(),
  warnings: z.number().int().describe('How many warnings the import found'),
  errors: z.number().int().describe('How many consistency errors the import found (the document is stored all the same)'),
  createdAt: z.string(),
  createdBy: z.string(),
});

const summarySchema = z.object({
  id: z.string(),
  name: z.string(),
  movements: z.number().int(),
  beats: z.number().int(),
  events: z.number().int(),
  warnings: z.number().int(),
  errors: z.number().int(),
});

const publishedSchema = versionInfoSchema.extend({
  summary: summarySchema,
  issues: z.array(issueSchema),
  repaired: z.boolean().describe('The text was UTF-8 mis-decoded as Windows-1252 and has been repaired'),
  guesses: z.array(z.object({ line: z.number().int(), chosen: z.string(), alternatives: z.array(z.string()) })),
});

const detailSchema = versionInfoSchema.extend({
  document: z.record(z.string(), z.unknown()).describe('The sequence as stored (musical-sequence schema)'),
  summary: summarySchema,
  issues: z.array(issueSchema),
  versions: z.array(versionInfoSchema),
});

type VersionInfo = z.infer<typeof versionInfoSchema>;

function infoOf(r: { id: string; version: number; name: string; title: string | null; sourcePath: string | null; movements: number; beats: number; warningCount: number; errorCount: number; createdAt: string; createdBy: string }): VersionInfo {
  return { id: r.id, version: r.version, name: r.name, title: r.title, sourcePath: r.sourcePath, movements: r.movements, beats: r.beats, warnings: r.warningCount, errors: r.errorCount, createdAt: r.createdAt, createdBy: r.createdBy };
}

function publishedBody(p: PublishedSequence) {
  return { ...infoOf(p.record), summary: p.summary, issues: p.record.issues, repaired: p.repaired, guesses: p.guesses };
}

function detailBody(d: SequenceDetail) {
  return { ...infoOf(d.record), document: d.record.document, summary: d.summary, issues: d.record.issues, versions: d.versions.map(infoOf) };
}

// The standalone page inlines Mermaid and starts it from an inline script, which the portal's
// global policy (script-src 'self') forbids; this reply carries the page's own, equally closed policy.
const STANDALONE_PAGE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: https: http:; font-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const FORMATS = ['md', 'html'] as const;

/** `operator-implementation.md` → id + format; a segment without a known extension is an id. */
function splitFile(file: string): { id: string; format: 'json' | (typeof FORMATS)[number] } {
  const m = /^(.+)\.(md|html)$/.exec(file);
  if (m) return { id: m[1] as string, format: m[2] as 'md' | 'html' };
  return { id: file, format: 'json' };
}

// Publication reads the body as text: encoding repair and the line numbers of its warnings and
// syntax errors refer to the file the user sent, not to a re-serialized copy.
const rawBodies = new WeakMap<FastifyRequest, string>();

/** Zod validation for params and query; the body passes through to the service as text. */
const bodyAsText: FastifySchemaCompiler<ZodType> = (route) => (route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route));

export function registerSequenceRoutes(app: App, runtime: Runtime): void {
  app.get('/api/sequences', {
    schema: {
      tags: ['sequences'],
      summary: 'The latest version of every sequence document',
      response: { 200: z.object({ items: z.array(versionInfoSchema.extend({ versions: z.number().int() })) }), ...authErrors },
    },
  }, async () => ({ items: (await runtime.sequences.list()).map((s) => ({ ...infoOf(s), versions: s.versions })) }));

  app.get('/api/sequences/:file', {
    schema: {
      tags: ['sequences'],
      summary: 'One sequence: `<id>` as JSON (document, summary, issues, versions), `<id>.md` as Markdown, `<id>.html` as a standalone page',
      params: z.object({ file: z.string().min(1).max(220).describe('`<id>`, `<id>.md` or `<id>.html`') }),
      querystring: z.object({
        version: z.coerce.number().int().min(1).optional().describe('A stored version; the latest when omitted'),
        sourceLink: z.string().max(2000).optional().describe('Base URL of the source JSON files for the canonical-reference link (.md and .html)'),
      }),
      response: { 200: z.union([detailSchema, z.string().describe('text/markdown or text/html')]), 404: problemSchema, ...authErrors },
    },
  }, async (req, reply) => {
    const { id, format } = splitFile(req.params.file);
    const options = { version: req.query.version, sourceLink: req.query.sourceLink };
    if (format === 'md') {
      const text = await runtime.sequences.markdown(id, options);
      return reply.type('text/markdown; charset=utf-8').header('content-disposition', `inline; filename="${id}.md"`).send(text);
    }
    if (format === 'html') {
      const html = await runtime.sequences.html(id, options);
      return reply.type('text/html; charset=utf-8').header('content-security-policy', STANDALONE_PAGE_CSP).send(html);
    }
    try {
      return detailBody(await runtime.sequences.get(id, req.query.version));
    } catch (err) {
      // "x.pdf" is more likely a format we do not offer than a sequence id with a dot in it.
      const ext = /\.([A-Za-z0-9]+)$/.exec(id)?.[1];
      if (err instanceof AppError && err.code === 'OW_NOT_FOUND' && ext !== undefined) {
        throw new AppError('OW_NOT_FOUND', `No sequence with id "${id}", and ".${ext}" is not a format this route serves: use <id>, <id>.md or <id>.html`);
      }
      throw err;
    }
  });

  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      rawBodies.set(req, text);
      done(null, text);
    });
    // The service validates the text itself (encoding repair, then schema, then consistency);
    // the body schema is declared for the OpenAPI document only.
    scope.setValidatorCompiler(bodyAsText);
    scope.withTypeProvider<ZodTypeProvider>().post('/api/sequences', {
      config: { auth: 'operator' },
      schema: {
        tags: ['sequences'],
        summary: 'Publish a sequence document as its next version; consistency findings are returned and stored with it',
        description:
          'The body is the sequence JSON (musical-sequence schema). Invalid JSON is answered with its line and column, schema violations with every pointer; neither stores anything.',
        body: musicalSequenceSchema,
        querystring: z.object({
          sourcePath: z.string().min(1).max(1000).optional().describe('Path of the source file in its repository, cited as the canonical reference'),
        }),
        response: { 201: publishedSchema, ...authErrors },
      },
    }, async (req, reply) => {
      const text = rawBodies.get(req) ?? '';
      const { sourcePath } = req.query;
      const published = await runtime.sequences.publishText(text, principalOf(req), sourcePath !== undefined ? { sourcePath } : {});
      return reply.code(201).header('location', `/api/sequences/${encodeURIComponent(published.record.id)}`).send(publishedBody(published));
    });
  });
}
